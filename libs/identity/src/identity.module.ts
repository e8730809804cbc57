import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@lc/platform';
import { AccessService } from './access/access.service';
import { AccountController } from './auth/account.controller';
import { AccountSecurityService } from './auth/account-security.service';
import { AuthController } from './auth/auth.controller';
import { LoginLimiter } from './auth/login-limiter.service';
import { PasswordResetService } from './auth/password-reset.service';
import { Messages, SENDER_PROVIDERS } from './messages/messages';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { TokenService } from './auth/token.service';
import { OrganisationsController } from './organisations/organisations.controller';
import { OrganisationsService } from './organisations/organisations.service';
import { AccountPersonalData } from './personal-data/account-personal-data.service';
import { PiiService } from './pii/pii.service';
import { AdminBootstrapService } from './users/admin-bootstrap.service';
import { ProfileService } from './users/profile.service';
import { StaffAccountsService } from './users/staff-accounts.service';
import { ImportStaff } from './users/staff-import/import-staff';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/**
 * A KeyObject, not a string: given a string, jsonwebtoken first tries to parse it as a PEM
 * public key on every verify, which was ~40% of api CPU under load.
 */
function jwtKey(config: AppConfig) {
  return createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) as unknown as string;
}

/** Accounts, organisations, sign-in and the one access service. Global: every feature asks it. */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: jwtKey(config), signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
    }),
  ],
  controllers: [AuthController, AccountController, UsersController, OrganisationsController],
  providers: [
    AuthService,
    AccountSecurityService,
    ProfileService,
    PasswordResetService,
    LoginLimiter,
    Messages,
    ...SENDER_PROVIDERS,
    TokenService,
    UsersService,
    StaffAccountsService,
    ImportStaff,
    OrganisationsService,
    AccessService,
    PiiService,
    AdminBootstrapService,
    AccountPersonalData,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AccessService, TokenService, PiiService, UsersService, AccountPersonalData],
})
export class IdentityModule {}

/** For the worker and scripts: no controllers, no guard, no bootstrap. */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: jwtKey(config) }),
    }),
  ],
  providers: [TokenService, AccessService, PiiService],
  exports: [TokenService, AccessService, PiiService],
})
export class IdentityCoreModule {}
