import { expectError, Http, startApi, TestApi } from '../../../test/harness';
import { loginAdmin, newResident, newStaff } from '../../../test/factories';
import { entrant, iso, newContest, orgWithBank, quizRound, sleep } from '../../contests/test/factories';
import { answerAll } from '../../attempts/test/helpers';

describe('advancement enrols the right people in the next round', () => {
  let api: TestApi;
  let http: Http;

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
  });
  afterAll(() => api.close());

  it("top N, threshold and judges' picks from committed attempts of a finished round", async () => {
    const admin = await loginAdmin(http);
    const setup = await orgWithBank(http, admin, 4);
    const o = setup.organiser.token;
    const c = await newContest(http, setup.organiser, { title: 'Báo cáo viên pháp luật giỏi về phòng, chống tham nhũng' });
    // Long enough for four entrants to start and submit on a loaded machine (5 s was not, in CI).
    const closesAt = Date.now() + 15_000;
    const r1 = (
      await http.post(
        `/contests/${c.id}/rounds`,
        quizRound(setup.bankId, {
          title: 'Vòng 1',
          closesAt: iso(closesAt),
          selection: [{ bankId: setup.bankId, count: 4 }],
          advancement: { mode: 'top', topN: 2 },
        }),
        o,
      )
    ).body;
    const r2 = (
      await http.post(
        `/contests/${c.id}/rounds`,
        quizRound(setup.bankId, { title: 'Vòng 2', entry: 'enrolled', selection: [{ bankId: setup.bankId, count: 2 }] }),
        o,
      )
    ).body;
    const r3 = (
      await http.post(
        `/contests/${c.id}/rounds`,
        {
          title: 'Vòng chung kết: thuyết trình',
          kind: 'judged',
          opensAt: iso(Date.now() + 86400_000),
          closesAt: iso(Date.now() + 2 * 86400_000),
          entry: 'enrolled',
        },
        o,
      )
    ).body;
    expect((await http.post(`/contests/${c.id}/publish`, {}, o)).status).toBe(200);

    const people = [];
    for (const right of [4, 3, 2, 1]) {
      const p = await entrant(http, c.id);
      const at = (await http.post(`/rounds/${r1.id}/attempts`, {}, p.token)).body;
      await answerAll(http, p.token, at, setup.questions, right);
      const sub = await http.post(`/attempts/${at.id}/submit`, {}, p.token);
      expect(sub.body.score).toBe(right);
      people.push(p);
    }
    const absent = await entrant(http, c.id);
    expect(expectError(await http.post(`/rounds/${r1.id}/advance`, {}, o), 409).code).toBe('round_not_over');

    await sleep(closesAt + 200 - Date.now());
    const top = await http.post(`/rounds/${r1.id}/advance`, {}, o);
    expect(top.status).toBe(200);
    expect(top.body).toEqual(expect.objectContaining({ fromRoundId: r1.id, toRoundId: r2.id, mode: 'top' }));
    expect(top.body.userIds).toEqual([people[0].user.id, people[1].user.id]);
    expect(top.body.newlyEnrolled.sort()).toEqual([people[0].user.id, people[1].user.id].sort());
    const again = await http.post(`/rounds/${r1.id}/advance`, {}, o);
    expect(again.body.newlyEnrolled).toEqual([]);
    const enrolled = await http.get(`/rounds/${r2.id}/enrolments`, o);
    expect(enrolled.body.total).toBe(2);
    expect(enrolled.body.items.every((e: any) => e.source === 'advanced' && e.fromRoundId === r1.id)).toBe(true);

    // Only those who advanced may enter the enrolled round.
    expect((await http.post(`/rounds/${r2.id}/attempts`, {}, people[0].token)).status).toBe(201);
    expect(expectError(await http.post(`/rounds/${r2.id}/attempts`, {}, people[2].token), 403).code).toBe('not_enrolled');
    expect(expectError(await http.post(`/rounds/${r2.id}/attempts`, {}, absent.token), 403).code).toBe('not_enrolled');

    // Threshold (a safe change after the round opened) into the final round.
    expect((await http.patch(`/rounds/${r1.id}`, { advancement: { mode: 'threshold', minScore: 2, toRoundSeq: 3 } }, o)).status).toBe(200);
    const threshold = await http.post(`/rounds/${r1.id}/advance`, {}, o);
    expect(threshold.body.toRoundId).toBe(r3.id);
    expect(threshold.body.userIds).toEqual(people.slice(0, 3).map((p) => p.user.id));

    // A judge of the round picks someone by hand; only entrants of the round can be picked.
    const judge = await newStaff(http, admin, 'judge', setup.org.id);
    expectError(await http.post(`/rounds/${r1.id}/advance`, { userIds: [people[3].user.id] }, judge.token), 403);
    expect((await http.post(`/rounds/${r1.id}/judges`, { userId: judge.user.id }, o)).status).toBe(201);
    const picked = await http.post(`/rounds/${r1.id}/advance`, { userIds: [people[3].user.id] }, judge.token);
    expect(picked.status).toBe(200);
    expect(picked.body).toEqual(expect.objectContaining({ mode: 'picked', toRoundId: r3.id, newlyEnrolled: [people[3].user.id] }));
    const stranger = await newResident(http);
    expect(expectError(await http.post(`/rounds/${r1.id}/advance`, { userIds: [absent.user.id, stranger.user.id] }, judge.token), 400).code).toBe(
      'not_an_entrant',
    );
    expectError(await http.post(`/rounds/${r1.id}/advance`, {}, people[0].token), 403);

    const finalists = await http.get(`/rounds/${r3.id}/enrolments`, o);
    expect(finalists.body.items.map((e: any) => [e.userId, e.source]).sort()).toEqual(
      [
        [people[0].user.id, 'advanced'],
        [people[1].user.id, 'advanced'],
        [people[2].user.id, 'advanced'],
        [people[3].user.id, 'picked'],
      ].sort(),
    );
  });
});
