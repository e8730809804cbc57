import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AppConfig, badRequest, conflict, DomainError, isUniqueViolation } from '@lc/platform';
import { SignUpDto } from '../dto/register.dto';
import { nationalIdProblems } from '../pii/cccd';
import { normalisePhone } from '../pii/pii';
import { PiiService } from '../pii/pii.service';
import { User } from '../users/user.entity';
import { toUserView, UserView } from '../users/user-view';
import { LoginLimiter } from './login-limiter.service';
import { passwordProblems } from './password-policy';
import { dummyHash, hashPassword, verifyPassword } from './passwords';
import { RefreshToken } from './refresh-token.entity';
import { TokenService, unauthorized } from './token.service';

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: UserView;
}

const GUARDIAN_AGE = 16;

export const accountDeactivated = () => new DomainError('account_deactivated', 403, 'This account has been deactivated; ask an administrator');

/** 400 weak_password naming the field, for sign-up, password change and reset alike. */
export function requireStrongPassword(password: string, field: string): void {
  const problems = passwordProblems(password);
  if (problems.length) throw badRequest('weak_password', `${field} is too easy to guess`, [{ field, problems }]);
}

export function ageOn(dateOfBirth: string, on: Date): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  let age = on.getUTCFullYear() - y;
  if (on.getUTCMonth() + 1 < m || (on.getUTCMonth() + 1 === m && on.getUTCDate() < d)) age--;
  return age;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
    private readonly jwt: JwtService,
    private readonly pii: PiiService,
    private readonly config: AppConfig,
    private readonly limiter: LoginLimiter,
  ) {}

  async register(dto: SignUpDto): Promise<Session> {
    const phone = normalisePhone(dto.phone);
    if (!phone)
      throw badRequest('invalid_phone', 'phone must be a Vietnamese mobile number', [{ field: 'phone', problems: ['not a Vietnamese mobile number'] }]);
    const age = ageOn(dto.dateOfBirth, new Date());
    if (Number.isNaN(age) || age < 0 || age > 120)
      throw badRequest('invalid_date_of_birth', 'dateOfBirth is not plausible', [{ field: 'dateOfBirth', problems: ['not a plausible date of birth'] }]);
    if (age < GUARDIAN_AGE && !(dto.guardianConsent === true && dto.guardianName)) {
      throw badRequest('guardian_consent_required', `Residents under ${GUARDIAN_AGE} need a guardian's name and consent`, [
        { field: 'guardianConsent', problems: ['required under 16'] },
      ]);
    }
    const nidProblems = nationalIdProblems(dto.nationalId, dto.dateOfBirth);
    if (nidProblems.length)
      throw badRequest('invalid_national_id', 'nationalId is not a possible CCCD number', [{ field: 'nationalId', problems: nidProblems }]);
    requireStrongPassword(dto.password, 'password');
    const nid = this.pii.seal('nid', dto.nationalId);
    const ph = this.pii.seal('phone', phone);
    const now = new Date();
    const user = this.db.getRepository(User).create({
      fullName: dto.fullName.normalize('NFC').trim(),
      email: dto.email?.toLowerCase() ?? null,
      phoneHash: ph.hash,
      phoneEncrypted: ph.encrypted,
      phoneMasked: ph.masked,
      passwordHash: await hashPassword(dto.password),
      role: 'resident',
      organisationId: null,
      province: dto.province,
      commune: dto.commune?.normalize('NFC').trim() ?? null,
      unit: dto.unit?.normalize('NFC').trim() ?? null,
      dateOfBirth: dto.dateOfBirth,
      nationalIdHash: nid.hash,
      nationalIdEncrypted: nid.encrypted,
      nationalIdMasked: nid.masked,
      consentAt: now,
      guardianName: age < GUARDIAN_AGE ? (dto.guardianName ?? null) : null,
      guardianConsentAt: age < GUARDIAN_AGE ? now : null,
    });
    try {
      await this.db.getRepository(User).insert(user);
    } catch (e) {
      if (isUniqueViolation(e, 'uq_user_national_id_hash')) throw conflict('national_id_taken', 'This national ID already backs an account');
      if (isUniqueViolation(e, 'uq_user_phone_hash')) throw conflict('phone_taken', 'This phone number already has an account');
      if (isUniqueViolation(e, 'uq_user_email')) throw conflict('email_taken', 'This e-mail already has an account');
      throw e;
    }
    const saved = await this.db.getRepository(User).findOneByOrFail({ id: user.id });
    return this.startSession(saved);
  }

  /** `client` is the caller's address: limits are per account and client (login-limits.ts). */
  async login(login: string, password: string, client: string): Promise<Session> {
    await this.limiter.take(login, client);
    const user = await this.findByLogin(login);
    if (!user) {
      await verifyPassword(await dummyHash(), password);
      throw unauthorized('Wrong login or password');
    }
    if (!(await verifyPassword(user.passwordHash, password))) throw unauthorized('Wrong login or password');
    await this.limiter.succeeded(login, client);
    // After the password check, so only the account's holder learns that it is deactivated.
    if (user.deactivatedAt) throw accountDeactivated();
    return this.startSession(user);
  }

  findByLogin(login: string): Promise<User | null> {
    const repo = this.db.getRepository(User);
    const trimmed = login.trim();
    if (trimmed.includes('@')) return repo.findOneBy({ email: trimmed.toLowerCase(), deletedAt: IsNull() });
    const phone = normalisePhone(trimmed);
    if (!phone) return Promise.resolve(null);
    return repo.findOneBy({ phoneHash: this.pii.hash('phone', phone), deletedAt: IsNull() });
  }

  /** Rotates the refresh token; presenting an already-used one revokes its whole family (theft). */
  async refresh(refreshToken: string): Promise<Session> {
    let claims: { sub: string; jti: string; fam: string; typ: string };
    try {
      claims = this.jwt.verify(refreshToken, { algorithms: ['HS256'] });
    } catch {
      throw unauthorized('Invalid refresh token');
    }
    if (claims.typ !== 'refresh') throw unauthorized('Invalid refresh token');
    const outcome = await this.db.transaction(async (m) => {
      const row = await m.getRepository(RefreshToken).findOne({ where: { id: claims.jti }, lock: { mode: 'pessimistic_write' } });
      if (!row || row.revokedAt || row.expiresAt < new Date()) throw unauthorized('Refresh token revoked or expired');
      if (row.usedAt) return { reusedFamily: row.family, userId: row.userId, session: null };
      await m.getRepository(RefreshToken).update({ id: row.id }, { usedAt: new Date() });
      const user = await m.getRepository(User).findOneBy({ id: row.userId, deletedAt: IsNull() });
      if (!user) throw unauthorized('Account no longer exists');
      if (user.deactivatedAt) throw accountDeactivated();
      return { reusedFamily: null, userId: row.userId, session: await this.startSession(user, row.family, m.getRepository(RefreshToken)) };
    });
    if (outcome.session) return outcome.session;
    // Outside the transaction: a throw inside would roll the revocation back.
    await this.db.getRepository(RefreshToken).update({ family: outcome.reusedFamily! }, { revokedAt: new Date() });
    // The thief's access tokens and the victim's alike: neither can tell which is which.
    await this.tokens.revokeSession(outcome.userId, outcome.reusedFamily!);
    throw unauthorized('Refresh token already used; sign in again');
  }

  /** Ends the session the refresh token belongs to, its access tokens included. */
  async logout(refreshToken: string): Promise<void> {
    let claims: { sub: string; fam: string };
    try {
      claims = this.jwt.verify<{ sub: string; fam: string }>(refreshToken, { algorithms: ['HS256'] });
    } catch {
      return; // An invalid token is already as good as logged out.
    }
    await this.db.getRepository(RefreshToken).update({ family: claims.fam }, { revokedAt: new Date() });
    await this.tokens.revokeSession(claims.sub, claims.fam);
  }

  async startSession(user: User, family: string = randomUUID(), repo = this.db.getRepository(RefreshToken)): Promise<Session> {
    const { accessToken, expiresIn } = this.tokens.issueAccess(user, family);
    const jti = randomUUID();
    const ttl = this.config.jwtRefreshTtlSeconds;
    await repo.insert({ id: jti, userId: user.id, family, expiresAt: new Date(Date.now() + ttl * 1000) });
    const refreshToken = this.jwt.sign({ sub: user.id, fam: family, typ: 'refresh' }, { expiresIn: ttl, jwtid: jti, algorithm: 'HS256' });
    return { accessToken, refreshToken, expiresIn, user: toUserView(user) };
  }
}
