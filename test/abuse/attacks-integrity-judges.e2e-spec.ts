import { DataSource } from 'typeorm';
import { Http, Res, startApi, TestApi } from '../harness';
import { loginAdmin, newStaff, ok, Session } from '../factories';
import { entrant, iso, newContest, orgWithBank, OrgSetup, quizRound, sleep } from '../../libs/contests/test/factories';
import { marksFor, RUBRIC } from '../../libs/judging/test/judged-entries-helpers';
import { Catalogue } from './catalogue';

const cat = new Catalogue('contest integrity: judges');

/**
 * Issue 14 items 6 and 7 (and issue 13's judge home): a judge who peeks at the other judges'
 * marks before marking for real, and a judge who reads what no round of theirs needs.
 *
 * Organisation A: a published contest with judged rounds R (judges j1 j2 j3, head judge
 * `head` who is not on the jury) and R2 (j1 j2), a draft contest, a published contest none
 * of these judges is on, and `idle`, a judge of A assigned to nothing.
 */
describe('named attacks: blind marking and what judges may read', () => {
  let api: TestApi;
  let http: Http;
  let db: DataSource;
  let a: OrgSetup;
  let j1: Session, j2: Session, j3: Session, head: Session, idle: Session;
  let contestId: string;
  let r: string;
  let r2: string;
  let e1: string, e2: string, e3: string;
  let draft: { id: string; roundId: string };
  let otherPublished: string;
  let closesAt: number;

  /** A read the attacker is allowed to make: counted, 200, and then its content is checked. */
  const read = (res: Res): Res => {
    cat.check(res);
    expect(res.status).toBe(200);
    return res;
  };
  const score = (j: Session, entryId: string, total: number) =>
    http.post(`/entries/${entryId}/scores`, { scores: marksFor(total), comment: `Chấm ${total}` }, j.token);
  const judgedRound = async (title: string) =>
    (
      await ok(
        http.post(`/contests/${contestId}/rounds`, { title, kind: 'judged', opensAt: iso(Date.now() - 1000), closesAt: iso(closesAt) }, a.organiser.token),
        'judged round',
      )
    ).id as string;
  const assign = (roundId: string, j: Session) => ok(http.post(`/rounds/${roundId}/judges`, { userId: j.user.id }, a.organiser.token), 'assign');

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    db = api.app.get(DataSource);
    const admin = await loginAdmin(http);
    a = await orgWithBank(http, admin, 4);
    [j1, j2, j3, head, idle] = await Promise.all([0, 1, 2, 3, 4].map(() => newStaff(http, admin, 'judge', a.org.id)));

    closesAt = Date.now() + 8_000;
    contestId = (await newContest(http, a.organiser, { title: 'Báo cáo viên pháp luật giỏi' })).id;
    r = await judgedRound('Vòng thuyết trình');
    r2 = await judgedRound('Vòng viết');
    await ok(http.post(`/contests/${contestId}/publish`, {}, a.organiser.token), 'publish');
    for (const j of [j1, j2, j3]) await assign(r, j);
    for (const j of [j1, j2]) await assign(r2, j);
    await ok(http.put(`/rounds/${r}/jury`, { rubric: RUBRIC, reconciliationGap: 30, headJudgeUserId: head.user.id }, a.organiser.token), 'jury R');
    await ok(http.put(`/rounds/${r2}/jury`, { rubric: RUBRIC }, a.organiser.token), 'jury R2');
    const [p1, p2] = [await entrant(http, contestId), await entrant(http, contestId)];
    e1 = (await ok(http.post(`/rounds/${r}/entries`, { text: 'Bài thuyết trình thứ nhất' }, p1.token), 'hand in')).id;
    e2 = (await ok(http.post(`/rounds/${r}/entries`, { text: 'Bài thuyết trình thứ hai' }, p2.token), 'hand in')).id;
    e3 = (await ok(http.post(`/rounds/${r2}/entries`, { text: 'Bài viết' }, p1.token), 'hand in')).id;

    // A draft contest j1 is assigned to a round of, and a published one no judge here is on.
    const d = await newContest(http, a.organiser, { title: 'Cuộc thi nháp' });
    const dr = await ok(
      http.post(`/contests/${d.id}/rounds`, quizRound(a.bankId, { selection: [{ bankId: a.bankId, count: 2 }] }), a.organiser.token),
      'draft round',
    );
    await assign(dr.id, j1);
    draft = { id: d.id, roundId: dr.id };
    const other = await newContest(http, a.organiser, { title: 'Cuộc thi không phân công' });
    await ok(http.post(`/contests/${other.id}/rounds`, quizRound(a.bankId, { selection: [{ bankId: a.bankId, count: 2 }] }), a.organiser.token), 'round');
    await ok(http.post(`/contests/${other.id}/publish`, {}, a.organiser.token), 'publish other');
    otherPublished = other.id;
    // Marking opens when hand-ins close.
    await sleep(Math.max(0, closesAt + 300 - Date.now()));
  }, 120_000);
  afterAll(() => api.close());

  cat.attack(
    "J01 a judge files a throw-away mark, reads the others' marks, then replaces their own",
    'own marks only until every judge has filed; the replacement is in the audit with old and new marks',
    async () => {
      expect((await score(j2, e1, 80)).status).toBe(200);
      const throwAway = await score(j1, e1, 10);
      expect(throwAway.status).toBe(200);
      // The response to the filing itself must not carry the others' marks or the aggregate.
      expect(throwAway.body.marks.map((m: { judgeUserId: string }) => m.judgeUserId)).toEqual([j1.user.id]);
      expect(throwAway.body.marking).toBeUndefined();
      const peek = read(await http.get(`/entries/${e1}/scores`, j1.token));
      expect(peek.body.marks.map((m: { judgeUserId: string }) => m.judgeUserId)).toEqual([j1.user.id]);
      expect(peek.body.marking).toBeUndefined();
      const list = read(await http.get(`/rounds/${r}/entries`, j1.token));
      const row = list.body.items.find((x: { id: string }) => x.id === e1);
      expect(row).toMatchObject({ markedByMe: true, marked: 2, judges: 3 });
      expect(row.marking).toBeUndefined();

      // The real mark replaces the throw-away; once j3 files, every judge sees every mark.
      expect((await score(j1, e1, 78)).status).toBe(200);
      expect((await score(j3, e1, 79)).status).toBe(200);
      const open = (await http.get(`/entries/${e1}/scores`, j1.token)).body;
      expect(open.marks).toHaveLength(3);
      expect(open.marking).toMatchObject({ aggregate: 79, needsReconciliation: false });

      const audit = await db.query(`SELECT actor_id, before, after FROM audit_log WHERE entity_id = $1 AND action = 'entry.mark.replace'`, [e1]);
      expect(audit).toEqual([
        expect.objectContaining({ actor_id: j1.user.id, before: expect.objectContaining({ total: 10 }), after: expect.objectContaining({ total: 78 }) }),
      ]);
      // Shown where the organiser and the head judge read the marks.
      for (const who of [a.organiser, head]) {
        const history = (await http.get(`/entries/${e1}/scores`, who.token)).body.history as {
          judgeUserId: string;
          action: string;
          before: { total: number } | null;
          after: { total: number };
        }[];
        expect(history.filter((h) => h.action === 'replace').map((h) => [h.judgeUserId, h.before?.total, h.after.total])).toEqual([[j1.user.id, 10, 78]]);
      }
      // A judge does not get the others' history; with every mark in and no gap, nothing to reconcile.
      expect((await http.get(`/entries/${e1}/scores`, j2.token)).body.history).toBeUndefined();
      expect(cat.check(await http.post(`/entries/${e1}/reconcile`, { reason: 'Không cần', acceptAggregate: true }, head.token), 409).body.code).toBe(
        'not_flagged',
      );
    },
  );

  cat.attack(
    'J02 the head judge reads the marks, or reconciles, before every judge has filed',
    'no marks, no aggregate; 409 marking_incomplete; both once all have filed',
    async () => {
      await score(j1, e2, 20);
      await score(j2, e2, 90);
      const early = read(await http.get(`/entries/${e2}/scores`, head.token));
      expect(early.body.marks).toEqual([]);
      expect(early.body.marking).toBeUndefined();
      expect((await http.get(`/rounds/${r}/entries?flagged=true`, head.token)).body.total).toBe(0);
      const refused = cat.check(await http.post(`/entries/${e2}/reconcile`, { reason: 'Giữ điểm trung bình', acceptAggregate: true }, head.token), 409);
      expect(refused.body.code).toBe('marking_incomplete');

      await score(j3, e2, 60);
      const due = (await http.get(`/entries/${e2}/scores`, head.token)).body;
      expect(due.marks).toHaveLength(3);
      expect(due.marking).toMatchObject({ needsReconciliation: true });
      expect((await http.get(`/rounds/${r}/entries?flagged=true`, head.token)).body.total).toBe(1);
      expect((await http.post(`/entries/${e2}/reconcile`, { reason: 'Giữ điểm trung bình', acceptAggregate: true }, head.token)).status).toBe(200);
    },
  );

  cat.attack(
    'J03 a judge reads the provisional ranking, its explanation or exports while another judge has not filed',
    '403 marks_sealed for judges; organisers unaffected',
    async () => {
      await score(j1, e3, 70);
      await ok(http.post(`/rounds/${r2}/close`, {}, a.organiser.token), 'organiser closes with a mark missing');
      const person = (await ok(http.get(`/rounds/${r2}/results`, a.organiser.token), 'organiser reads')).items[0].userId as string;
      const reads = [
        http.get(`/rounds/${r2}/results`, j1.token),
        http.get(`/rounds/${r2}/results/explain/${person}`, j1.token),
        http.get(`/rounds/${r2}/results/export?format=csv`, j1.token),
        http.post(`/rounds/${r2}/results/exports`, { format: 'csv' }, j1.token),
        http.get(`/rounds/${r2}/results/decision.pdf`, j1.token),
        http.post(`/rounds/${r2}/results/publish`, {}, j1.token),
      ];
      for (const res of await Promise.all(reads)) expect(cat.check(res, 403).body.code).toBe('marks_sealed');
      await score(j2, e3, 72);
      expect((await http.get(`/rounds/${r2}/results`, j1.token)).status).toBe(200);
    },
  );

  cat.attack('J04 a judge reads question banks: questions with keys, the printable answer sheet, exports', '403 for every judge, assigned or not', async () => {
    const q = a.questions[0].id;
    for (const j of [idle, j1]) {
      const paths = [
        '/question-banks',
        `/question-banks/${a.bankId}`,
        `/question-banks/${a.bankId}/topics`,
        `/question-banks/${a.bankId}/questions`,
        `/question-banks/${a.bankId}/questions/${q}`,
        `/question-banks/${a.bankId}/export?format=answer-sheet`,
        `/question-banks/${a.bankId}/export?format=csv`,
      ];
      for (const p of paths) cat.check(await http.get(p, j.token), 403);
    }
  });

  cat.attack(
    'J05 a judge of no round lists the contests, opens a draft and its rounds',
    'nothing listed; drafts 404; published contests only as the public sees them',
    async () => {
      const listed = read(await http.get('/contests?limit=100', idle.token));
      expect(listed.body).toEqual({ items: [], total: 0 });
      cat.check(await http.get(`/contests/${draft.id}`, idle.token), 404);
      cat.check(await http.get(`/contests/${draft.id}/rounds`, idle.token), 404);
      cat.check(await http.get(`/rounds/${draft.roundId}`, idle.token), 404);
      const rounds = (await ok(http.get(`/contests/${otherPublished}/rounds`, idle.token), 'public rounds')) as Record<string, unknown>[];
      expect(rounds[0]).not.toHaveProperty('selection');
    },
  );

  cat.attack(
    "J06 a judge's home lists contests they are not assigned to, drafts included",
    'GET /contests and GET /me/assignments list only their rounds, never drafts',
    async () => {
      const contests = (await ok(http.get('/contests?limit=100', j1.token), 'contests')) as { items: { id: string }[] };
      expect(contests.items.map((c) => c.id)).toEqual([contestId]);
      const mine = (await ok(http.get('/me/assignments', j1.token), 'assignments')) as { roundId: string; contestId: string; head: boolean }[];
      expect(mine.map((x) => x.roundId).sort()).toEqual([r, r2].sort());
      expect(mine.every((x) => x.contestId === contestId && !x.head)).toBe(true);
      const asHead = (await ok(http.get('/me/assignments', head.token), 'head assignments')) as { roundId: string; head: boolean }[];
      expect(asHead).toEqual([expect.objectContaining({ roundId: r, head: true })]);
      expect(await ok(http.get('/me/assignments', idle.token), 'none')).toEqual([]);
      cat.check(await http.get('/me/assignments', a.organiser.token), 403);
    },
  );
});
