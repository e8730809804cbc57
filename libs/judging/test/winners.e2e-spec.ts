import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { expectError, Http, startApi, TestApi } from '../../../test/harness';
import { loginAdmin, newStaff, Session } from '../../../test/factories';
import { entrant, iso, newContest, orgWithBank, OrgSetup, quizRound, sleep } from '../../contests/test/factories';
import { marksFor, RUBRIC } from './judged-entries-helpers';
import { download, readCsv, takeAttempt } from './results-helpers';

/** A POST answered with a file (the payout list), read as bytes. */
async function postFile(base: string, path: string, body: unknown, token: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

/**
 * Winner verification through the HTTP API: identity disclosed in full only to the
 * organisers of the organisation (audited, never with the values), verify / disqualify
 * (the prize passes on by the rules, with one prize per person across rounds), and the
 * payout list, the only export with full contact details.
 */
describe('winner verification', () => {
  let api: TestApi;
  let http: Http;
  let admin: Session;
  let setup: OrgSetup;
  let other: OrgSetup;
  let db: DataSource;
  // Not about integrity: test attempts are fast, which would flag them (too_fast) and hold publication back.
  const integrity = { minSecondsPerQuestion: 0 };
  const prizes = {
    tiers: [
      { code: 'nhat', name: 'Giải Nhất', count: 1 },
      { code: 'nhi', name: 'Giải Nhì', count: 1 },
    ],
  };

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    admin = await loginAdmin(http);
    setup = await orgWithBank(http, admin, 4);
    other = await orgWithBank(http, admin, 1);
    db = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  async function contestWithRounds(n: number) {
    const o = setup.organiser.token;
    const contest = await newContest(http, setup.organiser);
    const rounds = [];
    for (let i = 0; i < n; i++) {
      const r = (
        await http.post(
          `/contests/${contest.id}/rounds`,
          quizRound(setup.bankId, { title: `Tuần ${i + 1}`, selection: [{ bankId: setup.bankId, count: 4 }], integrity }),
          o,
        )
      ).body;
      expect((await http.put(`/rounds/${r.id}/rules`, { prizes }, o)).status).toBe(200);
      rounds.push(r);
    }
    expect((await http.post(`/contests/${contest.id}/publish`, {}, o)).status).toBe(200);
    return { contest, rounds };
  }

  const auditRows = (
    action: string,
    entityId: string,
  ): Promise<{ actor_id: string; reason: string; before: unknown; after: unknown; organisation_id: string }[]> =>
    db.query('SELECT actor_id, reason, before, after, organisation_id FROM audit_log WHERE action = $1 AND entity_id = $2 ORDER BY at', [action, entityId]);

  it("shows winners masked, discloses identity only to the organisation's organisers (audited), and exports the payout list", async () => {
    const o = setup.organiser.token;
    const {
      contest,
      rounds: [round],
    } = await contestWithRounds(1);
    const judge = await newStaff(http, admin, 'judge', setup.org.id);
    const unassigned = await newStaff(http, admin, 'judge', setup.org.id);
    expect((await http.post(`/rounds/${round.id}/judges`, { userId: judge.user.id }, o)).status).toBe(201);
    const a = await entrant(http, contest.id, {}, { fullName: 'Lê Văn An', unit: '+Đội xung kích' });
    const b = await entrant(http, contest.id, {}, { fullName: 'Phạm Thị Bích' });
    const c = await entrant(http, contest.id);
    await takeAttempt(http, a.token, round.id, setup.questions, 4);
    await takeAttempt(http, b.token, round.id, setup.questions, 3);
    await takeAttempt(http, c.token, round.id, setup.questions, 1);
    expect(expectError(await http.get(`/rounds/${round.id}/winners`, o), 409).code).toBe('round_not_closed');
    expect((await http.post(`/rounds/${round.id}/close`, { force: true }, o)).status).toBe(200);

    // The list: masked for everyone; only the organiser may go further.
    const list = (await http.get(`/rounds/${round.id}/winners`, o)).body;
    expect(list).toEqual(
      expect.objectContaining({ resultStatus: 'provisional', canDisclose: true, counts: { winners: 2, verified: 0, pending: 2 }, disqualified: [] }),
    );
    expect(list.items.map((i: any) => [i.userId, i.prize.code, i.verification.status])).toEqual([
      [a.user.id, 'nhat', 'pending'],
      [b.user.id, 'nhi', 'pending'],
    ]);
    expect(list.items[0].nationalId).toMatch(/^\d{3}\*{6}\d{3}$/);
    expect(list.items[0].phone).toMatch(/^\d{3}\*{4}\d{3}$/);
    const judgeList = (await http.get(`/rounds/${round.id}/winners`, judge.token)).body;
    expect(judgeList.canDisclose).toBe(false);
    expect(JSON.stringify(judgeList)).not.toContain(a.input.nationalId);
    expect((await http.get(`/rounds/${round.id}/winners`, admin.token)).body.canDisclose).toBe(false);
    expectError(await http.get(`/rounds/${round.id}/winners`, other.organiser.token), 404);
    expectError(await http.get(`/rounds/${round.id}/winners`, unassigned.token), 403);
    expectError(await http.get(`/rounds/${round.id}/winners`, a.token), 403);

    // Identity: refused to judges, admins, residents and other tenants; a reason is required.
    const reason = { reason: 'Xác minh danh tính trước khi trao giải' };
    const identity = `/rounds/${round.id}/winners/${a.user.id}/identity`;
    expect(expectError(await http.post(identity, reason, judge.token), 403).code).toBe('forbidden');
    expectError(await http.post(identity, reason, admin.token), 403);
    expectError(await http.post(identity, reason, a.token), 403);
    expectError(await http.post(identity, reason, other.organiser.token), 404);
    expect(expectError(await http.post(identity, {}, o), 400).code).toBe('validation_failed');
    expect(expectError(await http.post(identity, { reason: 'xem' }, o), 400).code).toBe('validation_failed');
    expectError(await http.post(`/rounds/${round.id}/winners/${c.user.id}/identity`, reason, o), 404); // ranked, but no prize
    expect(await auditRows('winner.identity.view', a.user.id)).toEqual([]);

    const seen = await http.post(identity, reason, o);
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual(
      expect.objectContaining({
        userId: a.user.id,
        fullName: 'Lê Văn An',
        phone: a.input.phone,
        nationalId: a.input.nationalId,
        dateOfBirth: '1990-05-17',
        province: 'Quảng Ninh',
        commune: 'Phường Hạ Long',
        unit: '+Đội xung kích',
        recorded: true,
      }),
    );
    const views = await auditRows('winner.identity.view', a.user.id);
    expect(views).toHaveLength(1);
    expect(views[0]).toEqual(expect.objectContaining({ actor_id: setup.organiser.user.id, reason: reason.reason, organisation_id: setup.org.id }));
    expect(views[0].after).toEqual(expect.objectContaining({ roundId: round.id, prize: 'Giải Nhất' }));
    expect(JSON.stringify(views)).not.toContain(a.input.nationalId);
    expect(JSON.stringify(views)).not.toContain(a.input.phone);

    // Everywhere else stays masked: the results and the ordinary exports.
    const results = JSON.stringify((await http.get(`/rounds/${round.id}/results`, o)).body);
    for (const p of [a, b]) {
      expect(results).not.toContain(p.input.nationalId);
      expect(results).not.toContain(p.input.phone);
    }
    for (const scope of ['winners', 'ranking']) {
      const f = (await download(api.url, `/rounds/${round.id}/results/export?format=csv&scope=${scope}`, o)).body.toString('utf8');
      expect(f).not.toContain(a.input.nationalId);
      expect(f).not.toContain(a.input.phone);
    }

    // The payout list: organisers only, with a reason, full details, audited.
    const payout = `/rounds/${round.id}/winners/payout-export`;
    const why = { reason: 'Lập danh sách chi trả giải thưởng tuần 1', format: 'csv' };
    expect((await postFile(api.url, payout, why, judge.token)).status).toBe(403);
    expect((await postFile(api.url, payout, why, admin.token)).status).toBe(403);
    expect((await postFile(api.url, payout, why, other.organiser.token)).status).toBe(404);
    expect((await postFile(api.url, payout, { format: 'csv' }, o)).status).toBe(400);
    expect((await postFile(api.url, payout, { ...why, format: 'pdf' }, o)).status).toBe(400);
    const csv = await postFile(api.url, payout, why, o);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('chi-tra-giai-thuong-vong-');
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records: string[][] = parse(csv.body, { bom: true });
    expect(records[0]).toEqual([
      'Giải',
      'Hạng',
      'Họ và tên',
      'Ngày sinh',
      'Số CCCD',
      'Số điện thoại',
      'Thư điện tử',
      'Tỉnh/thành phố',
      'Xã/phường',
      'Đơn vị',
      'Xác minh',
      'Xác minh lúc (giờ Việt Nam)',
    ]);
    expect(records.slice(1).map((r) => [r[0], r[2], r[3], r[4], r[5], r[9], r[10]])).toEqual([
      ['Giải Nhất', 'Lê Văn An', '17/05/1990', a.input.nationalId, a.input.phone, "'+Đội xung kích", 'Chưa xác minh'],
      ['Giải Nhì', 'Phạm Thị Bích', '17/05/1990', b.input.nationalId, b.input.phone, 'Trường THPT Hòn Gai', 'Chưa xác minh'],
    ]);
    expect(readCsv(csv.body)).toHaveLength(3);
    const xlsx = await postFile(api.url, payout, { ...why, format: 'xlsx' }, o);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Chi trả giải thưởng');
    expect(ws.getRow(2).getCell(5).value).toBe(a.input.nationalId); // text, leading zeros kept
    expect(ws.getRow(2).getCell(6).value).toBe(a.input.phone);
    expect(ws.getRow(2).getCell(10).value).toBe("'+Đội xung kích");
    const exports = await auditRows('winner.payout_export', round.id);
    expect(exports.map((e) => [e.reason, (e.after as any).format, (e.after as any).rows])).toEqual([
      [why.reason, 'csv', 2],
      [why.reason, 'xlsx', 2],
    ]);
    expect(JSON.stringify(exports)).not.toContain(a.input.nationalId);
  });

  it('verifies a winner; a disqualification after publication passes the prize on by the rules (one prize per person)', async () => {
    const o = setup.organiser.token;
    const {
      contest,
      rounds: [r1, r2],
    } = await contestWithRounds(2);
    const [a, b, c, d] = [
      await entrant(http, contest.id, {}, { fullName: 'Lê Văn An' }),
      await entrant(http, contest.id, {}, { fullName: 'Phạm Thị Bích' }),
      await entrant(http, contest.id, {}, { fullName: 'Trần Minh Châu' }),
      await entrant(http, contest.id, {}, { fullName: 'Đỗ Quang Dũng' }),
    ];
    // Week 2 first: b wins it, so with one prize per person b wins nothing in week 1.
    await takeAttempt(http, b.token, r2.id, setup.questions, 4);
    expect((await http.post(`/rounds/${r2.id}/close`, { force: true }, o)).status).toBe(200);
    expect((await http.post(`/rounds/${r2.id}/results/publish`, undefined, o)).status).toBe(200);
    await takeAttempt(http, a.token, r1.id, setup.questions, 4);
    // b and c miss different questions: the same wrong answers would flag both (identical_answers) and hold publication back.
    await takeAttempt(http, b.token, r1.id, setup.questions, (q) => q !== setup.questions[0]);
    await takeAttempt(http, c.token, r1.id, setup.questions, (q) => q !== setup.questions[1], undefined, 300);
    await takeAttempt(http, d.token, r1.id, setup.questions, 2);
    expect((await http.post(`/rounds/${r1.id}/close`, { force: true }, o)).status).toBe(200);
    expect((await http.post(`/rounds/${r1.id}/results/publish`, undefined, o)).status).toBe(200);
    const winners = async () => (await http.get(`/rounds/${r1.id}/winners`, o)).body;
    expect((await winners()).items.map((i: any) => [i.fullName, i.prize.code])).toEqual([
      ['Lê Văn An', 'nhat'],
      ['Trần Minh Châu', 'nhi'],
    ]);

    const decide = (userId: string, body: unknown, token = o) => http.post(`/rounds/${r1.id}/winners/${userId}/verification`, body, token);
    expect(expectError(await decide(c.user.id, { status: 'maybe', reason: 'Đã đối chiếu CCCD' }), 400).code).toBe('validation_failed');
    expectError(await decide(c.user.id, { status: 'verified', reason: 'Đã đối chiếu CCCD' }, other.organiser.token), 404);
    expectError(await decide(c.user.id, { status: 'verified', reason: 'Đã đối chiếu CCCD' }, admin.token), 403);
    expectError(await decide(b.user.id, { status: 'verified', reason: 'Đã đối chiếu CCCD' }), 404); // ranked, no prize in week 1
    const verified = await decide(c.user.id, { status: 'verified', reason: 'Đã đối chiếu CCCD bản gốc' });
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual(expect.objectContaining({ status: 'verified', resultStatus: 'published', correctionId: null, prizeChanges: [] }));
    expect((await decide(c.user.id, { status: 'verified', reason: 'Bấm lại lần nữa' })).status).toBe(200); // a repeat changes nothing
    expect(await auditRows('winner.verify', c.user.id)).toHaveLength(1);

    // a's papers do not match: disqualified; the correction voids a's attempt and passes the prize on.
    const out = await decide(a.user.id, { status: 'disqualified', reason: 'CCCD không khớp với người dự thi' });
    expect(out.status).toBe(200);
    expect(out.body).toEqual(expect.objectContaining({ status: 'disqualified', resultStatus: 'published', correctionId: expect.any(String) }));
    // c moves up; b still holds week 2's prize, so the second prize goes to d.
    expect(out.body.prizeChanges).toEqual([
      { userId: c.user.id, fullName: 'Trần Minh Châu', before: 'Giải Nhì', after: 'Giải Nhất' },
      { userId: d.user.id, fullName: 'Đỗ Quang Dũng', before: null, after: 'Giải Nhì' },
      { userId: a.user.id, fullName: 'Lê Văn An', before: 'Giải Nhất', after: null },
    ]);
    const now = await winners();
    expect(now.items.map((i: any) => [i.fullName, i.prize.code, i.verification.status])).toEqual([
      ['Trần Minh Châu', 'nhat', 'verified'],
      ['Đỗ Quang Dũng', 'nhi', 'pending'],
    ]);
    expect(now.disqualified).toEqual([expect.objectContaining({ userId: a.user.id, prizeName: 'Giải Nhất', reason: 'CCCD không khớp với người dự thi' })]);
    const corrections = (await http.get(`/rounds/${r1.id}/results/corrections`, o)).body;
    expect(corrections.items[0]).toEqual(expect.objectContaining({ id: out.body.correctionId, reason: expect.stringContaining('CCCD không khớp') }));
    expect((await db.query(`SELECT status FROM attempt WHERE round_id = $1 AND user_id = $2`, [r1.id, a.user.id])).map((x: any) => x.status)).toEqual(['void']);
    expect(await auditRows('winner.disqualify', a.user.id)).toEqual([expect.objectContaining({ reason: 'CCCD không khớp với người dự thi' })]);
    // The contest's awards still give one prize per person.
    const awards = (await http.get(`/contests/${contest.id}/awards`, o)).body;
    const holders = JSON.stringify(awards);
    expect(holders).toContain(d.user.id);
    expect(expectError(await decide(a.user.id, { status: 'verified', reason: 'Nhầm lẫn, xác minh lại' }), 409).code).toBe('winner_disqualified');
    expect(expectError(await decide(a.user.id, { status: 'disqualified', reason: 'Loại lần nữa' }), 409).code).toBe('winner_disqualified');
    // Week 2 is untouched.
    expect((await http.get(`/rounds/${r2.id}/winners`, o)).body.items.map((i: any) => i.userId)).toEqual([b.user.id]);
  });

  it('before publication, a disqualification voids and closes again at once', async () => {
    const o = setup.organiser.token;
    const {
      contest,
      rounds: [round],
    } = await contestWithRounds(1);
    const [a, b, c] = [
      await entrant(http, contest.id, {}, { fullName: 'Lê Văn An' }),
      await entrant(http, contest.id, {}, { fullName: 'Phạm Thị Bích' }),
      await entrant(http, contest.id, {}, { fullName: 'Trần Minh Châu' }),
    ];
    await takeAttempt(http, a.token, round.id, setup.questions, 4);
    await takeAttempt(http, b.token, round.id, setup.questions, 3);
    await takeAttempt(http, c.token, round.id, setup.questions, 2);
    expect((await http.post(`/rounds/${round.id}/close`, { force: true }, o)).status).toBe(200);
    const out = await http.post(`/rounds/${round.id}/winners/${a.user.id}/verification`, { status: 'disqualified', reason: 'Dùng CCCD của người khác' }, o);
    expect(out.status).toBe(200);
    expect(out.body).toEqual(
      expect.objectContaining({ resultStatus: 'provisional', reclosed: true, resultsStale: false, recloseError: null, correctionId: null }),
    );
    expect(out.body.prizeChanges.map((p: any) => [p.fullName, p.before, p.after])).toEqual([
      ['Phạm Thị Bích', 'Giải Nhì', 'Giải Nhất'],
      ['Trần Minh Châu', null, 'Giải Nhì'],
      ['Lê Văn An', 'Giải Nhất', null],
    ]);
    const results = (await http.get(`/rounds/${round.id}/results`, o)).body;
    expect(results).toEqual(expect.objectContaining({ status: 'provisional', stale: false, version: 2 }));
    expect(results.items.map((i: any) => i.userId)).toEqual([b.user.id, c.user.id]);
    expect((await http.post(`/rounds/${round.id}/results/publish`, undefined, o)).status).toBe(200);

    // Disclosures are rate-limited per user: checking winners takes a few a minute, harvesting many.
    const colleague = await newStaff(http, admin, 'organiser', setup.org.id);
    const view = () => http.post(`/rounds/${round.id}/winners/${b.user.id}/identity`, { reason: 'Xác minh danh tính trước khi trao giải' }, colleague.token);
    for (let i = 0; i < 30; i++) expect((await view()).status).toBe(200);
    expect(expectError(await view(), 429).statusCode).toBe(429);
    expect(await auditRows('winner.identity.view', b.user.id)).toHaveLength(30);
  });

  it("in a judged round, a disqualified winner's entry is left out and the prize passes on", async () => {
    const o = setup.organiser.token;
    const contest = await newContest(http, setup.organiser);
    const closesAt = Date.now() + 4000;
    const judged = (
      await http.post(
        `/contests/${contest.id}/rounds`,
        {
          title: 'Vòng thuyết trình',
          kind: 'judged',
          opensAt: iso(Date.now() - 1000),
          closesAt: iso(closesAt),
          prizes: [
            { name: 'Giải Nhất', count: 1 },
            { name: 'Giải Nhì', count: 1 },
          ],
        },
        o,
      )
    ).body;
    expect((await http.post(`/contests/${contest.id}/publish`, {}, o)).status).toBe(200);
    const judge = await newStaff(http, admin, 'judge', setup.org.id);
    expect((await http.put(`/rounds/${judged.id}/jury`, { rubric: RUBRIC }, o)).status).toBe(200);
    expect((await http.post(`/rounds/${judged.id}/judges`, { userId: judge.user.id }, o)).status).toBe(201);
    const people = [
      await entrant(http, contest.id, {}, { fullName: 'Lê Văn An' }),
      await entrant(http, contest.id, {}, { fullName: 'Phạm Thị Bích' }),
      await entrant(http, contest.id, {}, { fullName: 'Trần Minh Châu' }),
    ];
    const entries = [];
    for (const p of people)
      entries.push((await http.post(`/rounds/${judged.id}/entries`, { text: `Bài thuyết trình của ${p.input.fullName}` }, p.token)).body.id);
    await sleep(closesAt + 300 - Date.now());
    for (const [i, total] of [90, 80, 70].entries())
      expect((await http.post(`/entries/${entries[i]}/scores`, { scores: marksFor(total) }, judge.token)).status).toBe(200);
    expect((await http.post(`/rounds/${judged.id}/close`, {}, o)).status).toBe(200);
    expect((await http.post(`/rounds/${judged.id}/results/publish`, undefined, o)).status).toBe(200);

    const out = await http.post(
      `/rounds/${judged.id}/winners/${people[0].user.id}/verification`,
      { status: 'disqualified', reason: 'Bài thuyết trình sao chép của người khác' },
      o,
    );
    expect(out.status).toBe(200);
    expect(out.body).toEqual(expect.objectContaining({ resultStatus: 'published', correctionId: expect.any(String) }));
    expect(out.body.prizeChanges.map((p: any) => [p.fullName, p.before, p.after])).toEqual([
      ['Phạm Thị Bích', 'Giải Nhì', 'Giải Nhất'],
      ['Trần Minh Châu', null, 'Giải Nhì'],
      ['Lê Văn An', 'Giải Nhất', null],
    ]);
    const results = (await http.get(`/rounds/${judged.id}/results`, o)).body;
    expect(results.items.map((i: any) => [i.userId, i.prize?.name ?? null])).toEqual([
      [people[1].user.id, 'Giải Nhất'],
      [people[2].user.id, 'Giải Nhì'],
    ]);
  });
});
