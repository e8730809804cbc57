import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC } from '@lc/platform';
import type { Role } from '../users/user.entity';
import type { Actor } from './actor';
import { bearerToken, requireRole } from './bearer';
import { ROLES_KEY } from './decorators';
import { TokenService } from './token.service';

/** Global: every route needs a valid access token unless marked @Public(); @Roles narrows further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    const req = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; actor?: Actor }>();
    const token = bearerToken(req.headers.authorization);
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      // Public routes still learn who is calling when a token is given (e.g. contest listings).
      if (token) req.actor = await this.tokens.verifyAccess(token).catch(() => undefined);
      return true;
    }
    req.actor = await this.tokens.verifyAccess(token);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    requireRole(req.actor, roles);
    return true;
  }
}
