import { loadConfig } from '@lc/platform';
import { productionEnv } from '../../load-tests/lib/env';

// The benches start the api as production; when production began to require METRICS_TOKEN,
// every bench stopped at start-up ("Invalid configuration") until they set one.
describe('the benches run the api as production', () => {
  it('with a configuration production accepts', () => {
    const { METRICS_TOKEN: _unset, ...env } = process.env;
    expect(() => loadConfig({ ...env, NODE_ENV: 'production' })).toThrow(/METRICS_TOKEN is required/);
    expect(() => loadConfig({ ...env, ...productionEnv() })).not.toThrow();
  });
});
