import { resolve } from 'node:path';
import { AppConfig } from './app-config';
import { parseTrustProxy } from './trust-proxy';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates the environment; throws ConfigError naming every bad or missing variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const str = (name: string, fallback?: string): string => {
    const v = env[name];
    if (v === undefined || v === '') {
      if (fallback === undefined) problems.push(`${name} is required`);
      return fallback ?? '';
    }
    return v;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };
  const url = (name: string, protocols: string[], fallback?: string): string => {
    const v = str(name, fallback);
    if (!v) return v;
    try {
      const u = new URL(v);
      if (!protocols.includes(u.protocol)) problems.push(`${name} must use ${protocols.join(' or ')} (got "${u.protocol}")`);
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return v;
  };

  const nodeEnv = str('NODE_ENV', 'development');
  if (!['development', 'production', 'test'].includes(nodeEnv)) problems.push(`NODE_ENV must be development, production or test (got "${nodeEnv}")`);
  const jwtSecret = str('JWT_SECRET');
  if (jwtSecret && jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  const piiKey = str('PII_KEY');
  if (piiKey && piiKey.length < 32) problems.push('PII_KEY must be at least 32 characters');
  const adminEmail = env.ADMIN_EMAIL || undefined;
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (!!adminEmail !== !!adminPassword) problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  if (adminEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(adminEmail)) problems.push('ADMIN_EMAIL is not an e-mail address');
  if (adminPassword && adminPassword.length < 8) problems.push('ADMIN_PASSWORD must be at least 8 characters');
  const prefix = str('REDIS_PREFIX', 'lc');
  if (!/^[a-zA-Z0-9_-]{1,32}$/.test(prefix)) problems.push('REDIS_PREFIX must be 1-32 letters, digits, _ or -');
  const cors = (env.CORS_ORIGINS ?? '').trim();
  const corsList =
    cors === '*'
      ? []
      : cors
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
  for (const o of corsList) {
    let ok = false;
    try {
      const u = new URL(o);
      ok = ['http:', 'https:'].includes(u.protocol) && u.origin === o;
    } catch {
      ok = false;
    }
    if (!ok) problems.push(`CORS_ORIGINS must be * or comma-separated origins like https://thi.example.gov.vn (got "${o}")`);
  }
  const oneOf = <T extends string>(name: string, values: readonly T[], fallback: T): T => {
    const v = str(name, fallback);
    if (!values.includes(v as T)) problems.push(`${name} must be one of ${values.join(', ')} (got "${v}")`);
    return v as T;
  };
  const emailSender = oneOf('EMAIL_SENDER', ['log', 'smtp'] as const, 'log');
  const smsSender = oneOf('SMS_SENDER', ['log', 'http'] as const, 'log');
  const smtpUrl = emailSender === 'smtp' ? url('SMTP_URL', ['smtp:', 'smtps:']) : env.SMTP_URL || undefined;
  const smsGatewayUrl = smsSender === 'http' ? url('SMS_GATEWAY_URL', ['http:', 'https:']) : env.SMS_GATEWAY_URL || undefined;
  const smsGatewayToken = smsSender === 'http' ? str('SMS_GATEWAY_TOKEN') : env.SMS_GATEWAY_TOKEN || undefined;
  const port = int('PORT', 3000, 1, 65535);

  const clusterRaw = (env.REDIS_CLUSTER_NODES ?? '').trim();
  let redisClusterNodes: AppConfig['redisClusterNodes'] = null;
  if (clusterRaw) {
    redisClusterNodes = [];
    for (const part of clusterRaw.split(',').map((x) => x.trim())) {
      const m = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(part);
      const port = m ? Number(m[2]) : 0;
      if (!m || port < 1 || port > 65535) problems.push(`REDIS_CLUSTER_NODES must be host:port,host:port,… (got "${part}")`);
      else redisClusterNodes.push({ host: m[1].replace(/^\[|\]$/g, ''), port });
    }
  }
  const replicaUrl = env.DATABASE_REPLICA_URL ? url('DATABASE_REPLICA_URL', ['postgres:', 'postgresql:']) : undefined;
  if (replicaUrl && replicaUrl === env.DATABASE_URL) problems.push('DATABASE_REPLICA_URL must name the replica, not DATABASE_URL itself');

  const trustProxy = parseTrustProxy(env.TRUST_PROXY ?? '');
  if (trustProxy.problem) problems.push(trustProxy.problem);
  const config: AppConfig = {
    nodeEnv: nodeEnv as AppConfig['nodeEnv'],
    host: str('HOST', '0.0.0.0'),
    port,
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    databasePoolSize: int('DATABASE_POOL_SIZE', 20, 1, 500),
    databaseReplicaUrl: replicaUrl,
    replicaMaxLagMs: int('REPLICA_MAX_LAG_MS', 5000, 0, 3_600_000),
    // On a cluster REDIS_URL only carries credentials and TLS: it may be left out.
    redisUrl: url('REDIS_URL', ['redis:', 'rediss:'], redisClusterNodes ? 'redis://' : undefined),
    redisClusterNodes,
    redisPrefix: prefix,
    jwtSecret,
    jwtAccessTtlSeconds: int('JWT_ACCESS_TTL_SECONDS', 900, 10, 86400),
    jwtRefreshTtlSeconds: int('JWT_REFRESH_TTL_SECONDS', 30 * 86400, 60, 365 * 86400),
    piiKey,
    adminEmail,
    adminPassword,
    corsOrigins: cors === '*' ? '*' : corsList,
    logLevel: str('LOG_LEVEL', 'info'),
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    importMaxBytes: int('IMPORT_MAX_BYTES', 10 * 1024 * 1024, 1024, 200 * 1024 * 1024),
    uploadDir: resolve(str('UPLOAD_DIR', 'data/uploads')),
    entryMaxBytes: int('ENTRY_MAX_BYTES', 200 * 1024 * 1024, 1024, 2000 * 1024 * 1024),
    uploadIdleTimeoutMs: int('UPLOAD_IDLE_TIMEOUT_MS', 30_000, 1000, 600_000),
    uploadTimeoutMs: int('UPLOAD_TIMEOUT_MS', 30 * 60_000, 10_000, 6 * 3600_000),
    answerGraceMs: int('ANSWER_GRACE_MS', 2000, 0, 60000),
    authRateLimitPerMinute: int('AUTH_RATE_LIMIT_PER_MINUTE', 10, 1, 10_000_000),
    authIpRateLimitPerMinute: int('AUTH_IP_RATE_LIMIT_PER_MINUTE', 60, 1, 10_000_000),
    appBaseUrl: str('APP_BASE_URL', `http://localhost:${port}`),
    webDistDir: resolve(str('WEB_DIST_DIR', 'apps/web/dist')),
    trustProxy: trustProxy.value,
    retentionIntegrityDays: int('RETENTION_INTEGRITY_DAYS', 180, 1, 3650),
    retentionAuditDays: int('RETENTION_AUDIT_DAYS', 1825, 30, 36500),
    exportDir: resolve(str('EXPORT_DIR', '.run/exports')),
    metricsToken: env.METRICS_TOKEN || undefined,
    emailSender,
    smtpUrl,
    mailFrom: str('MAIL_FROM', 'Thi tìm hiểu pháp luật <no-reply@localhost>'),
    smsSender,
    smsGatewayUrl,
    smsGatewayToken,
    liveMaxSocketsPerUser: int('LIVE_MAX_SOCKETS_PER_USER', 5, 1, 100),
  };
  // Open metrics tell anyone the traffic, the queues and the error rates: production must say who may read them.
  if (config.nodeEnv === 'production' && config.metricsToken === undefined)
    problems.push('METRICS_TOKEN is required when NODE_ENV=production (GET /metrics then needs Authorization: Bearer <it>)');
  if (config.uploadIdleTimeoutMs >= config.uploadTimeoutMs) problems.push('UPLOAD_IDLE_TIMEOUT_MS must be shorter than UPLOAD_TIMEOUT_MS');
  if (config.metricsToken !== undefined && config.metricsToken.length < 16) problems.push('METRICS_TOKEN must be at least 16 characters');
  if (/\0/.test(config.exportDir) || config.exportDir === resolve('/')) problems.push('EXPORT_DIR must be a folder path (not the filesystem root)');
  // A NUL byte or a filesystem root would make every upload path meaningless or dangerous.
  if (/\0/.test(config.uploadDir) || config.uploadDir === resolve('/')) problems.push('UPLOAD_DIR must be a folder path (not the filesystem root)');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(config.logLevel))
    problems.push(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent`);
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** For entry points: load or print the problems and exit non-zero. */
export function loadConfigOrExit(env: Env = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\nSee .env.example for every variable.\n`);
      process.exit(78);
    }
    throw e;
  }
}
