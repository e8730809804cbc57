import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@lc/platform';
import { PasswordResetConfirmDto, PasswordResetRequestDto, PasswordResetRequestedDto, RefreshBodyDto } from '../dto/account.dto';
import { LoginDto } from '../dto/login.dto';
import { SignUpDto } from '../dto/register.dto';
import { AuthService, Session } from './auth.service';
import { SessionResponse } from '../dto/responses';
import { Public } from './decorators';
import { PasswordResetService } from './password-reset.service';
import { clearSessionCookies, COOKIE_MODE_HEADER, deliverSession, refreshTokenOf } from './refresh-cookie';
import { RESET_CODE_TTL_SECONDS } from './reset-codes';
import { TokenService, unauthorized } from './token.service';

type SessionBody = Session | Omit<Session, 'refreshToken'>;

@ApiTags('auth')
@ApiTooManyRequestsResponse({ description: 'Rate limited; see Retry-After' })
@ApiHeader({
  name: COOKIE_MODE_HEADER,
  required: false,
  description: '1: keep the refresh token in an httpOnly cookie (path /api/v1/auth) instead of the body',
})
@Public()
@UseGuards(ThrottlerGuard)
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly reset: PasswordResetService,
    private readonly config: AppConfig,
    private readonly tokens: TokenService,
  ) {}

  private deliver(session: Session, req: FastifyRequest, reply: FastifyReply): SessionBody {
    return deliverSession(session, req, reply, this.config.appBaseUrl, this.config.jwtRefreshTtlSeconds, (t) => this.tokens.issuePageSession(t));
  }

  @Post('register')
  @SkipThrottle({ account: true, user: true })
  @ApiOperation({ summary: 'Resident sign-up (a CCCD of a real structure, not a common password)' })
  @ApiCreatedResponse({ type: SessionResponse })
  async register(@Body() dto: SignUpDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionBody> {
    return this.deliver(await this.auth.register(dto), req, reply);
  }

  @Post('login')
  @HttpCode(200)
  // The account limit is the progressive delay per account and client (LoginLimiter), not a fixed count anyone can use up.
  @SkipThrottle({ account: true, user: true })
  @ApiOperation({ summary: 'Sign in with phone or e-mail and password; wrong tries slow that account on that client (429 login_delayed)' })
  @ApiOkResponse({ type: SessionResponse })
  async login(@Body() dto: LoginDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionBody> {
    return this.deliver(await this.auth.login(dto.login, dto.password, req.ip), req, reply);
  }

  @Post('refresh')
  @HttpCode(200)
  @SkipThrottle({ account: true, user: true })
  @ApiOperation({ summary: 'Exchange a refresh token (body, or the cookie) for a new pair (rotation); a reused one ends its session' })
  @ApiOkResponse({ type: SessionResponse })
  async refresh(@Body() dto: RefreshBodyDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionBody> {
    const token = refreshTokenOf(req, dto);
    if (!token) throw unauthorized('Refresh token missing');
    return this.deliver(await this.auth.refresh(token), req, reply);
  }

  @Post('logout')
  @HttpCode(204)
  @SkipThrottle({ account: true, user: true })
  @ApiOperation({ summary: 'End this session: its refresh token and, within seconds, its access tokens on every instance' })
  @ApiNoContentResponse({ description: 'Signed out (also when the token was already invalid)' })
  async logout(@Body() dto: RefreshBodyDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const token = refreshTokenOf(req, dto);
    if (token) await this.auth.logout(token);
    clearSessionCookies(req, reply, this.config.appBaseUrl);
  }

  @Post('password-reset/request')
  @HttpCode(202)
  @SkipThrottle({ user: true })
  @ApiOperation({ summary: 'Send a one-time code to the phone (SMS) or e-mail typed; the same answer whether or not such an account exists' })
  @ApiAcceptedResponse({ type: PasswordResetRequestedDto })
  async requestReset(@Body() dto: PasswordResetRequestDto): Promise<PasswordResetRequestedDto> {
    await this.reset.request(dto.login);
    return { message: 'If an account uses this phone number or e-mail, a code has been sent to it', codeValidSeconds: RESET_CODE_TTL_SECONDS };
  }

  @Post('password-reset/confirm')
  @HttpCode(200)
  // Guesses are limited by the code itself (5 tries, then spent).
  @SkipThrottle({ account: true, user: true })
  @ApiOperation({ summary: 'Set a new password with the code: every session ends, a new one starts here' })
  @ApiOkResponse({ type: SessionResponse })
  @ApiBadRequestResponse({ description: 'invalid_reset_code (wrong, expired or spent after 5 tries), weak_password' })
  async confirmReset(@Body() dto: PasswordResetConfirmDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionBody> {
    return this.deliver(await this.reset.confirm(dto.login, dto.code, dto.newPassword, req.ip), req, reply);
  }
}
