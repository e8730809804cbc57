import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_NODE_ARGS } from '../../load-tests/lib/env';

/**
 * The api runs with the same Node flags wherever it is started for real (deploy/, Docker, the
 * demo, npm run start:api) and in the benches that measure it: a flag added in one place only
 * would make bench:surge measure something production does not run.
 */
const ROOT = join(__dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('the api is started with one set of Node flags', () => {
  const sites: [string, RegExp][] = [
    ['deploy/systemd/lc-api@.service', /^ExecStart=\/usr\/bin\/node (.*)dist\/apps\/api\/src\/main\.js$/m],
    ['scripts/demo.sh', /^node (.*)dist\/apps\/api\/src\/main\.js/m],
    ['package.json', /"start:api": "node (.*)dist\/apps\/api\/src\/main\.js"/],
    ['docker/Dockerfile', /^CMD \["node", (.*)"dist\/apps\/api\/src\/main\.js"\]$/m],
  ];

  it.each(sites)('%s', (path, line) => {
    const m = line.exec(read(path));
    expect(m).not.toBeNull();
    const given = m![1].split(/[\s,"]+/).filter(Boolean);
    expect(given).toEqual(API_NODE_ARGS);
  });

  it('the benches start their api instances with them', () => {
    expect(read('load-tests/bench-surge.ts')).toMatch(/BENCH_API_NODE_ARGS === undefined \? API_NODE_ARGS :/);
    expect(read('load-tests/bench-live.ts')).toMatch(/startProcess\([^)]*, API_NODE_ARGS\)/);
  });
});
