import { assertNoEviction, createRedis } from '@lc/platform';
import { API_MAIN, freePort, requireBuild, runToExit, startOwnRedis, WORKER_MAIN } from '../../../test/processes';

describe('start-up refuses bad configuration', () => {
  beforeAll(() => requireBuild());

  it('stops with a message naming each missing or bad variable', async () => {
    const env = { PATH: process.env.PATH, DATABASE_URL: 'mysql://nope', REDIS_URL: process.env.REDIS_URL, JWT_SECRET: 'short', UPLOAD_IDLE_TIMEOUT_MS: '0' };
    for (const main of [API_MAIN, WORKER_MAIN]) {
      const r = await runToExit(main, env);
      expect(r.code).toBe(78);
      expect(r.stderr).toMatch(/DATABASE_URL/);
      expect(r.stderr).toMatch(/JWT_SECRET must be at least 32 characters/);
      expect(r.stderr).toMatch(/PII_KEY is required/);
      expect(r.stderr).toMatch(/UPLOAD_IDLE_TIMEOUT_MS must be an integer between 1000/);
    }
  });

  it('refuses a Redis whose maxmemory-policy could evict queue keys', async () => {
    const own = await startOwnRedis(['--maxmemory', '64mb', '--maxmemory-policy', 'allkeys-lru']);
    try {
      const r = createRedis(own.url);
      await expect(assertNoEviction(r)).rejects.toThrow(/allkeys-lru/);
      r.disconnect();
      const run = await runToExit(API_MAIN, { ...process.env, REDIS_URL: own.url, PORT: String(await freePort()) });
      expect(run.code).not.toBe(0);
      expect(run.stderr + run.stdout).toMatch(/maxmemory-policy is "allkeys-lru"/);
    } finally {
      await own.stop();
    }
  });

  it('accepts a Redis with noeviction', async () => {
    const own = await startOwnRedis(['--maxmemory-policy', 'noeviction']);
    try {
      const r = createRedis(own.url);
      await expect(assertNoEviction(r)).resolves.toBeUndefined();
      r.disconnect();
    } finally {
      await own.stop();
    }
  });
});
