import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '../users/user.entity';
import type { Actor } from './actor';

export const ROLES_KEY = 'lc:roles';

export { IS_PUBLIC, Public } from '@lc/platform';
/** Only these roles reach the handler (others get 403). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ actor: Actor }>().actor;
});

/** The caller's IP and user agent, for integrity records. */
export const ClientInfo = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const req = ctx.switchToHttp().getRequest<{ ip: string; headers: Record<string, string | undefined> }>();
  return { ip: req.ip, userAgent: (req.headers['user-agent'] ?? '').slice(0, 300), deviceId: (req.headers['x-device-id'] ?? '').slice(0, 100) || null };
});
export interface ClientInfo {
  ip: string;
  userAgent: string;
  deviceId: string | null;
}
