import { Body, Controller, HttpCode, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@lc/platform';
import { ChangePasswordDto, UpdateProfileDto } from '../dto/account.dto';
import { SessionResponse, UserResponse } from '../dto/responses';
import { ProfileService } from '../users/profile.service';
import type { UserView } from '../users/user-view';
import { AccountSecurityService } from './account-security.service';
import type { Actor } from './actor';
import { Session } from './auth.service';
import { CurrentActor, Roles } from './decorators';
import { clearPageSessionCookie } from './page-session-cookie';
import { deliverSession } from './refresh-cookie';
import { TokenService } from './token.service';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class AccountController {
  constructor(
    private readonly security: AccountSecurityService,
    private readonly profile: ProfileService,
    private readonly config: AppConfig,
    private readonly tokens: TokenService,
  ) {}

  @Patch()
  @Roles('resident')
  @ApiOperation({
    summary: 'Correct your e-mail, province, commune or unit (audited). Name, national ID and date of birth decide prizes: the organiser corrects those',
  })
  @ApiOkResponse({ type: UserResponse })
  updateProfile(@CurrentActor() actor: Actor, @Body() dto: UpdateProfileDto): Promise<UserView> {
    return this.profile.update(actor, dto);
  }

  @Post('password')
  @HttpCode(200)
  // A stolen access token must not become a password oracle.
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ ip: true, account: true })
  @Throttle({ user: { limit: 10, ttl: 60_000 } })
  @ApiOperation({ summary: 'Change your password: every other session ends; this one goes on with the new pair returned' })
  @ApiOkResponse({ type: SessionResponse })
  async changePassword(
    @CurrentActor() actor: Actor,
    @Body() dto: ChangePasswordDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Session | Omit<Session, 'refreshToken'>> {
    const session = await this.security.changePassword(actor, dto.currentPassword, dto.newPassword);
    return deliverSession(session, req, reply, this.config.appBaseUrl, this.config.jwtRefreshTtlSeconds, (t) => this.tokens.issuePageSession(t));
  }

  @Post('sign-out-everywhere')
  @HttpCode(204)
  @ApiOperation({ summary: 'End every session of your account, this one included: access tokens die within seconds, live connections close' })
  @ApiNoContentResponse({ description: 'Every session ended' })
  async signOutEverywhere(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.security.signOutEverywhere(actor);
    clearPageSessionCookie(req, reply, this.config.appBaseUrl);
  }
}
