import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { RoundClosedMarker, RoundLifecycle } from '@lc/contests';
import { ClockService, REDIS } from '@lc/platform';
import { Http, Res, startApi, TestApi } from '../harness';
import { loginAdmin, Session } from '../factories';
import { entrant, liveQuiz, orgWithBank, OrgSetup, sleep } from '../../libs/contests/test/factories';
import { answerBody, QuestionView } from '../../libs/attempts/test/helpers';
import { Catalogue } from './catalogue';

const cat = new Catalogue('contest integrity: closing');

interface Started {
  id: string;
  questions: QuestionView[];
}

/** A round's status is cached for a second on each instance: only the deciding checks stop what comes after a close. */
const ROUND_CACHE_MS = 1000;

describe('named attacks: entries on one instance after a close acknowledged by another', () => {
  let a: TestApi;
  let b: TestApi;
  let httpA: Http;
  let httpB: Http;
  let db: DataSource;
  let admin: Session;
  let setup: OrgSetup;

  beforeAll(async () => {
    [a, b] = await Promise.all([startApi(), startApi()]);
    httpA = new Http(a.url);
    httpB = new Http(b.url);
    db = a.app.get(DataSource);
    admin = await loginAdmin(httpA);
    setup = await orgWithBank(httpA, admin, 4);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  const quiz = () => liveQuiz(httpA, setup, { selection: [{ bankId: setup.bankId, count: 4 }], maxAttempts: 1 });

  cat.attack(
    'I01 organiser closes early on instance A; at once 17 entrants start, answer perfectly and submit on instance B',
    '409 round_not_open / refused answers and submits; no late attempt in the results',
    async () => {
      const { contest, round } = await quiz();
      const o = setup.organiser.token;
      const early = await entrant(httpA, contest.id);
      const before = (await httpA.post(`/rounds/${round.id}/attempts`, {}, early.token)).body as Started;
      for (const [i, q] of before.questions.entries())
        expect((await httpA.put(`/attempts/${before.id}/answers/${q.id}`, answerBody(q, setup.questions, i < 2), early.token)).status).toBe(200);
      expect((await httpA.post(`/attempts/${before.id}/submit`, {}, early.token)).status).toBe(200);
      const running = await entrant(httpA, contest.id);
      const late = await Promise.all(Array.from({ length: 17 }, () => entrant(httpA, contest.id)));

      // B reads the round afresh (its cached copy has aged out) just before A closes it: B now believes it open.
      await sleep(ROUND_CACHE_MS + 100);
      const inFlight = (await httpB.post(`/rounds/${round.id}/attempts`, {}, running.token)).body as Started;
      expect(
        (
          await httpB.put(
            `/attempts/${inFlight.id}/answers/${inFlight.questions[0].id}`,
            answerBody(inFlight.questions[0], setup.questions, true),
            running.token,
          )
        ).status,
      ).toBe(200);
      const closed = await httpA.post(`/rounds/${round.id}/close`, { force: true }, o);
      expect(closed.status).toBe(200);

      const starts = await Promise.all(late.map((r) => httpB.post(`/rounds/${round.id}/attempts`, {}, r.token)));
      // Whatever got in is played out in full, as the attacker would.
      const answers: Res[] = [];
      const submits: Res[] = [];
      await Promise.all(
        starts.map(async (s, i) => {
          if (s.status !== 201) return;
          const at = s.body as Started;
          for (const q of at.questions)
            answers.push(await httpB.put(`/attempts/${at.id}/answers/${q.id}`, answerBody(q, setup.questions, true), late[i].token));
          submits.push(await httpB.post(`/attempts/${at.id}/submit`, {}, late[i].token));
        }),
      );
      answers.push(
        await httpB.put(
          `/attempts/${inFlight.id}/answers/${inFlight.questions[1].id}`,
          answerBody(inFlight.questions[1], setup.questions, true),
          running.token,
        ),
      );
      submits.push(await httpB.post(`/attempts/${inFlight.id}/submit`, {}, running.token));

      const refusals = [...starts, ...answers, ...submits].map((r) => `${r.status} ${(r.body as { code?: string }).code ?? ''}`);
      expect(starts.map((r) => `${r.status} ${(r.body as { code?: string }).code}`)).toEqual(late.map(() => '409 round_not_open'));
      for (const r of [...starts, ...answers, ...submits]) cat.check(r, 409);
      expect(refusals.every((x) => x.startsWith('409'))).toBe(true);

      // The attempt in progress at the close ended then, with the one answer it had saved.
      expect((await httpA.get(`/attempts/${inFlight.id}`, running.token)).body).toEqual(expect.objectContaining({ status: 'expired', score: 1 }));
      const recomputed = await httpA.post(`/rounds/${round.id}/close`, {}, o);
      expect(recomputed.status).toBe(200);
      const items = (await httpA.get(`/rounds/${round.id}/results?limit=50`, o)).body.items as { userId: string; attemptId: string; score: number }[];
      expect(items.map((i) => [i.userId, i.score]).sort()).toEqual(
        [
          [early.user.id, 2],
          [running.user.id, 1],
        ].sort(),
      );
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM attempt t JOIN round r ON r.id = t.round_id WHERE t.round_id = $1 AND (t.started_at > r.closed_at OR t.submitted_at > r.closed_at)`,
        [round.id],
      );
      expect(n).toBe(0);
    },
    60_000,
  );

  /** An entrant in the middle of an attempt on instance B, with `right` answers saved. */
  async function midAttempt(contestId: string, roundId: string, right: number) {
    const s = await entrant(httpA, contestId);
    const at = (await httpB.post(`/rounds/${roundId}/attempts`, {}, s.token)).body as Started;
    for (const q of at.questions.slice(0, right))
      expect((await httpB.put(`/attempts/${at.id}/answers/${q.id}`, answerBody(q, setup.questions, true), s.token)).status).toBe(200);
    return { s, at };
  }

  cat.attack(
    "I02 answers and a submit on instance B while A's close is still finalising the round's attempts one by one",
    '409 round_closed each; the attempt ends at the close with what it had then',
    async () => {
      const { contest, round } = await quiz();
      const { s, at } = await midAttempt(contest.id, round.id, 1);
      // The close's first step on A (the round row and its marker); it has not reached this attempt yet.
      const closedAt = (await a.app.get(RoundLifecycle).close(round.id, { force: true }))?.closedAt ?? null;
      const late = at.questions.slice(1).map((q) => httpB.put(`/attempts/${at.id}/answers/${q.id}`, answerBody(q, setup.questions, true), s.token));
      for (const r of await Promise.all(late)) expect(cat.check(r, 409).body.code).toBe('round_closed');
      const submit = cat.check(await httpB.post(`/attempts/${at.id}/submit`, {}, s.token), 409);
      expect(submit.body).toEqual(expect.objectContaining({ code: 'round_closed', details: expect.objectContaining({ closedAt: closedAt!.toISOString() }) }));
      expect(cat.check(await httpB.post(`/rounds/${round.id}/attempts`, {}, (await entrant(httpA, contest.id)).token), 409).body.code).toBe('round_not_open');

      expect((await httpA.post(`/rounds/${round.id}/close`, {}, setup.organiser.token)).status).toBe(200);
      const ended = (await httpB.get(`/attempts/${at.id}`, s.token)).body;
      expect(ended).toEqual(expect.objectContaining({ status: 'expired', score: 1, submittedAt: closedAt!.toISOString() }));
    },
    60_000,
  );

  cat.attack(
    'I03 submit on instance B after an early close whose Redis marker was lost (Redis restarted from an older AOF)',
    '409 round_closed from PostgreSQL; the attempt ends at the close, never as a late submission',
    async () => {
      const { contest, round } = await quiz();
      const { s, at } = await midAttempt(contest.id, round.id, 4);
      await a.app.get(RoundLifecycle).close(round.id, { force: true });
      for (const k of a.app.get(RoundClosedMarker).keysOf(round.id)) await a.app.get<Redis>(REDIS).del(k);
      expect(cat.check(await httpB.post(`/attempts/${at.id}/submit`, {}, s.token), 409).body.code).toBe('round_closed');
      expect(cat.check(await httpB.post(`/rounds/${round.id}/attempts`, {}, (await entrant(httpA, contest.id)).token), 409).body.code).toBe('round_not_open');
      const [row] = await db.query(`SELECT status FROM attempt WHERE id = $1`, [at.id]);
      expect(row.status).toBe('in_progress');

      // The organiser's close (retried) finalises it as of the close; the results hold no submission after it.
      expect((await httpA.post(`/rounds/${round.id}/close`, { force: true }, setup.organiser.token)).status).toBe(200);
      const [{ n, expired }] = await db.query(
        `SELECT count(*) FILTER (WHERE t.status = 'submitted')::int AS n, count(*) FILTER (WHERE t.status = 'expired' AND t.submitted_at = r.closed_at)::int AS expired
           FROM attempt t JOIN round r ON r.id = t.round_id WHERE t.round_id = $1`,
        [round.id],
      );
      expect({ n, expired }).toEqual({ n: 0, expired: 1 });
    },
    60_000,
  );

  cat.attack(
    "I04 answers and a submit on instance B just after A's early close, with A's estimate of the cluster clock 300 ms ahead (a slow clock reading under load)",
    "409 round_closed each: the close is stamped with Redis's own clock, never a moment in the future",
    async () => {
      const { contest, round } = await quiz();
      const { s, at } = await midAttempt(contest.id, round.id, 1);
      const clock = a.app.get(ClockService) as unknown as { offsetMs: number };
      const kept = clock.offsetMs;
      clock.offsetMs = kept + 300;
      try {
        await a.app.get(RoundLifecycle).close(round.id, { force: true });
      } finally {
        clock.offsetMs = kept;
      }
      expect(
        cat.check(await httpB.put(`/attempts/${at.id}/answers/${at.questions[1].id}`, answerBody(at.questions[1], setup.questions, true), s.token), 409).body
          .code,
      ).toBe('round_closed');
      expect(cat.check(await httpB.post(`/attempts/${at.id}/submit`, {}, s.token), 409).body.code).toBe('round_closed');
    },
    60_000,
  );
});
