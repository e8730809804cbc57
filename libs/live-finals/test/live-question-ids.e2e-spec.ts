import { randomUUID } from 'node:crypto';
import { Http, startApi, TestApi } from '../../../test/harness';
import { loginAdmin, ok, Session } from '../../../test/factories';
import { entrant, iso, newContest, orgWithBank, OrgSetup } from '../../contests/test/factories';

/**
 * SPEC "Live finals": a live round may name its questions by id (`questionIds`) instead of
 * bank rules. They are checked against the organisation's banks (choice questions only),
 * their current versions frozen like drawn ones, and the final shows them in the given order.
 */
describe('live finals: questions given by id', () => {
  let api: TestApi;
  let http: Http;
  let setup: OrgSetup;
  let other: OrgSetup;
  let host: Session;
  let essayId: string;
  const body = (over: Record<string, unknown>) => ({
    title: 'Chung kết theo mã câu hỏi',
    kind: 'live',
    opensAt: iso(Date.now() - 1000),
    closesAt: iso(Date.now() + 3600_000),
    secondsPerQuestion: 10,
    ...over,
  });
  /** Questions of `setup` by index (types cycle single, multiple, true_false, numeric). */
  const q = (i: number) => setup.questions[i];

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    const admin = await loginAdmin(http);
    setup = await orgWithBank(http, admin, 8, ['single', 'multiple', 'true_false', 'numeric']);
    other = await orgWithBank(http, admin, 1);
    host = setup.organiser;
    const essay = await ok(
      http.post(
        `/question-banks/${setup.bankId}/questions`,
        { type: 'essay', stem: 'Trình bày sáng kiến tuyên truyền Luật Bầu cử ở khu dân cư.', rubric: 'Nội dung (4), sáng tạo (3), khả thi (3)', points: 10 },
        host.token,
      ),
      'create essay',
    );
    essayId = essay.id;
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('refuses both sources, neither, ids listed twice, and ids on a quiz round', async () => {
    const contest = await newContest(http, host);
    const post = (b: Record<string, unknown>) => http.post(`/contests/${contest.id}/rounds`, b, host.token);
    const both = await post(body({ questions: [{ bankId: setup.bankId, count: 1 }], questionIds: [q(0).id] }));
    expect([both.status, both.body.code]).toEqual([400, 'live_questions_conflict']);
    const neither = await post(body({}));
    expect([neither.status, neither.body.code]).toEqual([400, 'live_questions_missing']);
    const twice = await post(body({ questionIds: [q(0).id, q(1).id, q(0).id] }));
    expect([twice.status, twice.body.code]).toEqual([400, 'live_questions_duplicate']);
    expect(twice.body.details).toEqual({ questionIds: [q(0).id] });
    const quiz = await post(body({ kind: 'quiz', durationSeconds: 600, selection: [{ bankId: setup.bankId, count: 1 }], questionIds: [q(0).id] }));
    expect([quiz.status, quiz.body.code]).toEqual([400, 'live_questions_not_live']);
    const empty = await post(body({ questionIds: [] }));
    expect(empty.status).toBe(400);
    const notUuid = await post(body({ questionIds: ['abc'] }));
    expect(notUuid.status).toBe(400);
    expect((await http.get(`/contests/${contest.id}/rounds`, host.token)).body).toHaveLength(0);
  });

  it("refuses another organisation's question like an unknown id, without saying anything about it", async () => {
    const contest = await newContest(http, host);
    const foreign = other.questions[0];
    const unknown = randomUUID();
    const r = await http.post(`/contests/${contest.id}/rounds`, body({ questionIds: [q(0).id, foreign.id, unknown] }), host.token);
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('questions_not_found');
    expect(r.body.details).toEqual({ questionIds: [foreign.id, unknown] });
    expect(JSON.stringify(r.body)).not.toContain(foreign.stem);
    expect(JSON.stringify(r.body)).not.toContain(other.bankId);
  });

  it('refuses questions a live final cannot show (numeric, essay), naming them', async () => {
    const contest = await newContest(http, host);
    const r = await http.post(`/contests/${contest.id}/rounds`, body({ questionIds: [q(0).id, q(3).id, essayId] }), host.token);
    expect([r.status, r.body.code]).toEqual([400, 'live_questions_not_choice']);
    expect(r.body.details).toEqual({ questionIds: [q(3).id, essayId] });
  });

  it('creates, changes (PATCH) and runs a live round from ids, showing their frozen versions in the given order', async () => {
    const contest = await newContest(http, host);
    const created = await ok(http.post(`/contests/${contest.id}/rounds`, body({ questionIds: [q(5).id, q(0).id] }), host.token), 'create');
    expect(created).toEqual(expect.objectContaining({ kind: 'live', questionCount: 2 }));
    expect(created.selection.map((r: { questionId: string }) => r.questionId)).toEqual([q(5).id, q(0).id]);
    // PATCH mirrors create: one source at a time, and the ids replace the round's questions.
    const patchBoth = await http.patch(`/rounds/${created.id}`, { questionIds: [q(0).id], questions: [{ bankId: setup.bankId, count: 1 }] }, host.token);
    expect([patchBoth.status, patchBoth.body.code]).toEqual([400, 'live_questions_conflict']);
    const patchBad = await http.patch(`/rounds/${created.id}`, { questionIds: [q(7).id] }, host.token);
    expect([patchBad.status, patchBad.body.code]).toEqual([400, 'live_questions_not_choice']);
    // The form switching sources sends the old one as null: rules, then ids again.
    const toRules = await ok(
      http.patch(`/rounds/${created.id}`, { questionIds: null, questions: [{ bankId: setup.bankId, count: 1 }] }, host.token),
      'to rules',
    );
    expect(toRules.selection).toEqual([{ bankId: setup.bankId, count: 1, types: ['single', 'multiple', 'true_false'] }]);
    const order = [q(6), q(0), q(5), q(1)];
    const patched = await ok(http.patch(`/rounds/${created.id}`, { questions: null, questionIds: order.map((x) => x.id) }, host.token), 'patch ids');
    expect(patched.questionCount).toBe(4);
    expect((await ok(http.patch(`/rounds/${created.id}`, { secondsPerQuestion: 12 }, host.token), 'patch time')).questionCount).toBe(4);
    await ok(http.post(`/contests/${contest.id}/publish`, {}, host.token), 'publish');
    // An edit after the freeze makes a new version; the final shows the frozen one.
    const frozenStem = q(0).stem;
    await ok(http.patch(`/question-banks/${setup.bankId}/questions/${q(0).id}`, { stem: `${frozenStem} (đã sửa)` }, host.token), 'edit question');

    const player = await entrant(http, contest.id);
    const move = (what: string) => ok(http.post(`/rounds/${created.id}/live/${what}`, {}, host.token), what);
    await move('start');
    const shown: string[] = [];
    for (let i = 0; i < order.length; i++) {
      await move('next');
      const s = await ok(http.get(`/rounds/${created.id}/live/state`, player.token), 'state');
      expect(s).toEqual(expect.objectContaining({ status: 'question', index: i, total: order.length }));
      shown.push(s.question.stem);
      await move('reveal');
    }
    expect(shown).toEqual(order.map((x) => x.stem));
    expect(shown[1]).toBe(frozenStem);
    const last = await http.post(`/rounds/${created.id}/live/next`, {}, host.token);
    expect(last.body.code).toBe('live_no_more_questions');
  });

  it('in a published contest a round from ids is frozen at once', async () => {
    const contest = await newContest(http, host);
    await ok(http.post(`/contests/${contest.id}/rounds`, body({ questionIds: [q(2).id] }), host.token), 'first round');
    await ok(http.post(`/contests/${contest.id}/publish`, {}, host.token), 'publish');
    const r = await ok(
      http.post(`/contests/${contest.id}/rounds`, body({ title: 'Chung kết 2', questionIds: [q(4).id, q(1).id] }), host.token),
      'second round',
    );
    expect(['scheduled', 'open']).toContain(r.status); // opensAt is past: the open job may already have run
    const player = await entrant(http, contest.id);
    await ok(http.post(`/rounds/${r.id}/live/start`, {}, host.token), 'start');
    await ok(http.post(`/rounds/${r.id}/live/next`, {}, host.token), 'next');
    const s = await ok(http.get(`/rounds/${r.id}/live/state`, player.token), 'state');
    expect([s.total, s.question.stem]).toEqual([2, q(4).stem]);
  });
});
