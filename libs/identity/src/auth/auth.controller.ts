import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { LoginDto, RefreshDto } from '../dto/login.dto';
import { SignUpDto } from '../dto/register.dto';
import { AuthService } from './auth.service';
import { Public } from './decorators';
import { SessionResponse } from '../dto/responses';

@ApiTags('auth')
@ApiTooManyRequestsResponse({ description: 'Rate limited; see Retry-After' })
@Public()
@UseGuards(ThrottlerGuard)
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @SkipThrottle({ account: true, user: true })
  @ApiOperation({ summary: 'Resident sign-up' })
  @ApiCreatedResponse({ type: SessionResponse })
  register(@Body() dto: SignUpDto): Promise<SessionResponse> {
    return this.auth.register(dto);
  }

  @Post('login')
  @HttpCode(200)
  @SkipThrottle({ user: true })
  @ApiOperation({ summary: 'Sign in with phone or e-mail and password' })
  @ApiOkResponse({ type: SessionResponse })
  login(@Body() dto: LoginDto): Promise<SessionResponse> {
    return this.auth.login(dto.login, dto.password);
  }

  @Post('refresh')
  @HttpCode(200)
  @SkipThrottle({ account: true, user: true })
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair (rotation)' })
  @ApiOkResponse({ type: SessionResponse })
  refresh(@Body() dto: RefreshDto): Promise<SessionResponse> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @SkipThrottle({ account: true, user: true })
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(dto.refreshToken);
  }
}
