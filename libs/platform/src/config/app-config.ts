/**
 * Typed configuration, built once from the environment at boot. Nothing else in the
 * code base reads process.env: inject AppConfig instead.
 */
export class AppConfig {
  nodeEnv!: 'development' | 'production' | 'test';
  host!: string;
  port!: number;
  databaseUrl!: string;
  databasePoolSize!: number;
  redisUrl!: string;
  /** Prefix of every Redis key and BullMQ queue, so test runs and deployments can share a server. */
  redisPrefix!: string;
  jwtSecret!: string;
  jwtAccessTtlSeconds!: number;
  jwtRefreshTtlSeconds!: number;
  /** Key for the national-ID keyed hash (uniqueness) and encryption at rest. */
  piiKey!: string;
  adminEmail?: string;
  adminPassword?: string;
  corsOrigins!: string[] | true;
  logLevel!: string;
  bodyLimitBytes!: number;
  importMaxBytes!: number;
  answerGraceMs!: number;
  /** Sign-in attempts per account per minute. */
  authRateLimitPerMinute!: number;
  /** Auth requests (sign-in, sign-up) per client IP per minute. */
  authIpRateLimitPerMinute!: number;
  appBaseUrl!: string;
  /** Behind a load balancer, take the client IP from X-Forwarded-For. */
  trustProxy!: boolean;
  /** The built web app (apps/web/dist), served at `/` when the folder exists. */
  webDistDir!: string;
}
