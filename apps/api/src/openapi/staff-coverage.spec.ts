import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MATRIX, type Outcome } from '../../../../test/authz/matrix';
import { STAFF_API_ONLY, STAFF_SCREEN_GAPS } from './staff-coverage.allowlist';
import { callsIn, normalisePath, webCalls } from './web-calls';

/**
 * Issue 13 (the staff console): every staff operation of the OpenAPI document has a screen
 * in the web app that calls it, or is API-only by design and listed, with its reason, in
 * staff-coverage.allowlist.ts (or, until its screen lands, a reviewed gap there). Reads files only: the checked-in document (which
 * `npm run openapi:check` keeps equal to the code), the reviewed authorization matrix
 * (test/authz/matrix.ts, which `npm run test:authz` holds to the running api) and the web
 * app's sources.
 *
 * A staff operation: neither the anonymous caller nor a resident gets past authorization
 * (a resident's 404 is "your own record, not found": residents use it), and at least one
 * staff role does ('allow', or 404 for a fixture record that does not exist).
 */
const ROOT = join(__dirname, '../../../..');
const WEB_SRC = join(ROOT, 'apps/web/src');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const STAFF_COLUMNS = ['organiserOwn', 'organiserOther', 'judgeAssigned', 'judgeUnassigned', 'admin'] as const;

const reaches = (o: Outcome) => o === 'allow' || o === 404;

interface Operation {
  /** `GET /rounds/{id}/rules`: the document's path without the /api/v1 prefix. */
  name: string;
  method: string;
  /** `/rounds/{}/rules` */
  path: string;
  /** `GET /rounds/:id/rules`: the matrix's key. */
  matrixKey: string;
}

function documentedOperations(): Operation[] {
  const doc = JSON.parse(readFileSync(join(ROOT, 'apps/web/src/shared/api/openapi.json'), 'utf8')) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([full, item]) =>
    METHODS.filter((m) => item[m]).map((m) => {
      const path = full.replace(/^\/api\/v1(?=\/)/, '');
      const method = m.toUpperCase();
      return { name: `${method} ${path}`, method, path: normalisePath(path), matrixKey: `${method} ${path.replace(/\{(\w+)\}/g, ':$1')}` };
    }),
  );
}

describe('staff operations and the web app (issue 13)', () => {
  const operations = documentedOperations();
  const calls = webCalls(WEB_SRC);
  const used = (op: Operation) => calls.filter((c) => c.method === op.method && c.path === op.path);
  const staff = operations.filter((op) => {
    const row = MATRIX[op.matrixKey];
    return row && row.anonymous !== 'allow' && !reaches(row.resident) && STAFF_COLUMNS.some((c) => reaches(row[c]));
  });

  it('reads how the web app calls the api (helpers, request methods, bare download paths)', () => {
    const src = [
      'const r = (roundId: string) => `/rounds/${seg(roundId)}`;',
      "const a = { x: (id: string) => api.request<X>(`${r(id)}/advance/preview`, { method: 'POST', body, query: page }),",
      "  y: (id: string) => api.get<Page<Row>>(`/rounds/${seg(id)}/certificates/${seg(u)}.pdf`, { q: 'a b' }),",
      '  z: (id: string) => `${r(id)}/results/export`, // a `lone backtick in a comment',
      "  d: (id: string) => api.request<void>(`/rounds/${seg(id)}`, { method: 'DELETE' }), w: () => downloadPosted('/users/x', {}, 'f') };",
      "const path = `/rounds/${seg(roundId)}/entries`; const re = /filename\\*=UTF-8''([^;]+)/i; api.post<E>(path, body); navigate('/quan-tri');",
    ].join('\n');
    expect(callsIn(src).map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /rounds/{}/advance/preview',
      'GET /rounds/{}/certificates/{}.pdf',
      'GET /rounds/{}/results/export',
      'DELETE /rounds/{}',
      'POST /users/x',
      'POST /rounds/{}/entries',
    ]);
    // And in the real sources: one call of each kind the client offers.
    const names = new Set(calls.map((c) => `${c.method} ${c.path}`));
    for (const expected of [
      'PUT /rounds/{}/rules',
      'POST /rounds/{}/advance/preview',
      'DELETE /rounds/{}',
      'GET /rounds/{}/results/export',
      'POST /rounds/{}/winners/payout-export',
      'GET /users/import-template',
    ])
      expect({ expected, found: names.has(expected) }).toEqual({ expected, found: true });
  });

  it('classifies every documented operation by the authorization matrix', () => {
    expect(operations.filter((op) => !MATRIX[op.matrixKey]).map((op) => op.name)).toEqual([]);
    expect(staff.length).toBeGreaterThan(40);
    expect(staff.map((op) => op.name)).toEqual(expect.arrayContaining(['PUT /rounds/{id}/rules', 'GET /me/assignments', 'POST /users']));
    expect(staff.map((op) => op.name)).not.toContain('POST /rounds/{id}/attempts');
  });

  it('every staff operation is called by a screen, or listed as API-only with its reason', () => {
    const uncovered = staff.filter((op) => !used(op).length && !(op.name in STAFF_API_ONLY) && !(op.name in STAFF_SCREEN_GAPS)).map((op) => op.name);
    // A new staff route needs a screen that calls it, or a line in staff-coverage.allowlist.ts saying why not.
    expect(uncovered).toEqual([]);
  });

  it('the lists are short and true: staff operations that exist, no screen calls, each with a one-line reason', () => {
    const byName = new Map(operations.map((op) => [op.name, op]));
    const problems: string[] = [];
    expect(Object.keys(STAFF_API_ONLY).filter((name) => name in STAFF_SCREEN_GAPS)).toEqual([]);
    for (const [name, reason] of [...Object.entries(STAFF_API_ONLY), ...Object.entries(STAFF_SCREEN_GAPS)]) {
      const op = byName.get(name);
      if (!op) problems.push(`${name}: no such operation in the document (remove it)`);
      else if (!staff.includes(op)) problems.push(`${name}: not a staff operation (remove it)`);
      else if (used(op).length)
        problems.push(
          `${name}: the web app calls it at ${used(op)
            .map((c) => c.at)
            .join(', ')} (remove it)`,
        );
      if (!reason.trim() || reason.includes('\n') || reason.length > 140) problems.push(`${name}: the reason must be one line of at most 140 characters`);
    }
    expect(problems).toEqual([]);
    expect(Object.keys(STAFF_API_ONLY).length).toBeLessThanOrEqual(12);
    expect(Object.keys(STAFF_SCREEN_GAPS).length).toBeLessThanOrEqual(3);
  });
});
