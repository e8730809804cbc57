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
  /**
   * A streaming replica of DATABASE_URL (DATABASE_REPLICA_URL) for the named read-mostly paths
   * (`ReadReplica`); undefined: they read the primary.
   */
  databaseReplicaUrl?: string;
  /** A replica further behind than this (replay lag) is not read from: the primary answers. */
  replicaMaxLagMs!: number;
  redisUrl!: string;
  /**
   * Seed nodes of a Redis Cluster (REDIS_CLUSTER_NODES=host:port,…): every Redis use runs on
   * it; REDIS_URL then only gives credentials and TLS. null: the one server of REDIS_URL.
   */
  redisClusterNodes!: { host: string; port: number }[] | null;
  /** Prefix of every Redis key and BullMQ queue, so test runs and deployments can share a server. */
  redisPrefix!: string;
  jwtSecret!: string;
  jwtAccessTtlSeconds!: number;
  jwtRefreshTtlSeconds!: number;
  /** Key for the national-ID keyed hash (uniqueness) and encryption at rest. */
  piiKey!: string;
  adminEmail?: string;
  adminPassword?: string;
  /** Other origins whose pages may call the api with credentials (cookies); `'*'`: any origin, never with credentials; []: same origin only. */
  corsOrigins!: string[] | '*';
  logLevel!: string;
  bodyLimitBytes!: number;
  importMaxBytes!: number;
  /** Where handed-in files (judged entries) are kept, under random names. */
  uploadDir!: string;
  /** Largest judged-entry file (slides, recorded presentations). */
  entryMaxBytes!: number;
  /** An upload that sends nothing for this long is cut off (408): a slow-loris client holds no connection for long. */
  uploadIdleTimeoutMs!: number;
  /** The longest an upload's body may take to arrive (408); leftovers older than this are swept. */
  uploadTimeoutMs!: number;
  answerGraceMs!: number;
  /** Wrong sign-in tries per account (all clients together) before each further try waits, doubling up to a minute. */
  authRateLimitPerMinute!: number;
  /** Auth requests (sign-in, sign-up) per client IP per minute. */
  authIpRateLimitPerMinute!: number;
  appBaseUrl!: string;
  /** Whose X-Forwarded-For is believed: nobody (false), every hop (true), or these proxies (parseTrustProxy). */
  trustProxy!: boolean | string[];
  /** The built web app (apps/web/dist), served at `/` when the folder exists. */
  webDistDir!: string;
  /** Days IPs, user agents and device ids stay on attempts and integrity events (Decree 13/2023). */
  retentionIntegrityDays!: number;
  /** Days audit entries are kept. */
  retentionAuditDays!: number;
  /** Where the worker writes result exports (api and worker must share it). */
  exportDir!: string;
  /** When set, GET /metrics needs `Authorization: Bearer <it>`; required in production. */
  metricsToken?: string;
  /** How e-mail (one-time codes) goes out: `smtp` through `smtpUrl`, or `log` (development: written to the log). */
  emailSender!: 'smtp' | 'log';
  smtpUrl?: string;
  /** The From of every e-mail. */
  mailFrom!: string;
  /** How SMS goes out: `http` to an SMS gateway (`smsGatewayUrl`, bearer `smsGatewayToken`), or `log`. */
  smsSender!: 'http' | 'log';
  smsGatewayUrl?: string;
  smsGatewayToken?: string;
  /** Live connections one user may hold at once (all instances together); a new one beyond it closes the oldest. */
  liveMaxSocketsPerUser!: number;
}
