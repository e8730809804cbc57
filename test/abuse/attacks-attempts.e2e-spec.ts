import { Http, startApi, TestApi } from '../harness';
import { loginAdmin, newResident, Session } from '../factories';
import { buildWorld, World } from '../authz/fixtures';
import { discoverRoutes, RouteRef } from '../authz/routes';
import { entrant, liveQuiz } from '../../libs/contests/test/factories';
import { MATRIX } from '../authz/matrix';
import { Catalogue } from './catalogue';

const cat = new Catalogue('tenancy and attempts');

interface Started {
  id: string;
  questions: { id: string; type: string; options: { id: string }[] }[];
}

describe("named attacks: other tenants' ids, attempts, autosave, submit", () => {
  let api: TestApi;
  let http: Http;
  let w: World;
  let routes: RouteRef[];
  let admin: Session;

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    w = await buildWorld(http);
    admin = await loginAdmin(http);
    routes = discoverRoutes(api.app);
  }, 120_000);
  afterAll(() => api.close());

  /** A resident of A's contest with a fresh attempt of their own. */
  async function player(roundId = w.roundId, contestId = w.contestId): Promise<{ s: Session; a: Started }> {
    const s = await entrant(http, contestId);
    const a = (await http.post(`/rounds/${roundId}/attempts`, {}, s.token)).body as Started;
    return { s, a };
  }
  const choice = (a: Started) => a.questions.find((q) => q.options.length > 1)!;

  cat.attack("B01 BOLA: organiser of B sends A's ids in every path of every route", 'never allowed (403/404), never 5xx', async () => {
    const idFor: Record<string, string> = {
      contests: w.contestId,
      rounds: w.roundId,
      attempts: w.attempt.id,
      'question-banks': w.a.bankId,
      organisations: w.a.org.id,
      users: w.judgeAssigned.user.id,
      entries: w.attempt.id,
      exports: w.attempt.id,
    };
    let tried = 0;
    // Routes the reviewed matrix lets organiser B call (public reads of published contests) are not BOLA.
    for (const r of routes.filter((x) => x.path.includes(':') && MATRIX[x.key]?.organiserOther !== 'allow')) {
      const first = r.path.split('/')[1];
      const url = r.url.replace(/:(\w+)/g, (_, n: string) =>
        n === 'questionId'
          ? first === 'attempts'
            ? w.attempt.questions[0].id
            : w.a.questions[0].id
          : n === 'userId'
            ? w.resident.user.id
            : (idFor[first] ?? w.contestId),
      );
      const res = await http.req(r.method, url, { token: w.organiserB.token, body: ['GET', 'DELETE'].includes(r.method) ? undefined : {} });
      cat.check(res);
      tried++;
      if (![400, 403, 404].includes(res.status))
        throw new Error(`${r.key} answered ${res.status} to organiser B with A's ids: ${JSON.stringify(res.body).slice(0, 200)}`);
    }
    expect(tried).toBeGreaterThan(30);
  });

  cat.attack("B02 BOLA: another resident reads, answers, reports on and submits someone's attempt", '404 each, attempt untouched', async () => {
    const victim = await player();
    const thief = await entrant(http, w.contestId);
    const q = choice(victim.a);
    cat.check(await http.get(`/attempts/${victim.a.id}`, thief.token), 404);
    cat.check(await http.put(`/attempts/${victim.a.id}/answers/${q.id}`, { optionIds: [q.options[0].id] }, thief.token), 404);
    cat.check(await http.post(`/attempts/${victim.a.id}/events`, { kind: 'focus_lost' }, thief.token), 404);
    cat.check(await http.post(`/attempts/${victim.a.id}/submit`, {}, thief.token), 404);
    const mine = await http.get(`/attempts/${victim.a.id}`, victim.s.token);
    expect(mine.body.status).toBe('in_progress');
    expect(mine.body.answers[q.id]).toBeUndefined();
  });

  cat.attack('B03 resident reads the staff view of a round (every attempt with IPs)', '403', async () => {
    cat.check(await http.get(`/rounds/${w.roundId}/attempts`, w.resident.token), 403);
  });

  cat.attack('B04 replayed autosave (same seq sent again, and again with a different answer)', 'first write wins; replay harmless', async () => {
    const { s, a } = await player();
    const q = choice(a);
    const first = await http.put(`/attempts/${a.id}/answers/${q.id}`, { optionIds: [q.options[0].id], seq: 5 }, s.token);
    expect(first.status).toBe(200);
    const replay = cat.check(await http.put(`/attempts/${a.id}/answers/${q.id}`, { optionIds: [q.options[0].id], seq: 5 }, s.token), [200, 409]);
    cat.check(await http.put(`/attempts/${a.id}/answers/${q.id}`, { optionIds: [q.options[1].id], seq: 5 }, s.token), 409);
    void replay;
    expect((await http.get(`/attempts/${a.id}`, s.token)).body.answers[q.id].optionIds).toEqual([q.options[0].id]);
  });

  cat.attack('B05 out-of-order autosaves (seq 9 arrives, then a delayed seq 3)', 'seq 3 refused as stale (409), answer of seq 9 kept', async () => {
    const { s, a } = await player();
    const q = choice(a);
    expect((await http.put(`/attempts/${a.id}/answers/${q.id}`, { optionIds: [q.options[1].id], seq: 9 }, s.token)).status).toBe(200);
    const stale = cat.check(await http.put(`/attempts/${a.id}/answers/${q.id}`, { optionIds: [q.options[0].id], seq: 3 }, s.token), 409);
    expect(stale.body.code).toBe('stale_answer');
    expect((await http.get(`/attempts/${a.id}`, s.token)).body.answers[q.id].optionIds).toEqual([q.options[1].id]);
  });

  cat.attack('B06 autosave seq as negative, fractional, 1e309, string', '400 each', async () => {
    const { s, a } = await player();
    const q = choice(a);
    for (const seq of ['-1', '1.5', '1e309', '"7"', 'NaN', '9007199254740993']) {
      cat.check(
        await http.req('PUT', `/attempts/${a.id}/answers/${q.id}`, {
          token: s.token,
          headers: { 'content-type': 'application/json' },
          raw: `{"optionIds":["${q.options[0].id}"],"seq":${seq}}`,
        }),
        400,
      );
    }
  });

  cat.attack('B07 answers with option ids from another attempt', '400/409, nothing saved', async () => {
    const one = await player();
    const two = await player();
    const q = choice(one.a);
    const foreign = two.a.questions.flatMap((x) => x.options.map((o) => o.id)).filter((id) => !q.options.some((o) => o.id === id));
    cat.check(await http.put(`/attempts/${one.a.id}/answers/${q.id}`, { optionIds: [foreign[0]] }, one.s.token), [400, 409, 422]);
    expect((await http.get(`/attempts/${one.a.id}`, one.s.token)).body.answers[q.id]).toBeUndefined();
  });

  cat.attack('B08 answer to a question id from another attempt, or a made-up one', '400/404 (414 for an over-long id)', async () => {
    const one = await player();
    const two = await player();
    const theirs = two.a.questions.find((q) => !one.a.questions.some((m) => m.id === q.id));
    if (theirs) cat.check(await http.put(`/attempts/${one.a.id}/answers/${theirs.id}`, { optionIds: [theirs.options[0].id] }, one.s.token), [400, 404]);
    for (const qid of ['q999', '..%2F..%2Fx', 'a'.repeat(200), '%00'])
      cat.check(await http.put(`/attempts/${one.a.id}/answers/${qid}`, { value: 1 }, one.s.token), [400, 404, 414]);
  });

  cat.attack('B09 prediction as NaN, Infinity, 1e309, negative, string, object', '400 each; a sane prediction then submits', async () => {
    const { s, a } = await player();
    for (const p of ['NaN', 'Infinity', '1e309', '-1e309', '-5', '"12"', '{"$gt":0}', '[1]', 'null1']) {
      cat.check(
        await http.req('POST', `/attempts/${a.id}/submit`, { token: s.token, headers: { 'content-type': 'application/json' }, raw: `{"prediction":${p}}` }),
        400,
      );
    }
    const ok = await http.post(`/attempts/${a.id}/submit`, { prediction: 120 }, s.token);
    expect(ok.status).toBe(200);
  });

  cat.attack('B10 submit carrying score / maxScore / status / userId (mass assignment)', '400, score from the server only', async () => {
    const { s, a } = await player();
    const r = cat.check(
      await http.post(`/attempts/${a.id}/submit`, { score: 1000, maxScore: 1, status: 'submitted', userId: w.resident.user.id }, s.token),
      400,
    );
    expect(r.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['maxScore', 'score', 'status', 'userId']);
    const done = await http.post(`/attempts/${a.id}/submit`, {}, s.token);
    expect(done.body.score).toBe(0);
  });

  cat.attack('B11 answering after submitting, and submitting twice', '409 for the late answer; the second submit returns the first result', async () => {
    const { s, a } = await player();
    const q = choice(a);
    const first = await http.post(`/attempts/${a.id}/submit`, {}, s.token);
    expect(first.status).toBe(200);
    cat.check(await http.put(`/attempts/${a.id}/answers/${q.id}`, { optionIds: [q.options[0].id] }, s.token), 409);
    const again = await http.post(`/attempts/${a.id}/submit`, { prediction: 5 }, s.token);
    cat.count();
    expect(again.status).toBe(200);
    expect(again.body.score).toBe(first.body.score);
  });

  cat.attack('B12 Idempotency-Key with spaces, quotes, 101 characters, newline tricks', '400', async () => {
    const { s, a } = await player();
    for (const key of ['has space', '"quoted"', 'k'.repeat(101), "x';--"]) {
      cat.check(await http.post(`/attempts/${a.id}/submit`, {}, s.token, { 'idempotency-key': key }), 400);
    }
  });

  cat.attack('B13 staff start, answer or submit attempts (judges and organisers are not entrants)', '403', async () => {
    const q = w.attempt.questions[0];
    for (const t of [w.a.organiser.token, w.judgeAssigned.token, admin.token]) {
      cat.check(await http.post(`/rounds/${w.roundId}/attempts`, {}, t), 403);
      cat.check(await http.put(`/attempts/${w.attempt.id}/answers/${q.id}`, { optionIds: [q.options[0].id] }, t), 403);
      cat.check(await http.post(`/attempts/${w.attempt.id}/submit`, {}, t), 403);
    }
  });

  cat.attack("B14 resident not registered for the contest starts an attempt; resident enters a draft contest's round", '403/404/409, no attempt', async () => {
    const stranger = await newResident(http);
    cat.check(await http.post(`/rounds/${w.roundId}/attempts`, {}, stranger.token), [403, 404, 409]);
    const draft = await http.post('/contests', { title: `Nháp ${Date.now()}` }, w.a.organiser.token);
    cat.check(await http.post(`/contests/${draft.body.id}/register`, {}, stranger.token), [404, 409]);
    expect((await http.get(`/rounds/${w.roundId}/my-attempts`, stranger.token)).body.items ?? []).toEqual([]);
  });

  cat.attack('B15 ids that are not UUIDs in attempt and round paths (SQL, traversal, NUL, 10 KB)', '400/404', async () => {
    for (const id of ["1' OR '1'='1", '..%2F..%2Fetc%2Fpasswd', '%00', '1;DROP TABLE attempt', 'x'.repeat(10_000), '00000000-0000-0000-0000-000000000000']) {
      cat.check(await http.get(`/attempts/${id}`, w.resident.token), [400, 404, 414]);
      cat.check(await http.post(`/rounds/${id}/attempts`, {}, w.resident.token), [400, 404, 414]);
    }
  });

  cat.attack('B16 integrity event of an unknown kind, a future time, a 1 KB kind', '400', async () => {
    const { s, a } = await player();
    for (const body of [{ kind: 'x'.repeat(1000) }, { kind: 42 }, { kind: 'focus_lost', at: 'tomorrow' }, { kind: ['focus_lost'] }]) {
      cat.check(await http.post(`/attempts/${a.id}/events`, body, s.token), 400);
    }
  });

  void liveQuiz;
});
