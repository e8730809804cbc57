import { expectError, Http, startApi, TestApi } from '../harness';
import { buildWorld, ROLES, RoleName, World } from './fixtures';
import { MATRIX, Outcome } from './matrix';
import { buildCall } from './requests';
import { discoverRoutes, RouteRef } from './routes';

type Observed = Outcome | `5xx(${number})`;

const classify = (status: number): Observed => (status >= 500 ? `5xx(${status})` : status === 401 || status === 403 || status === 404 ? status : 'allow');

/**
 * Every route the app serves × every role, against the one reviewed table (matrix.ts).
 * Routes come from Nest's controller metadata, so a new route without a row fails here.
 * AUTHZ_PRINT=1 prints what was observed in the table's own syntax, for review.
 */
describe('authorization matrix: every route × every role', () => {
  let api: TestApi;
  let w: World;
  let routes: RouteRef[];

  beforeAll(async () => {
    api = await startApi();
    w = await buildWorld(new Http(api.url));
    routes = discoverRoutes(api.app);
  }, 120_000);
  afterAll(() => api.close());

  it('has exactly one row per route the app serves', () => {
    const served = new Set(routes.map((r) => r.key));
    const missing = routes.filter((r) => !MATRIX[r.key]).map((r) => r.key);
    const stale = Object.keys(MATRIX).filter((k) => !served.has(k));
    const problems = [
      ...missing.map((k) => `no row in test/authz/matrix.ts for route ${k}`),
      ...stale.map((k) => `row for ${k}, which the app does not serve`),
    ];
    expect(problems).toEqual([]);
    expect(routes.length).toBeGreaterThan(40);
  });

  it('answers each role as the table says, never with a 5xx, errors in the standard body', async () => {
    const mismatches: string[] = [];
    const printed: string[] = [];
    let requests = 0;
    for (const route of routes) {
      const row = MATRIX[route.key];
      const seen: Observed[] = [];
      for (const role of ROLES) {
        const { path, call } = await buildCall(w, route, role);
        const token = call.token !== undefined ? call.token : w.sessions[role]?.token;
        const res = await w.http.req(route.method, path, { token: token ?? undefined, body: call.body, raw: call.raw });
        requests++;
        const got = classify(res.status);
        seen.push(got);
        if (process.env.AUTHZ_PRINT && got === 'allow' && res.status >= 300)
          process.stdout.write(`  note ${route.key} ${role}: ${res.status} ${JSON.stringify(res.body).slice(0, 140)}\n`);
        if (res.status >= 400 && res.status < 500) expectError(res, res.status);
        const want = row?.[role];
        if (typeof got === 'string' && got.startsWith('5xx'))
          mismatches.push(`${route.key} as ${role}: ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
        else if (want !== undefined && got !== want)
          mismatches.push(`${route.key} as ${role}: expected ${want}, got ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
      }
      printed.push(`  '${route.key}': row(${seen.map((s) => (s === 'allow' ? 'A' : String(s))).join(', ')}),`);
    }
    if (process.env.AUTHZ_PRINT) process.stdout.write(`${printed.join('\n')}\n`);
    process.stdout.write(`authz matrix: ${routes.length} routes × ${ROLES.length} roles = ${requests} requests, ${mismatches.length} mismatches\n`);
    expect(mismatches).toEqual([]);
  }, 300_000);
});

export type { RoleName };
