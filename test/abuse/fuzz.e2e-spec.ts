import fc from 'fast-check';
import { Http, startApi, TestApi } from '../harness';
import { buildWorld, ROLES, World } from '../authz/fixtures';
import { newStaff } from '../factories';
import { discoverRoutes } from '../authz/routes';
import { responseProblems } from './error-shape';
import { hostileString, hostileValue, NASTY_KEYS, toJsonText } from './hostile';
import { OpenApiDoc, Operation, operations, sample } from './openapi';

/** Runs per operation; ABUSE_RUNS raises it for a long soak. Each run is one request (plus shrinking on failure). */
const RUNS = Number(process.env.ABUSE_RUNS ?? 16);
const SEED = Number(process.env.ABUSE_SEED ?? 20260701);

/** Percent-encodes a path segment; a lone surrogate goes out as the invalid UTF-8 it would be (%ED%A0%80). */
function encodePathSegment(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return [...v].map((ch) => (/[\ud800-\udfff]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
  }
}

interface Shot {
  role: (typeof ROLES)[number];
  params: Record<string, string>;
  query: [string, string][];
  body: { kind: 'json'; text: string } | { kind: 'raw'; text: string; type: string } | { kind: 'none' };
}

/**
 * Every operation of the OpenAPI document (and any route the document forgets), fed with
 * property-based hostile input — wrong types, huge and invisible strings, NaN/1e309/-0,
 * deep nesting, prototype keys, injections — as every role and as nobody. No answer may be
 * a 5xx, and every error must carry the SPEC's body.
 */
describe('hostile input: every operation, property-based (fast-check)', () => {
  let api: TestApi;
  let http: Http;
  let w: World;
  let ops: Operation[];
  let doc: OpenApiDoc;
  let ids: string[];

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    w = await buildWorld(http);
    // Fuzzed as the admin, POST /me/sign-out-everywhere ends every session of that account: a fresh admin,
    // never the seeded one every other suite signs in as (CI: the authz suite's admin token was revoked under it).
    w.sessions.admin = await newStaff(http, w.admin, 'admin');
    const res = await http.req<OpenApiDoc>('GET', '/docs/openapi.json');
    doc = res.body;
    ops = operations(doc);
    // Routes the document does not describe are fuzzed too, with no schema to go on.
    const documented = new Set(ops.map((o) => `${o.method} ${o.path}`));
    for (const r of discoverRoutes(api.app)) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      if (!documented.has(`${r.method} ${path}`))
        ops.push({ method: r.method, path, pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]), queryParams: [], multipart: false });
    }
    ids = [
      w.contestId,
      w.roundId,
      w.attempt.id,
      w.a.bankId,
      w.a.questions[0].id,
      w.a.org.id,
      w.orgB.id,
      w.judgeAssigned.user.id,
      w.resident.user.id,
      w.attempt.questions[0].id,
    ];
  }, 120_000);
  afterAll(() => api.close());

  it('answers every operation without a 5xx and with the standard error body', async () => {
    let requests = 0;
    const failures: string[] = [];
    const pathValue = fc.oneof(
      fc.constantFrom(...ids),
      fc.uuid(),
      hostileString.filter((s) => s.length > 0 && s.length < 2000),
    );

    for (const op of ops) {
      const base = op.bodySchema ? sample(doc, op.bodySchema, ids) : {};
      const baseKeys = base && typeof base === 'object' && !Array.isArray(base) ? Object.keys(base) : [];
      // Near-valid bodies (one field broken, or a hostile extra key) reach deeper than random ones.
      const nearValid = fc.tuple(fc.constantFrom(...(baseKeys.length ? baseKeys : ['x'])), hostileValue, fc.boolean()).map(([k, v, extra]) => {
        const b = { ...(base as Record<string, unknown>) };
        if (extra) b[NASTY_KEYS[Math.abs(k.length) % NASTY_KEYS.length]] = v;
        else b[k] = v;
        return b;
      });
      const body: fc.Arbitrary<Shot['body']> = fc.oneof(
        { weight: 3, arbitrary: nearValid.map((b) => ({ kind: 'json' as const, text: toJsonText(b) })) },
        { weight: 2, arbitrary: hostileValue.map((v) => ({ kind: 'json' as const, text: toJsonText(v) })) },
        { weight: 1, arbitrary: fc.constantFrom({ kind: 'json' as const, text: toJsonText(base) }, { kind: 'none' as const }) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(
              fc.constantFrom(
                'text/plain',
                'application/x-www-form-urlencoded',
                'application/xml',
                'application/json; charset=utf-16',
                'multipart/form-data; boundary=x',
              ),
              hostileString,
            )
            .map(([type, text]) => ({ kind: 'raw' as const, type, text })),
        },
      );
      const query = fc.array(
        fc.tuple(
          fc.oneof(fc.constantFrom(...(op.queryParams.length ? op.queryParams : ['limit', 'offset', 'format'])), fc.constantFrom(...NASTY_KEYS)),
          fc.oneof(hostileString, fc.constantFrom('-1', '1e309', 'NaN', '-0', '0x10', '99999999999999999999', 'true', '[]', '{}')),
        ),
        { maxLength: 4 },
      );
      const params = fc.record(Object.fromEntries(op.pathParams.map((p) => [p, pathValue])) as Record<string, fc.Arbitrary<string>>);
      const shot: fc.Arbitrary<Shot> = fc.record({
        role: fc.constantFrom(...ROLES),
        params,
        query,
        body: op.method === 'GET' ? fc.constant({ kind: 'none' as const }) : body,
      });

      let lastProblem = '';
      try {
        await fc.assert(
          fc.asyncProperty(shot, async (s) => {
            const url =
              op.path.replace(/\{(\w+)\}/g, (_, n: string) => encodePathSegment(s.params[n])) +
              (s.query.length ? `?${new URLSearchParams(s.query).toString()}` : '');
            const headers: Record<string, string> = {};
            const token = w.sessions[s.role]?.token;
            if (token) headers.authorization = `Bearer ${token}`;
            let raw: string | undefined;
            if (s.body.kind !== 'none') {
              headers['content-type'] = s.body.kind === 'json' ? 'application/json' : s.body.type;
              raw = s.body.text;
            }
            requests++;
            const res = await http.req(op.method, url, { headers, raw });
            const problems = responseProblems(res);
            if (problems.length) {
              const sent =
                s.body.kind === 'none' ? '' : ` body ${s.body.text.slice(0, 160)}${s.body.text.length > 160 ? `… (${s.body.text.length} chars)` : ''}`;
              lastProblem = `${url.slice(0, 200)} as ${s.role}${sent} → ${res.status}: ${problems.join('; ')}`;
              throw new Error(lastProblem);
            }
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        );
      } catch (e) {
        if (process.env.ABUSE_DEBUG) console.error(e);
        const msg = (e as Error).message;
        failures.push(`${op.method} ${op.path}: ${lastProblem || msg.slice(Math.max(0, msg.indexOf('Got error')), 400)}`);
      }
    }
    process.stdout.write(`abuse fuzz: ${ops.length} operations × ${RUNS} runs, ${requests} hostile requests, ${failures.length} operations failing\n`);
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(ops.length * RUNS);
    // The seeded admin's sessions, which the other suites running beside this one use, are untouched.
    expect((await http.get('/me', w.admin.token)).status).toBe(200);
  }, 600_000);
});
