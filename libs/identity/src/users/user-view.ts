import type { User } from './user.entity';

/** What any API response may say about a user: personal data masked, secrets never. */
export interface UserView {
  id: string;
  fullName: string;
  role: string;
  organisationId: string | null;
  email: string | null;
  phone: string | null;
  nationalId: string | null;
  province: string | null;
  commune: string | null;
  unit: string | null;
  dateOfBirth: string | null;
  createdAt: string;
}

export function toUserView(u: User): UserView {
  return {
    id: u.id,
    fullName: u.fullName,
    role: u.role,
    organisationId: u.organisationId,
    email: u.email,
    phone: u.phoneMasked,
    nationalId: u.nationalIdMasked,
    province: u.province,
    commune: u.commune,
    unit: u.unit,
    dateOfBirth: u.dateOfBirth,
    createdAt: u.createdAt.toISOString(),
  };
}
