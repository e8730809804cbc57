import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, createRedisClient, DomainError, EventBus, quitRedis, REDIS, RedisClient, RedisKeys } from '@lc/platform';
import { User, type Role } from '../users/user.entity';
import type { Actor } from './actor';
import { tokenVersionOf } from './token-store';

interface AccessClaims {
  sub: string;
  role: Role;
  org: string | null;
  tv: number;
  /** The session (refresh-token family) it was issued for, so signing out of one session ends its access tokens too. */
  sid?: string;
  typ: 'access';
}

type PageClaims = Omit<AccessClaims, 'typ'> & { typ: 'page' };

/** What decides whether a user's access tokens still hold: the token version, and the sessions ended since. */
interface TokenStatus {
  tv: number;
  endedSessions: ReadonlySet<string>;
}

export const unauthorized = (message = 'Sign in required') => new DomainError('unauthorized', 401, message);

/** How long a user's token version is trusted in process while revocations reach us, and while they may not. */
const STATUS_TTL_LISTENING_MS = 10 * 60_000;
const STATUS_TTL_MS = 2000;

/**
 * Issues and checks access tokens for HTTP and sockets alike. A token is valid only while
 * its user exists and its token version is current; that status is cached in Redis (shared
 * by every instance) and in process. Revocations are published to every instance, so the
 * process cache can be long while the subscription is up (the Redis GET per user every 2 s
 * was as many Redis writes as the autosaves themselves); without it, 2 s.
 */
@Injectable()
export class TokenService implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger(TokenService.name);
  private readonly local = new Map<string, TokenStatus & { at: number }>();
  private sub?: RedisClient;
  private listening = false;
  /** Verified tokens by their exact text, until they expire: the HMAC check was ~7% of autosave CPU. */
  private readonly verified = new Map<string, AccessClaims & { exp: number }>();

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly bus: EventBus,
  ) {}

  async onModuleInit(): Promise<void> {
    const sub = (this.sub = createRedisClient(this.config, { name: 'lc-token-revocations' }));
    sub.on('message', (_channel: string, userId: string) => {
      this.local.delete(userId);
      void this.bus.emit('AccessRevoked', { userId });
    });
    // A revocation published while we were not subscribed is lost: forget everything, trust briefly until back.
    sub.on('close', () => this.stopListening());
    sub.on('ready', () => void this.listen(sub));
    sub.on('error', () => undefined);
    await this.listen(sub);
  }

  /** Long trust starts only once the subscription is acknowledged (again, after a reconnect). */
  private async listen(sub: RedisClient): Promise<void> {
    try {
      await sub.subscribe(this.channel);
      this.local.clear();
      this.listening = true;
    } catch (e) {
      this.log.warn(`token revocations not subscribed (tokens are re-checked every 2 s): ${(e as Error).message}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    const s = this.sub;
    this.sub = undefined;
    this.stopListening();
    if (s) await quitRedis(s);
  }

  private stopListening(): void {
    this.listening = false;
    this.local.clear();
  }

  private get channel(): string {
    return this.keys.key('token-revocations');
  }

  issueAccess(user: Pick<User, 'id' | 'role' | 'organisationId' | 'tokenVersion'>, sessionId?: string): { accessToken: string; expiresIn: number } {
    const claims: AccessClaims = {
      sub: user.id,
      role: user.role as Role,
      org: user.organisationId,
      tv: user.tokenVersion,
      ...(sessionId ? { sid: sessionId } : {}),
      typ: 'access',
    };
    return {
      accessToken: this.jwt.sign(claims, { expiresIn: this.config.jwtAccessTtlSeconds, jwtid: randomUUID(), algorithm: 'HS256' }),
      expiresIn: this.config.jwtAccessTtlSeconds,
    };
  }

  async verifyAccess(token: string | undefined): Promise<Actor> {
    if (!token) throw unauthorized();
    const claims = this.verifySignature(token);
    const current = await this.status(claims.sub);
    if (current === null || current.tv !== claims.tv) throw unauthorized('Access token revoked');
    if (claims.sid && current.endedSessions.has(claims.sid)) throw unauthorized('Access token revoked');
    return { id: claims.sub, role: claims.role, organisationId: claims.org };
  }

  /**
   * The first-screen cookie's token (page-session-cookie.ts): the access token's claims under
   * another type, so neither passes for the other, living as long as the access token.
   */
  issuePageSession(accessToken: string): { token: string; ttlSeconds: number } {
    const a = this.verifySignature(accessToken);
    const claims: PageClaims = { sub: a.sub, role: a.role, org: a.org, tv: a.tv, ...(a.sid ? { sid: a.sid } : {}), typ: 'page' };
    return { token: this.jwt.sign(claims, { expiresIn: this.config.jwtAccessTtlSeconds, algorithm: 'HS256' }), ttlSeconds: this.config.jwtAccessTtlSeconds };
  }

  /** Who the first-screen cookie's token is for, under the same revocation checks as access tokens; null for anything else. */
  async verifyPageSession(token: string | undefined): Promise<Actor | null> {
    if (!token) return null;
    let c: PageClaims;
    try {
      c = this.jwt.verify<PageClaims>(token, { algorithms: ['HS256'] });
    } catch {
      return null;
    }
    if (c.typ !== 'page' || typeof c.sub !== 'string') return null;
    const current = await this.status(c.sub);
    if (current === null || current.tv !== c.tv || (c.sid && current.endedSessions.has(c.sid))) return null;
    return { id: c.sub, role: c.role, organisationId: c.org };
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

  /** Call after deleting, deactivating or reactivating a user or bumping token_version, so every instance stops accepting old tokens. */
  async revoke(userId: string, newVersion: number | null): Promise<void> {
    this.local.delete(userId);
    await this.redis.set(this.keys.key('user', userId, 'tv'), newVersion === null ? 'deleted' : String(newVersion), 'EX', 3600);
    await this.redis.publish(this.channel, userId);
  }

  /**
   * Ends one session's access tokens (sign-out, a stolen refresh token replayed): the session
   * is remembered as ended for as long as any access token issued for it can live.
   */
  async revokeSession(userId: string, sessionId: string): Promise<void> {
    this.local.delete(userId);
    const key = this.endedSessionsKey(userId);
    await this.redis
      .multi()
      .sadd(key, sessionId)
      .expire(key, this.config.jwtAccessTtlSeconds + 60)
      .exec();
    await this.redis.publish(this.channel, userId);
  }

  private endedSessionsKey(userId: string): string {
    return this.keys.key('user', userId, 'ended-sessions');
  }

  private async status(userId: string): Promise<TokenStatus | null> {
    const hit = this.local.get(userId);
    if (hit && Date.now() - hit.at < (this.listening ? STATUS_TTL_LISTENING_MS : STATUS_TTL_MS)) return hit;
    const key = this.keys.key('user', userId, 'tv');
    let tv: number | null;
    const [cached, ended] = await Promise.all([this.redis.get(key), this.redis.smembers(this.endedSessionsKey(userId))]);
    if (cached !== null) {
      tv = cached === 'deleted' ? null : Number(cached);
    } else {
      tv = await tokenVersionOf(this.db, userId);
      await this.redis.set(key, tv === null ? 'deleted' : String(tv), 'EX', 3600);
    }
    if (tv === null) return null;
    const status = { tv, endedSessions: new Set(ended) };
    this.local.set(userId, { ...status, at: Date.now() });
    if (this.local.size > 100_000) this.local.clear();
    return status;
  }
}
