import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectError, Http, startApi, TestApi } from '../../../test/harness';
import { loginAdmin, newOrganisation, newStaff, ok, Session } from '../../../test/factories';
import { entrant, iso, newContest, sleep } from '../../contests/test/factories';
import { marksFor, RUBRIC } from './judged-entries-helpers';

/**
 * Semi-final → final between judged rounds: the semi-final is marked by two judges and
 * closed; POST /rounds/:id/advance then ranks from its results (not from attempts, which a
 * judged round has none of) — quota per group, top N, threshold and the judges' picks.
 */
describe('advancement out of a judged round', () => {
  let api: TestApi;
  let http: Http;

  beforeAll(async () => {
    api = await startApi({ UPLOAD_DIR: mkdtempSync(join(tmpdir(), 'lc-j3-advance-')) });
    http = new Http(api.url);
  });
  afterAll(() => api.close());

  it('advances the top 1 of each group from the closed results into the final, who alone may hand in there', async () => {
    const admin = await loginAdmin(http);
    const org = await newOrganisation(http, admin);
    const organiser = await newStaff(http, admin, 'organiser', org.id);
    const o = organiser.token;
    const judges: Session[] = [await newStaff(http, admin, 'judge', org.id), await newStaff(http, admin, 'judge', org.id)];

    const c = await newContest(http, organiser, { title: 'Báo cáo viên, tuyên truyền viên pháp luật giỏi', requiredFields: ['nhom'] });
    const semiCloses = Date.now() + 15_000;
    const semi = await ok(
      http.post(
        `/contests/${c.id}/rounds`,
        {
          title: 'Vòng bán kết: thuyết trình',
          kind: 'judged',
          opensAt: iso(Date.now() - 1000),
          closesAt: iso(semiCloses),
          advancement: { mode: 'top', topN: 1 },
        },
        o,
      ),
      'semi-final',
    );
    const final = await ok(
      http.post(
        `/contests/${c.id}/rounds`,
        { title: 'Vòng chung kết: thuyết trình', kind: 'judged', entry: 'enrolled', opensAt: iso(Date.now() - 1000), closesAt: iso(Date.now() + 86400_000) },
        o,
      ),
      'final',
    );
    await ok(http.post(`/contests/${c.id}/publish`, {}, o), 'publish contest');
    await ok(http.put(`/rounds/${semi.id}/jury`, { rubric: RUBRIC }, o), 'jury');
    for (const j of judges) await ok(http.post(`/rounds/${semi.id}/judges`, { userId: j.user.id }, o), 'assign judge');

    // Two judges' marks; their mean is the final: overall 87, 85, 71, 62 — but per group
    // the best rapporteur (85) and the best communicator (87) go on.
    const people = [
      { nhom: 'Báo cáo viên', totals: [90, 80] }, // 85
      { nhom: 'Báo cáo viên', totals: [70, 72] }, // 71
      { nhom: 'Tuyên truyền viên', totals: [60, 64] }, // 62
      { nhom: 'Tuyên truyền viên', totals: [88, 86] }, // 87
    ];
    const s: Session[] = [];
    const entries: string[] = [];
    for (const p of people) {
      const e = await entrant(http, c.id, { fields: { nhom: p.nhom } });
      entries.push((await ok(http.post(`/rounds/${semi.id}/entries`, { text: 'Đề cương bài thuyết trình' }, e.token), 'hand in')).id);
      s.push(e);
    }
    const absent = await entrant(http, c.id, { fields: { nhom: 'Báo cáo viên' } }); // registered, never handed in
    const id = (i: number) => s[i].user.id;
    const quota = { by: ['group'], perBucket: 1, groupField: 'nhom' };
    expect(expectError(await http.post(`/rounds/${semi.id}/advance`, { quota }, o), 409).code).toBe('round_not_over');

    await sleep(semiCloses + 300 - Date.now());
    for (const [i, p] of people.entries()) {
      for (const [k, t] of p.totals.entries())
        expect((await http.post(`/entries/${entries[i]}/scores`, { scores: marksFor(t) }, judges[k].token)).status).toBe(200);
    }
    // Marked but not closed: there is no final ranking to advance from yet.
    expect(expectError(await http.post(`/rounds/${semi.id}/advance`, { quota }, o), 409).code).toBe('round_not_closed');
    expect(expectError(await http.post(`/rounds/${semi.id}/advance`, { userIds: [id(2)] }, o), 409).code).toBe('round_not_closed');
    expect((await http.post(`/rounds/${semi.id}/close`, {}, o)).status).toBe(200);
    expect((await http.get(`/rounds/${semi.id}/results`, o)).body.items.map((r: any) => [r.userId, r.score])).toEqual([
      [id(3), 87],
      [id(0), 85],
      [id(1), 71],
      [id(2), 62],
    ]);

    expectError(await http.post(`/rounds/${semi.id}/advance`, { quota }, judges[0].token), 403);
    const adv = await http.post(`/rounds/${semi.id}/advance`, { quota }, o);
    expect(adv.status).toBe(200);
    expect(adv.body).toMatchObject({ fromRoundId: semi.id, toRoundId: final.id, mode: 'quota', quota: { shortfalls: [], unplaced: [] } });
    expect(adv.body.userIds.sort()).toEqual([id(0), id(3)].sort());
    expect(adv.body.newlyEnrolled.sort()).toEqual([id(0), id(3)].sort());
    for (const a of adv.body.quota.advancing) expect(a.personId).toBe(a.userId); // the deprecated alias, one release
    expect(Object.fromEntries(adv.body.quota.advancing.map((a: any) => [a.userId, [a.bucket, a.rank]]))).toEqual({
      [id(3)]: ['Tuyên truyền viên', 1],
      [id(0)]: ['Báo cáo viên', 2],
    });
    const enrolled = (await http.get(`/rounds/${final.id}/enrolments`, o)).body;
    expect(enrolled.items.map((e: any) => [e.userId, e.source, e.fromRoundId]).sort()).toEqual(
      [
        [id(0), 'advanced', semi.id],
        [id(3), 'advanced', semi.id],
      ].sort(),
    );

    // The finalists hand in; nobody else may, and the semi-final takes no more entries.
    expect((await http.post(`/rounds/${final.id}/entries`, { text: 'Bài chung kết' }, s[0].token)).status).toBe(201);
    expect((await http.post(`/rounds/${final.id}/entries`, { text: 'Bài chung kết' }, s[3].token)).status).toBe(201);
    for (const other of [s[1], s[2], absent])
      expect(expectError(await http.post(`/rounds/${final.id}/entries`, { text: 'Bài chung kết' }, other.token), 403).code).toBe('not_enrolled');
    expect(expectError(await http.post(`/rounds/${semi.id}/entries`, { text: 'Nộp lại' }, s[1].token), 409).code).toBe('entries_closed');

    // The round's own rule (top 1) ranks from the results too: the best overall, already enrolled.
    const top = await http.post(`/rounds/${semi.id}/advance`, {}, o);
    expect(top.body).toMatchObject({ mode: 'top', toRoundId: final.id, userIds: [id(3)], newlyEnrolled: [] });
    // Threshold: everyone with at least 71 points.
    await ok(http.patch(`/rounds/${semi.id}`, { advancement: { mode: 'threshold', minScore: 71 } }, o), 'threshold rule');
    const threshold = await http.post(`/rounds/${semi.id}/advance`, {}, o);
    expect(threshold.body).toMatchObject({ mode: 'threshold', userIds: [id(3), id(0), id(1)], newlyEnrolled: [id(1)] });

    // A judge of the round picks among those ranked in it; someone who never handed in cannot be picked.
    expect(expectError(await http.post(`/rounds/${semi.id}/advance`, { userIds: [absent.user.id] }, judges[1].token), 400).code).toBe('not_an_entrant');
    const picked = await http.post(`/rounds/${semi.id}/advance`, { userIds: [id(2)] }, judges[1].token);
    expect(picked.body).toMatchObject({ mode: 'picked', toRoundId: final.id, newlyEnrolled: [id(2)] });
    expect((await http.post(`/rounds/${final.id}/entries`, { text: 'Bài chung kết' }, s[2].token)).status).toBe(201);
    expect(expectError(await http.post(`/rounds/${final.id}/entries`, { text: 'Bài chung kết' }, absent.token), 403).code).toBe('not_enrolled');
  });
});
