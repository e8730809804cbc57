import { ConfigError, loadConfig } from './load-config';

const good = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x',
  REDIS_URL: 'redis://127.0.0.1:6379/0',
  JWT_SECRET: 'a'.repeat(32),
  PII_KEY: 'b'.repeat(32),
};

describe('loadConfig', () => {
  it('accepts a minimal valid environment and applies defaults', () => {
    const c = loadConfig(good);
    expect(c.port).toBe(3000);
    expect(c.answerGraceMs).toBe(2000);
    expect(c.importMaxBytes).toBe(10 * 1024 * 1024);
  });

  it('names every missing variable', () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    try {
      loadConfig({});
    } catch (e) {
      const msg = (e as Error).message;
      for (const v of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'PII_KEY']) expect(msg).toContain(v);
    }
  });

  it('reads the scale-out variables (issue 19), and leaves the single-node setup alone without them', () => {
    expect(loadConfig(good)).toMatchObject({ redisClusterNodes: null, databaseReplicaUrl: undefined, replicaMaxLagMs: 5000 });
    const { REDIS_URL: _unused, ...noUrl } = good;
    const c = loadConfig({ ...noUrl, REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-b.internal:7001,[::1]:7002', DATABASE_REPLICA_URL: 'postgres://r@10.0.0.9/x' });
    expect(c.redisClusterNodes).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: 'redis-b.internal', port: 7001 },
      { host: '::1', port: 7002 },
    ]);
    expect(c.databaseReplicaUrl).toBe('postgres://r@10.0.0.9/x');
    expect(() => loadConfig({ ...good, REDIS_CLUSTER_NODES: '10.0.0.1' })).toThrow(/REDIS_CLUSTER_NODES must be host:port/);
    expect(() => loadConfig({ ...good, REDIS_CLUSTER_NODES: '10.0.0.1:99999' })).toThrow(/REDIS_CLUSTER_NODES/);
    expect(() => loadConfig({ ...good, DATABASE_REPLICA_URL: 'mysql://x' })).toThrow(/DATABASE_REPLICA_URL/);
    expect(() => loadConfig({ ...good, DATABASE_REPLICA_URL: good.DATABASE_URL })).toThrow(/DATABASE_REPLICA_URL must name the replica/);
    expect(() => loadConfig({ ...good, REPLICA_MAX_LAG_MS: '-1' })).toThrow(/REPLICA_MAX_LAG_MS/);
  });

  it('names bad values', () => {
    expect(() => loadConfig({ ...good, PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ ...good, DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ ...good, JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ ...good, ADMIN_EMAIL: 'a@b.vn' })).toThrow(/ADMIN_PASSWORD/);
    expect(() => loadConfig({ ...good, METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN must be at least 16/);
    expect(loadConfig({ ...good, METRICS_TOKEN: 'x'.repeat(16) }).metricsToken).toBe('x'.repeat(16));
    expect(loadConfig(good).metricsToken).toBeUndefined();
    expect(() => loadConfig({ ...good, UPLOAD_IDLE_TIMEOUT_MS: '500' })).toThrow(/UPLOAD_IDLE_TIMEOUT_MS must be an integer between 1000/);
    expect(() => loadConfig({ ...good, UPLOAD_IDLE_TIMEOUT_MS: '60000', UPLOAD_TIMEOUT_MS: '30000' })).toThrow(
      /UPLOAD_IDLE_TIMEOUT_MS must be shorter than UPLOAD_TIMEOUT_MS/,
    );
    expect(loadConfig(good)).toMatchObject({ uploadIdleTimeoutMs: 30_000, uploadTimeoutMs: 1_800_000 });
  });

  it('requires METRICS_TOKEN in production', () => {
    expect(() => loadConfig({ ...good, NODE_ENV: 'production' })).toThrow(/METRICS_TOKEN is required when NODE_ENV=production/);
    expect(loadConfig({ ...good, NODE_ENV: 'production', METRICS_TOKEN: 'm'.repeat(16) }).metricsToken).toBe('m'.repeat(16));
  });

  it('allows credentials only for named origins; * never with them', () => {
    expect(loadConfig(good).corsOrigins).toEqual([]);
    expect(loadConfig({ ...good, CORS_ORIGINS: '*' }).corsOrigins).toBe('*');
    expect(loadConfig({ ...good, CORS_ORIGINS: 'https://thi.example.gov.vn, http://localhost:5173' }).corsOrigins).toEqual([
      'https://thi.example.gov.vn',
      'http://localhost:5173',
    ]);
    expect(() => loadConfig({ ...good, CORS_ORIGINS: 'https://thi.example.gov.vn/path' })).toThrow(/CORS_ORIGINS must be \* or comma-separated origins/);
    expect(() => loadConfig({ ...good, CORS_ORIGINS: 'https://a.vn,*' })).toThrow(/CORS_ORIGINS/);
  });

  it('validates the message senders', () => {
    expect(loadConfig(good)).toMatchObject({ emailSender: 'log', smsSender: 'log', liveMaxSocketsPerUser: 5 });
    expect(() => loadConfig({ ...good, EMAIL_SENDER: 'smtp' })).toThrow(/SMTP_URL is required/);
    expect(() => loadConfig({ ...good, EMAIL_SENDER: 'smtp', SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL must use smtp: or smtps:/);
    expect(() => loadConfig({ ...good, EMAIL_SENDER: 'pigeon' })).toThrow(/EMAIL_SENDER must be one of log, smtp/);
    expect(() => loadConfig({ ...good, SMS_SENDER: 'http', SMS_GATEWAY_URL: 'https://sms.example.vn/send' })).toThrow(/SMS_GATEWAY_TOKEN is required/);
    expect(loadConfig({ ...good, SMS_SENDER: 'http', SMS_GATEWAY_URL: 'https://sms.example.vn/send', SMS_GATEWAY_TOKEN: 't' })).toMatchObject({
      smsSender: 'http',
      smsGatewayUrl: 'https://sms.example.vn/send',
    });
    expect(() => loadConfig({ ...good, LIVE_MAX_SOCKETS_PER_USER: '0' })).toThrow(/LIVE_MAX_SOCKETS_PER_USER/);
  });
});
