import { Http, startApi, TestApi } from '../../../test/harness';
import { loginAdmin, newStaff, ok } from '../../../test/factories';
import { entrant, iso, newContest, orgWithBank, OrgSetup, quizRound } from '../../contests/test/factories';
import { takeAttempt } from './results-helpers';

/**
 * Weekly rounds share one bank: publishing week 1 keeps back the keys week 2 and week 3 still
 * draw. The judge sees which before publishing and in the publish answer; staff reading an
 * attempt keep the key and see the same note.
 */
describe('publishing a week whose questions later weeks still draw', () => {
  let api: TestApi;
  let http: Http;
  let setup: OrgSetup;

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    setup = await orgWithBank(http, await loginAdmin(http), 5);
  });
  afterAll(() => api.close());

  it('previews, publishes and reviews with the withheld keys named', async () => {
    const o = setup.organiser.token;
    const admin = await loginAdmin(http);
    const judge = await newStaff(http, admin, 'judge', setup.org.id);
    const c = await newContest(http, setup.organiser);
    const all = [{ bankId: setup.bankId, count: 5 }];
    const w1 = await ok(http.post(`/contests/${c.id}/rounds`, quizRound(setup.bankId, { selection: all }), o), 'week 1');
    await ok(http.post(`/contests/${c.id}/publish`, {}, o), 'publish contest');
    // Week 2 (open) and week 3 (scheduled, closing later) draw from the same bank.
    const w2Closes = iso(Date.now() + 2 * 86400_000);
    const w3Closes = iso(Date.now() + 9 * 86400_000);
    const w2 = await ok(http.post(`/contests/${c.id}/rounds`, quizRound(setup.bankId, { title: 'Tuần 2', selection: all, closesAt: w2Closes }), o), 'week 2');
    const w3 = await ok(
      http.post(
        `/contests/${c.id}/rounds`,
        quizRound(setup.bankId, { title: 'Tuần 3', selection: all, opensAt: iso(Date.now() + 7 * 86400_000), closesAt: w3Closes }),
        o,
      ),
      'week 3',
    );
    await ok(http.post(`/rounds/${w1.id}/judges`, { userId: judge.user.id }, o), 'assign judge');

    const r = await entrant(http, c.id);
    const a = await takeAttempt(http, r.token, w1.id, setup.questions, 5);
    await ok(http.post(`/rounds/${w1.id}/close`, { force: true }, o), 'close week 1');

    const preview = await ok(http.get(`/rounds/${w1.id}/results/withheld-keys`, judge.token), 'preview');
    expect(preview.questions).toHaveLength(5);
    for (const q of preview.questions) {
      expect(q).toEqual(expect.objectContaining({ reason: 'in_open_round', until: w3Closes, stem: expect.any(String) }));
      expect(q.rounds.map((x: { id: string }) => x.id)).toEqual([w3.id, w2.id]);
      expect(q.rounds[0]).toEqual(expect.objectContaining({ title: 'Tuần 3', status: 'scheduled', closesAt: w3Closes, seq: 3, contestId: c.id }));
    }
    expect(new Set(preview.questions.map((q: { stem: string }) => q.stem))).toEqual(new Set(setup.questions.map((q) => q.stem)));

    const pub = await ok(http.post(`/rounds/${w1.id}/results/publish`, undefined, judge.token), 'publish');
    expect(pub.withheldKeys).toEqual(preview.questions);

    // Staff reading the attempt keep the key, with the note of what the entrant sees.
    const staffView = (await http.get(`/attempts/${a.id}`, o)).body;
    for (const item of staffView.review) {
      expect(item.correctOptionIds.length).toBeGreaterThan(0);
      expect(item.correct).toBe(true);
      expect(item.keyWithheld).toEqual({ reason: 'in_open_round', until: w3Closes });
    }
    const mine = (await http.get(`/attempts/${a.id}`, r.token)).body;
    expect(mine.score).toBe(5);
    expect(mine.review.every((i: { correctOptionIds: string[]; keyWithheld: unknown }) => i.correctOptionIds.length === 0 && i.keyWithheld)).toBe(true);
  });
});
