import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectError, Http, startApi, TestApi } from '../../../test/harness';
import { loginAdmin, newStaff, ok, Session } from '../../../test/factories';
import { entrant, iso, newContest, orgWithBank, quizRound, sleep } from '../../contests/test/factories';
import { answerAll } from '../../attempts/test/helpers';
import { pdfPageCount, pdftotext, toUnicodeChars } from './pdf-reader';
import { handInFile, marksFor, pdfBytes, RUBRIC } from './judged-entries-helpers';
import { download } from './results-helpers';

/**
 * "Báo cáo viên, tuyên truyền viên pháp luật giỏi về phòng, chống tham nhũng" end to end
 * through the HTTP API: an objective round, the top 2 of each group (rapporteurs,
 * communicators) advance, a judged round marked by three judges with a head judge,
 * the final ranking, publication and the winners' certificates.
 */
describe('rapporteur competition, end to end', () => {
  let api: TestApi;
  let http: Http;

  beforeAll(async () => {
    api = await startApi({ UPLOAD_DIR: mkdtempSync(join(tmpdir(), 'lc-j2-rapporteur-')) });
    http = new Http(api.url);
  });
  afterAll(() => api.close());

  it('objective round → top 2 per group → judged round with 3 judges → ranking → certificates', async () => {
    const admin = await loginAdmin(http);
    const setup = await orgWithBank(http, admin, 5);
    const o = setup.organiser.token;
    const judges: Session[] = [];
    for (let i = 0; i < 3; i++) judges.push(await newStaff(http, admin, 'judge', setup.org.id));
    const [head] = judges;

    const c = await newContest(http, setup.organiser, {
      title: 'Báo cáo viên, tuyên truyền viên pháp luật giỏi về phòng, chống tham nhũng',
      requiredFields: ['unit', 'nhom'],
    });
    const r1Closes = Date.now() + 25_000;
    const r2Closes = r1Closes + 15_000;
    const r1 = await ok(
      http.post(
        `/contests/${c.id}/rounds`,
        quizRound(setup.bankId, {
          title: 'Vòng 1: thi trắc nghiệm',
          closesAt: iso(r1Closes),
          selection: [{ bankId: setup.bankId, count: 5 }],
          integrity: { minSecondsPerQuestion: 0 },
        }),
        o,
      ),
      'round 1',
    );
    const r2 = await ok(
      http.post(
        `/contests/${c.id}/rounds`,
        {
          title: 'Vòng chung kết: thuyết trình',
          kind: 'judged',
          entry: 'enrolled',
          opensAt: iso(Date.now() - 1000),
          closesAt: iso(r2Closes),
          prizes: [
            { name: 'Giải Nhất', count: 1 },
            { name: 'Giải Nhì', count: 1 },
            { name: 'Giải Ba', count: 1 },
          ],
        },
        o,
      ),
      'round 2',
    );
    await ok(http.post(`/contests/${c.id}/publish`, {}, o), 'publish contest');

    // Rapporteurs answer 5, 4, 3 right; communicators 2, 1, 0: the overall top 4 would be 5, 4, 3, 2.
    const people = [
      { name: 'Trần Thị Ánh Dương', nhom: 'Báo cáo viên', unit: 'Phường Hạ Long', right: 5 },
      { name: 'Lê Văn Đức', nhom: 'Báo cáo viên', unit: 'Phường Bãi Cháy', right: 4 },
      { name: 'Phạm Quốc Hưng', nhom: 'Báo cáo viên', unit: 'Phường Hạ Long', right: 3 },
      { name: 'Nguyễn Thị Thu Hà', nhom: 'Tuyên truyền viên', unit: 'Phường Bãi Cháy', right: 2 },
      { name: 'Vũ Đình Khải', nhom: 'Tuyên truyền viên', unit: 'Phường Hạ Long', right: 1 },
      { name: 'Đỗ Minh Ngọc', nhom: 'Tuyên truyền viên', unit: 'Phường Bãi Cháy', right: 0 },
    ];
    const s: Session[] = [];
    for (const p of people) {
      const e = await entrant(http, c.id, { unit: p.unit, fields: { nhom: p.nhom } }, { fullName: p.name });
      const at = (await http.post(`/rounds/${r1.id}/attempts`, {}, e.token)).body;
      await answerAll(http, e.token, at, setup.questions, p.right);
      expect((await http.post(`/attempts/${at.id}/submit`, {}, e.token)).body.score).toBe(p.right);
      s.push(e);
    }
    const id = (i: number) => s[i].user.id;

    await sleep(r1Closes + 300 - Date.now());
    const quota = { by: ['group'], perBucket: 2, groupField: 'nhom' };
    expect(expectError(await http.post(`/rounds/${r1.id}/advance`, { quota: { by: ['group'], perBucket: 2 } }, o), 400).code).toBe('group_field_required');
    expectError(await http.post(`/rounds/${r1.id}/advance`, { quota: { ...quota, by: ['district'] } }, o), 400);
    expectError(await http.post(`/rounds/${r1.id}/advance`, { quota, userIds: [id(0)] }, o), 400);
    expectError(await http.post(`/rounds/${r1.id}/advance`, { quota }, judges[1].token), 403);
    const adv = await http.post(`/rounds/${r1.id}/advance`, { quota }, o);
    expect(adv.status).toBe(200);
    expect(adv.body).toMatchObject({ mode: 'quota', toRoundId: r2.id, quota: { shortfalls: [], unplaced: [] } });
    // Per group, not overall: the third rapporteur (3 right) stays, the second communicator (1 right) goes on.
    expect(adv.body.userIds.sort()).toEqual([id(0), id(1), id(3), id(4)].sort());
    expect(Object.fromEntries(adv.body.quota.advancing.map((a: any) => [a.userId, a.bucket]))).toEqual({
      [id(0)]: 'Báo cáo viên',
      [id(1)]: 'Báo cáo viên',
      [id(3)]: 'Tuyên truyền viên',
      [id(4)]: 'Tuyên truyền viên',
    });

    // The jury: three judges, the first of them head judge; a gap over 20 points needs them.
    await ok(
      http.put(
        `/rounds/${r2.id}/jury`,
        {
          rubric: RUBRIC,
          reconciliationGap: 20,
          headJudgeUserId: head.user.id,
          penalties: [{ kind: 'overtime', limitSeconds: 600, points: 1, per: 'started-minute' }],
        },
        o,
      ),
      'jury',
    );
    for (const j of judges) await ok(http.post(`/rounds/${r2.id}/judges`, { userId: j.user.id }, o), 'assign judge');

    // The finalists hand in; the one left out cannot.
    expect(expectError(await http.post(`/rounds/${r2.id}/entries`, { text: 'Bài dự thi' }, s[2].token), 403).code).toBe('not_enrolled');
    const entry: Record<number, string> = {};
    entry[0] = (await ok(handInFile(http, r2.id, s[0].token, { bytes: pdfBytes('Đề cương thuyết trình'), name: 'de-cuong.pdf' }), 'hand in 0')).id;
    for (const i of [1, 3, 4])
      entry[i] = (
        await ok(
          http.post(`/rounds/${r2.id}/entries`, { text: `Bài thuyết trình của ${people[i].name}`, link: 'https://video.example.vn/bai-thi' }, s[i].token),
          'hand in',
        )
      ).id;

    await sleep(r2Closes + 300 - Date.now());
    const totals: Record<number, number[]> = { 0: [90, 88, 86], 1: [70, 95, 72], 3: [60, 62, 64], 4: [80, 81, 82] };
    for (const [i, ts] of Object.entries(totals)) {
      for (const [k, t] of ts.entries())
        expect((await http.post(`/entries/${entry[+i]}/scores`, { scores: marksFor(t), comment: 'Nhận xét của giám khảo' }, judges[k].token)).status).toBe(200);
    }
    await ok(http.patch(`/entries/${entry[4]}`, { overtimeMinutes: 3 }, o), 'overtime');

    // Judges 70 / 95 / 72 differ by 25: the round cannot close until the head judge settles it.
    const refused = expectError(await http.post(`/rounds/${r2.id}/close`, {}, o), 409);
    expect(refused.code).toBe('needs_reconciliation');
    expect(refused.details.entries).toEqual([{ entryId: entry[1], personId: id(1) }]);
    const flagged = await http.get(`/rounds/${r2.id}/entries?flagged=true`, head.token);
    expect(flagged.body.items.map((e: any) => e.id)).toEqual([entry[1]]);
    await ok(
      http.post(
        `/entries/${entry[1]}/reconcile`,
        { reason: 'Hội đồng thống nhất điểm cuối cùng', scores: { content: 40, delivery: 20, form: 14 } },
        head.token,
      ),
      'reconcile',
    );

    expect((await http.post(`/rounds/${r2.id}/close`, {}, o)).status).toBe(200);
    const results = (await http.get(`/rounds/${r2.id}/results`, o)).body;
    expect(results.items.map((r: any) => [r.userId, r.score])).toEqual([
      [id(0), 88],
      [id(4), 78], // 81 less 3 points for 3 started minutes over time
      [id(1), 74], // the head judge's final marks
      [id(3), 62],
    ]);
    expect(results.items.map((r: any) => r.prize?.name ?? null)).toEqual(['Giải Nhất', 'Giải Nhì', 'Giải Ba', null]);

    expect((await http.post(`/rounds/${r2.id}/results/publish`, {}, o)).status).toBe(200);
    expect(expectError(await http.post(`/entries/${entry[3]}/scores`, { scores: marksFor(99) }, judges[0].token), 409).code).toBe('results_published');
    // Published: the entrant sees their marks, without the judges' names.
    const mine = (await http.get(`/entries/${entry[0]}/scores`, s[0].token)).body;
    expect(mine.marks.map((m: any) => [m.judgeUserId, m.total])).toEqual([
      ['', 90],
      ['', 88],
      ['', 86],
    ]);

    const pdf = await download(api.url, `/rounds/${r2.id}/results/certificates.pdf`, o);
    expect(pdf.status).toBe(200);
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf.body)).toBe(3);
    const chars = toUnicodeChars(pdf.body);
    for (const ch of 'ÁĐỨƯ') expect(chars.has(ch)).toBe(true); // upper-cased winners' names, with their diacritics
    const text = pdftotext(pdf.body);
    if (text) {
      expect(text).toHaveLength(3);
      expect(text[0]).toContain('TRẦN THỊ ÁNH DƯƠNG');
      expect(text[1]).toContain('VŨ ĐÌNH KHẢI');
      expect(text[2]).toContain('LÊ VĂN ĐỨC');
    }
  });
});
