import type { StaffUserView } from '../dto/staff-user.dto';
import type { User } from './user.entity';

/** A staff account as the admin console lists it; organisers looking up judges see no phone. */
export function toStaffView(u: User, organisationName: string | null, withPhone: boolean): StaffUserView {
  return {
    id: u.id,
    fullName: u.fullName,
    email: u.email,
    phone: withPhone ? u.phoneMasked : null,
    role: u.role,
    organisationId: u.organisationId,
    organisationName,
    active: !u.deactivatedAt,
    deactivatedAt: u.deactivatedAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}
