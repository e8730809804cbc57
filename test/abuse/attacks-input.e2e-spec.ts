import { DataSource } from 'typeorm';
import { Http, startApi, TestApi } from '../harness';
import { residentInput } from '../factories';
import { buildWorld, World } from '../authz/fixtures';
import { Catalogue } from './catalogue';
import { deepText } from './hostile';

const cat = new Catalogue('request bodies and addresses');

describe('named attacks: bodies, encodings, injection, traversal', () => {
  let api: TestApi;
  let http: Http;
  let w: World;
  let db: DataSource;
  const json = (raw: string | Buffer, token?: string, type = 'application/json') => ({ token, raw, headers: { 'content-type': type } });

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    db = api.app.get(DataSource);
    w = await buildWorld(http);
  }, 120_000);
  afterAll(() => api.close());

  cat.attack('C01 20 MB JSON body (to sign-up, and signed in to contests)', '413 with the error body', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024, 'a');
    const body = Buffer.concat([Buffer.from('{"fullName":"'), big, Buffer.from('"}')]);
    expect(cat.check(await http.req('POST', '/auth/register', json(body)), 413).body.message).toMatch(/too large/i);
    cat.check(await http.req('POST', '/contests', json(body, w.a.organiser.token)), 413);
  });

  cat.attack('C02 deep JSON nesting (10 000 levels, 60 KB)', '400 body_too_deep, api still answers', async () => {
    for (const route of ['/auth/register', '/contests']) {
      const r = cat.check(await http.req('POST', route, json(`{"title":"x","extra":${deepText(10_000)}}`, w.a.organiser.token)), 400);
      expect(r.body.code).toBe('body_too_deep');
    }
    expect((await http.get('/health')).status).toBe(200);
  });

  cat.attack('C03 __proto__ and constructor.prototype keys (prototype pollution)', '400; Object.prototype untouched', async () => {
    cat.check(await http.req('POST', '/auth/login', json('{"login":"a@b.vn","password":"x","__proto__":{"role":"admin"}}')), 400);
    cat.check(await http.req('POST', '/contests', json('{"title":"Cuộc thi","constructor":{"prototype":{"isAdmin":true}}}', w.a.organiser.token)), 400);
    cat.check(
      await http.req('PATCH', `/rounds/${w.roundId}`, json('{"title":"x","leaderboard":{"__proto__":{"visibility":"live"}}}', w.a.organiser.token)),
      400,
    );
    expect(({} as Record<string, unknown>).role).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  cat.attack('C04 SQL injection in search, filters and paging', '200 with no extra rows, or 400; tables intact', async () => {
    const base = `/question-banks/${w.a.bankId}/questions`;
    for (const q of ["' OR 1=1--", "%' OR '1'='1", "'; DROP TABLE question; --", '\\', 'bầu\' UNION SELECT national_id_encrypted FROM "user"--']) {
      const r = cat.check(await http.get(`${base}?q=${encodeURIComponent(q)}`, w.a.organiser.token), [200, 400]);
      if (r.status === 200) expect(r.body.total).toBe(0);
    }
    for (const qs of ['limit=1;DROP TABLE contest', "offset=0'--", 'topic=%27%20OR%201%3D1', 'type=single%27--', 'sort=id;DELETE']) {
      cat.check(await http.get(`${base}?${qs}`, w.a.organiser.token), [200, 400]);
    }
    cat.check(await http.get(`/contests?status=${encodeURIComponent("published' OR '1'='1")}`), 400);
    expect((await db.query('SELECT count(*)::int AS n FROM question WHERE bank_id = $1', [w.a.bankId]))[0].n).toBeGreaterThan(0);
  });

  cat.attack('C05 NoSQL operators in bodies and queries ($ne, $gt, $where)', '400', async () => {
    cat.check(await http.post(`/contests/${w.contestId}/register`, { unit: { $ne: null } }, w.resident.token), [400, 409]);
    cat.check(await http.req('GET', `/question-banks/${w.a.bankId}/questions?q[$ne]=x`, { token: w.a.organiser.token }), [200, 400]);
    cat.check(await http.post('/question-banks', { name: { $where: 'sleep(1000)' } }, w.a.organiser.token), 400);
  });

  cat.attack('C06 path traversal in api paths and the static web root', '400/404, never a file', async () => {
    for (const p of [
      '/api/v1/question-banks/..%2F..%2F..%2Fetc%2Fpasswd',
      '/api/v1/contests/..%2f..%2fpackage.json',
      '/api/v1/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/package.json',
      '/api/v1/question-banks/x/export?format=..%2F..%2Fetc%2Fpasswd',
    ]) {
      const r = cat.check(await http.req('GET', p, { token: w.a.organiser.token }), [400, 404]);
      expect(JSON.stringify(r.body)).not.toMatch(/root:|"dependencies"/);
    }
  });

  cat.attack('C07 NUL bytes in path, query, JSON values and keys', '400 invalid_text (PostgreSQL never sees them)', async () => {
    for (const p of [`/contests/abc%00def`, `/question-banks/${w.a.bankId}/questions?q=a%00b`, `/contests?status=published%00`]) {
      expect(cat.check(await http.get(p, w.a.organiser.token), 400).body.code).toBe('invalid_text');
    }
    for (const body of ['{"title":"Cuộc thi\\u0000 ẩn"}', '{"title":"Cuộc thi","description":"a\\u0000"}', '{"title\\u0000":"x"}']) {
      expect(cat.check(await http.req('POST', '/contests', json(body, w.a.organiser.token)), 400).body.code).toBe('invalid_text');
    }
    expect(cat.check(await http.req('POST', '/auth/register', json(JSON.stringify(residentInput({ commune: 'Xã\u0000A' })))), 400).body.code).toBe(
      'invalid_text',
    );
  });

  cat.attack('C08 invalid UTF-8 and lone surrogates in the address and the body', '400', async () => {
    cat.check(await http.req('GET', '/api/v1/contests/%ED%A0%80'), [400, 404]);
    cat.check(await http.req('GET', '/api/v1/contests/%E0%A4%A'), 400);
    cat.check(
      await http.req(
        'POST',
        '/contests',
        json(Buffer.from([0x7b, 0x22, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), w.a.organiser.token),
      ),
      [201, 400],
    );
    expect(cat.check(await http.req('POST', '/contests', json('{"title":"Cuộc thi \\ud800\\ud800"}', w.a.organiser.token)), 400).body.code).toBe(
      'invalid_text',
    );
  });

  cat.attack(
    'C09 numbers JSON cannot carry: NaN, Infinity, 1e309, -0, 1e-400, 2^53+1 in numeric fields',
    '400 (NaN, Infinity); 1e309 refused as infinite',
    async () => {
      for (const n of ['NaN', 'Infinity', '-Infinity', '1e309']) {
        cat.check(await http.req('PATCH', `/rounds/${w.roundId}`, json(`{"durationSeconds":${n}}`, w.a.organiser.token)), 400);
      }
      for (const n of ['-0', '1e-400', '9007199254740993', '-1', '0.5']) {
        cat.check(await http.req('PATCH', `/rounds/${w.roundId}`, json(`{"durationSeconds":${n}}`, w.a.organiser.token)), [200, 400, 409]);
      }
    },
  );

  cat.attack('C10 wrong types: numbers as strings, arrays for objects, objects for strings, top-level array or string', '400', async () => {
    cat.check(await http.patch(`/rounds/${w.roundId}`, { durationSeconds: '600' }, w.a.organiser.token), 400);
    cat.check(await http.patch(`/rounds/${w.roundId}`, { leaderboard: ['live'] }, w.a.organiser.token), 400);
    cat.check(await http.post('/contests', { title: { vi: 'Cuộc thi' } }, w.a.organiser.token), 400);
    cat.check(await http.post('/contests', [{ title: 'Cuộc thi' }], w.a.organiser.token), 400);
    cat.check(await http.req('POST', '/contests', json('"Cuộc thi"', w.a.organiser.token)), 400);
    cat.check(await http.req('POST', '/auth/login', json('null')), 400);
  });

  cat.attack('C11 huge strings inside the body limit (900 KB title, 100 000 unit names)', '400 naming the field', async () => {
    const r = cat.check(await http.post('/contests', { title: 'x'.repeat(900_000) }, w.a.organiser.token), 400);
    expect(r.body.details).toEqual([expect.objectContaining({ field: 'title' })]);
    cat.check(
      await http.post('/contests', { title: 'Cuộc thi', unitList: Array.from({ length: 100_000 }, (_, i) => `u${i}`) }, w.a.organiser.token),
      [400, 413],
    );
  });

  cat.attack('C12 wrong or lying content types (text/plain, form, xml, json with utf-16, none)', '400/415', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/xml',
      'application/json; charset=utf-16',
      'multipart/form-data; boundary=zzz',
    ]) {
      cat.check(await http.req('POST', '/auth/login', { raw: 'login=a&password=b', headers: { 'content-type': type } }), [400, 415]);
    }
    cat.check(await http.req('POST', '/auth/login', { raw: '{"login":"a@b.vn","password":"x"}' }), [400, 415]);
  });

  cat.attack('C13 malformed JSON (truncated, trailing commas, comments, duplicate keys with a role)', '400', async () => {
    for (const raw of ['{"login":"a', '{"login":"a@b.vn",}', '{/*x*/"login":"a"}', "{'login':'a'}", '{"title":"A","title":"B","organisationId":"x"}']) {
      cat.check(await http.req('POST', '/contests', json(raw, w.a.organiser.token)), 400);
    }
  });

  cat.attack('C14 paging with -1, 1e309, NaN, 10^9, arrays', '400', async () => {
    for (const qs of ['limit=-1', 'limit=1e309', 'limit=NaN', 'limit=1000000000', 'offset=-5', 'limit=1&limit=2', 'offset=1e400']) {
      cat.check(await http.get(`/contests?${qs}`), 400);
    }
  });

  cat.attack('C15 header abuse: 64 KB header, forged X-Request-Id with newlines and markup', '4xx or ignored; request id never echoed raw', async () => {
    cat.check(await http.req('GET', '/contests', { headers: { 'x-big': 'a'.repeat(64 * 1024) } }), [200, 400, 431]);
    const r = await http.req('GET', '/nope', { headers: { 'x-request-id': '<script>alert(1)</script>' } });
    cat.check(r, 404);
    expect(r.body.requestId).not.toContain('<');
    expect(r.headers.get('x-request-id')).not.toContain('<');
  });
});
