import { forbidden } from '@lc/platform';
import type { Role } from '../users/user.entity';
import type { Actor } from './actor';

/** The token of an `Authorization: Bearer …` header, if there is one. */
export function bearerToken(header: unknown): string | undefined {
  return typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

/** 403 unless the actor has one of the roles (no roles: anyone signed in). */
export function requireRole(actor: Actor, roles: readonly Role[] | undefined): void {
  if (roles && !roles.includes(actor.role)) throw forbidden(`This needs the role ${roles.join(' or ')}`);
}
