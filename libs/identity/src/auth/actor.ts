import type { Role } from '../users/user.entity';

/** The authenticated caller, as every service sees it. */
export interface Actor {
  id: string;
  role: Role;
  organisationId: string | null;
}

export const isStaff = (a: Actor): boolean => a.role !== 'resident';
