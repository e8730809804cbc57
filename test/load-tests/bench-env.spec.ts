import { loadConfig } from '@lc/platform';
import { productionEnv } from '../../load-tests/lib/env';

// The benches start the api as production; when production began to require METRICS_TOKEN,
// every bench stopped at start-up ("Invalid configuration") until they set one.
// A unit test: no .env is loaded, so the settings production needs anyway are given here.
const required = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x',
  REDIS_URL: 'redis://127.0.0.1:6379/0',
  JWT_SECRET: 'a'.repeat(32),
  PII_KEY: 'b'.repeat(32),
};

describe('the benches run the api as production', () => {
  it('with a configuration production accepts', () => {
    const { METRICS_TOKEN: _unset, ...env }: NodeJS.ProcessEnv = { ...required, ...process.env };
    expect(() => loadConfig({ ...env, NODE_ENV: 'production' })).toThrow(/METRICS_TOKEN is required/);
    expect(() => loadConfig({ ...env, ...productionEnv() })).not.toThrow();
  });
});
