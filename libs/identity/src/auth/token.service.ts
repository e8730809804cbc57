import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig, DomainError, REDIS, RedisKeys } from '@lc/platform';
import { User, type Role } from '../users/user.entity';
import type { Actor } from './actor';

interface AccessClaims {
  sub: string;
  role: Role;
  org: string | null;
  tv: number;
  typ: 'access';
}

export const unauthorized = (message = 'Sign in required') => new DomainError('unauthorized', 401, message);

const STATUS_TTL_MS = 2000;

/**
 * Issues and checks access tokens for HTTP and sockets alike. A token is valid only while
 * its user exists and its token version is current; that status is cached in Redis (shared
 * by every instance) and for 2 s in process.
 */
@Injectable()
export class TokenService {
  private readonly local = new Map<string, { tv: number; at: number }>();
  /** Verified tokens by their exact text, until they expire: the HMAC check was ~7% of autosave CPU. */
  private readonly verified = new Map<string, AccessClaims & { exp: number }>();

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  issueAccess(user: Pick<User, 'id' | 'role' | 'organisationId' | 'tokenVersion'>): { accessToken: string; expiresIn: number } {
    const claims: AccessClaims = { sub: user.id, role: user.role as Role, org: user.organisationId, tv: user.tokenVersion, typ: 'access' };
    return {
      accessToken: this.jwt.sign(claims, { expiresIn: this.config.jwtAccessTtlSeconds, jwtid: randomUUID(), algorithm: 'HS256' }),
      expiresIn: this.config.jwtAccessTtlSeconds,
    };
  }

  async verifyAccess(token: string | undefined): Promise<Actor> {
    if (!token) throw unauthorized();
    const claims = this.verifySignature(token);
    const current = await this.currentTokenVersion(claims.sub);
    if (current === null || current !== claims.tv) throw unauthorized('Access token revoked');
    return { id: claims.sub, role: claims.role, organisationId: claims.org };
  }

  private verifySignature(token: string): AccessClaims {
    const hit = this.verified.get(token);
    if (hit && hit.exp * 1000 > Date.now()) return hit;
    let claims: AccessClaims & { exp: number };
    try {
      claims = this.jwt.verify<AccessClaims & { exp: number }>(token, { algorithms: ['HS256'] });
    } catch (e) {
      throw unauthorized((e as Error).name === 'TokenExpiredError' ? 'Access token expired' : 'Invalid access token');
    }
    if (claims.typ !== 'access' || typeof claims.sub !== 'string') throw unauthorized('Invalid access token');
    if (this.verified.size >= 50_000) this.verified.clear();
    this.verified.set(token, claims);
    return claims;
  }

  /** Call after deleting a user or bumping token_version, so every instance stops accepting old tokens. */
  async revoke(userId: string, newVersion: number | null): Promise<void> {
    this.local.delete(userId);
    await this.redis.set(this.keys.key('user', userId, 'tv'), newVersion === null ? 'deleted' : String(newVersion), 'EX', 3600);
  }

  private async currentTokenVersion(userId: string): Promise<number | null> {
    const hit = this.local.get(userId);
    if (hit && Date.now() - hit.at < STATUS_TTL_MS) return hit.tv;
    const key = this.keys.key('user', userId, 'tv');
    let tv: number | null;
    const cached = await this.redis.get(key);
    if (cached !== null) {
      tv = cached === 'deleted' ? null : Number(cached);
    } else {
      const row = await this.db.getRepository(User).findOne({ where: { id: userId }, select: { id: true, tokenVersion: true, deletedAt: true } });
      tv = row && !row.deletedAt ? row.tokenVersion : null;
      await this.redis.set(key, tv === null ? 'deleted' : String(tv), 'EX', 3600);
    }
    if (tv !== null) this.local.set(userId, { tv, at: Date.now() });
    if (this.local.size > 100_000) this.local.clear();
    return tv;
  }
}
