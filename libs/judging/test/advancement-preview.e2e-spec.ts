import { expectError, Http, startApi, TestApi } from '../../../test/harness';
import { loginAdmin, newStaff, ok, type Session } from '../../../test/factories';
import { entrant, iso, newContest, orgWithBank, quizRound, sleep } from '../../contests/test/factories';
import { answerAll } from '../../attempts/test/helpers';

/**
 * The preview shows exactly whom the advance then enrols: both come from one plan, decided
 * by the judging core's advancement rule (top N, threshold, quota per unit, picks).
 */
describe('advancement preview', () => {
  let api: TestApi;
  let http: Http;

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
  });
  afterAll(() => api.close());

  it('shows who would go through, with rank, score, unit and why; the advance enrols exactly them', async () => {
    const admin = await loginAdmin(http);
    const setup = await orgWithBank(http, admin, 4);
    const o = setup.organiser.token;
    const c = await newContest(http, setup.organiser, { title: 'Báo cáo viên pháp luật giỏi', requiredFields: ['unit'] });
    const closesAt = Date.now() + 20_000; // time for five entrants on a loaded machine
    const r1 = await ok(
      http.post(
        `/contests/${c.id}/rounds`,
        quizRound(setup.bankId, {
          title: 'Vòng 1',
          closesAt: iso(closesAt),
          selection: [{ bankId: setup.bankId, count: 4 }],
          advancement: { mode: 'top', topN: 2 },
        }),
        o,
      ),
    );
    const r2 = await ok(
      http.post(
        `/contests/${c.id}/rounds`,
        { title: 'Vòng chung kết', kind: 'judged', entry: 'enrolled', opensAt: iso(Date.now() + 86400_000), closesAt: iso(Date.now() + 2 * 86400_000) },
        o,
      ),
    );
    await ok(http.post(`/contests/${c.id}/publish`, {}, o));

    const people = [
      { name: 'Trần Thị Ánh Dương', unit: 'Phường Hạ Long', right: 4 },
      { name: 'Lê Văn Đức', unit: 'Phường Hạ Long', right: 3 },
      { name: 'Phạm Quốc Hưng', unit: 'Phường Bãi Cháy', right: 2 },
      { name: 'Nguyễn Thị Thu Hà', unit: 'Phường Bãi Cháy', right: 1 },
      { name: 'Vũ Đình Khải', unit: 'Xã Quảng La', right: 0 },
    ];
    const s: Session[] = [];
    for (const p of people) {
      const e = await entrant(http, c.id, { unit: p.unit }, { fullName: p.name });
      const at = await ok(http.post(`/rounds/${r1.id}/attempts`, {}, e.token), 'start');
      await answerAll(http, e.token, at, setup.questions, p.right);
      await ok(http.post(`/attempts/${at.id}/submit`, {}, e.token));
      s.push(e);
    }
    const id = (i: number) => s[i].user.id;
    expect(expectError(await http.post(`/rounds/${r1.id}/advance/preview`, {}, o), 409).code).toBe('round_not_over');
    await sleep(closesAt + 300 - Date.now());

    // The round's rule: the top 2.
    const top = await ok(http.post(`/rounds/${r1.id}/advance/preview`, {}, o));
    expect(top).toMatchObject({
      fromRoundId: r1.id,
      toRoundId: r2.id,
      toRoundTitle: 'Vòng chung kết',
      mode: 'top',
      rule: { mode: 'top', topN: 2 },
      newCount: 2,
      rankingTotal: 5,
    });
    expect(top.advancing).toEqual([
      {
        userId: id(0),
        fullName: 'Trần Thị Ánh Dương',
        rank: 1,
        score: 4,
        unit: 'Phường Hạ Long',
        group: null,
        reason: 'top',
        bucket: null,
        boundaryTie: false,
        alreadyEnrolled: false,
      },
      {
        userId: id(1),
        fullName: 'Lê Văn Đức',
        rank: 2,
        score: 3,
        unit: 'Phường Hạ Long',
        group: null,
        reason: 'top',
        bucket: null,
        boundaryTie: false,
        alreadyEnrolled: false,
      },
    ]);
    expect(top.ranking.map((p: any) => [p.fullName, p.rank, p.score, p.unit, p.advancing])).toEqual(
      people.map((p, i) => [p.name, i + 1, p.right, p.unit, i < 2]),
    );
    const page = await ok(http.post(`/rounds/${r1.id}/advance/preview?limit=2&offset=2`, {}, o));
    expect(page.ranking.map((p: any) => p.rank)).toEqual([3, 4]);

    // One per unit: each unit's best, whatever their overall place.
    const quota = { by: ['unit'], perBucket: 1 };
    const byUnit = await ok(http.post(`/rounds/${r1.id}/advance/preview`, { quota }, o));
    expect(byUnit.mode).toBe('quota');
    expect(byUnit.advancing.map((a: any) => [a.bucket, a.userId, a.rank, a.reason])).toEqual([
      ['Phường Bãi Cháy', id(2), 3, 'quota'],
      ['Phường Hạ Long', id(0), 1, 'quota'],
      ['Xã Quảng La', id(4), 5, 'quota'],
    ]);
    // A unit given two places, one with none: reported short.
    const named = await ok(http.post(`/rounds/${r1.id}/advance/preview`, { quota: { ...quota, buckets: { 'Phường Hạ Long': 2, 'Phường Cao Xanh': 1 } } }, o));
    expect(named.advancing.map((a: any) => a.userId).sort()).toEqual([id(0), id(1), id(2), id(4)].sort());
    expect(named.shortfalls).toEqual([{ bucket: 'Phường Cao Xanh', quota: 1, filled: 0 }]);

    // Nobody was enrolled by looking.
    expect((await ok(http.get(`/rounds/${r2.id}/enrolments`, o))).total).toBe(0);

    // The advance enrols exactly what the preview showed, in the same order.
    const adv = await ok(http.post(`/rounds/${r1.id}/advance`, { quota }, o));
    expect(adv.userIds).toEqual(byUnit.advancing.map((a: any) => a.userId));
    const enrolled = await ok(http.get(`/rounds/${r2.id}/enrolments`, o));
    expect(enrolled.items.map((e: any) => e.userId).sort()).toEqual(adv.userIds.slice().sort());
    // Each with the unit they registered with: the organiser checks the quota by eye.
    expect(enrolled.items.map((e: any) => [e.fullName, e.unit]).sort()).toEqual([
      ['Phạm Quốc Hưng', 'Phường Bãi Cháy'],
      ['Trần Thị Ánh Dương', 'Phường Hạ Long'],
      ['Vũ Đình Khải', 'Xã Quảng La'],
    ]);
    const after = await ok(http.post(`/rounds/${r1.id}/advance/preview`, { quota }, o));
    expect(after.newCount).toBe(0);
    expect(after.advancing.every((a: any) => a.alreadyEnrolled)).toBe(true);
    const topAdv = await ok(http.post(`/rounds/${r1.id}/advance`, {}, o));
    expect(topAdv.userIds).toEqual(top.advancing.map((a: any) => a.userId));
    // The enrolment list, searched by name without diacritics.
    const found = await ok(http.get(`/rounds/${r2.id}/enrolments?q=${encodeURIComponent('LE VAN DUC')}`, o));
    expect([found.total, found.items.map((e: any) => e.fullName)]).toEqual([1, ['Lê Văn Đức']]);
    expect((await ok(http.get(`/rounds/${r2.id}/enrolments?q=%25`, o))).total).toBe(0);
    expect((await ok(http.get(`/rounds/${r2.id}/enrolments?limit=2&offset=2`, o))).items).toHaveLength(2);

    // A judge of the round previews their picks; picks keep their place in the ranking.
    const judge = await newStaff(http, admin, 'judge', setup.org.id);
    await ok(http.post(`/rounds/${r1.id}/judges`, { userId: judge.user.id }, o));
    const picks = await ok(http.post(`/rounds/${r1.id}/advance/preview`, { userIds: [id(3)] }, judge.token));
    expect(picks.advancing).toEqual([
      expect.objectContaining({ userId: id(3), rank: 4, score: 1, unit: 'Phường Bãi Cháy', reason: 'picked', alreadyEnrolled: false }),
    ]);
    // Nobody picked yet: the ranking to pick from, nobody going through.
    const none = await ok(http.post(`/rounds/${r1.id}/advance/preview`, { userIds: [] }, judge.token));
    expect([none.mode, none.advancing, none.ranking.length]).toEqual(['picked', [], 5]);
    expect(expectError(await http.post(`/rounds/${r1.id}/advance`, { userIds: [] }, judge.token), 400).code).toBe('validation_failed');
    expectError(await http.post(`/rounds/${r1.id}/advance/preview`, { quota }, judge.token), 403);
    expectError(await http.post(`/rounds/${r1.id}/advance/preview`, {}, s[0].token), 403);

    // Another organisation's organiser: the round does not exist for them.
    const other = await orgWithBank(http, admin, 1);
    expectError(await http.post(`/rounds/${r1.id}/advance/preview`, {}, other.organiser.token), 404);
    expectError(await http.post(`/rounds/${r1.id}/advance/preview`, { quota: { by: ['unit'], perBucket: -1 } }, o), 400);
  }, 60_000);
});
