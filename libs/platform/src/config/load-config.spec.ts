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

  it('names bad values', () => {
    expect(() => loadConfig({ ...good, PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ ...good, DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ ...good, JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ ...good, ADMIN_EMAIL: 'a@b.vn' })).toThrow(/ADMIN_PASSWORD/);
    expect(() => loadConfig({ ...good, METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN must be at least 16/);
    expect(loadConfig({ ...good, METRICS_TOKEN: 'x'.repeat(16) }).metricsToken).toBe('x'.repeat(16));
    expect(loadConfig(good).metricsToken).toBeUndefined();
    expect(() => loadConfig({ ...good, UPLOAD_IDLE_TIMEOUT_MS: '500' })).toThrow(/UPLOAD_IDLE_TIMEOUT_MS must be an integer between 1000/);
    expect(() => loadConfig({ ...good, UPLOAD_IDLE_TIMEOUT_MS: '60000', UPLOAD_TIMEOUT_MS: '30000' })).toThrow(/UPLOAD_IDLE_TIMEOUT_MS must be shorter than UPLOAD_TIMEOUT_MS/);
    expect(loadConfig(good)).toMatchObject({ uploadIdleTimeoutMs: 30_000, uploadTimeoutMs: 1_800_000 });
  });
});
