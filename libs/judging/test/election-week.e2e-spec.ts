import { expectError, Http, startApi, TestApi } from '../../../test/harness';
import { loginAdmin } from '../../../test/factories';
import { entrant, iso, newContest, orgWithBank, OrgSetup, quizRound, sleep } from '../../contests/test/factories';
import { answerBody } from '../../attempts/test/helpers';
import { download, readCsv, readXlsx, takeAttempt } from './results-helpers';

/**
 * The election-law contest for residents, one week end to end through the HTTP API:
 * several attempts each (best counts), a prediction question, closing → the prediction
 * breaks a tie on score → prizes by quota → unit prizes → XLSX and CSV exports opened
 * and checked (BOM, masked numbers, a formula typed as a name neutralised).
 */
describe('election-law week: attempts → close → prediction tie-break → prizes → unit prizes → exports', () => {
  let api: TestApi;
  let http: Http;
  let setup: OrgSetup;

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    setup = await orgWithBank(http, await loginAdmin(http), 4);
  });
  afterAll(async () => {
    await api.close();
  });

  it('runs the week', async () => {
    const o = setup.organiser.token;
    const c = await newContest(http, setup.organiser, { title: 'Tìm hiểu pháp luật về bầu cử đại biểu Quốc hội và HĐND các cấp' });
    const closesAt = Date.now() + 15_000;
    const round = (
      await http.post(
        `/contests/${c.id}/rounds`,
        quizRound(setup.bankId, {
          title: 'Tuần 1',
          closesAt: iso(closesAt),
          maxAttempts: 3,
          selection: [{ bankId: setup.bankId, count: 4 }],
          predictionQuestion: { prompt: 'Có bao nhiêu người tham gia tuần này?', target: 'entrants', countBy: 'people' },
          leaderboard: { visibility: 'hidden' },
          // Not about integrity: these attempts answer in milliseconds, which the default threshold
          // flags (too_fast), and a flagged, unreviewed winner holds publication back.
          integrity: { minSecondsPerQuestion: 0 },
        }),
        o,
      )
    ).body;
    expect(round.id).toBeDefined();
    expect((await http.post(`/contests/${c.id}/publish`, {}, o)).status).toBe(200);

    // The "thể lệ": default chain, 1 first, 1 second, 2 consolation prizes; one prize per person; unit prizes.
    const rules = await http.put(
      `/rounds/${round.id}/rules`,
      {
        prizes: {
          tiers: [
            { code: 'nhat', name: 'Giải Nhất', count: 1 },
            { code: 'nhi', name: 'Giải Nhì', count: 1 },
            { code: 'kk', name: 'Giải Khuyến khích', count: 2 },
          ],
        },
      },
      o,
    );
    expect(rules.status).toBe(200);
    expect(rules.body.rankingRules.chain).toEqual(['score', 'prediction', 'time-taken', 'submitted-at']);
    expect(rules.body.rankingRules.prediction).toEqual({ target: 'entrants', countBy: 'people' });
    const award = await http.put(
      `/contests/${c.id}/award-rules`,
      {
        unitPrizes: { countBy: 'people', points: 1, winnerPoints: { nhat: 5, nhi: 3, kk: 1 }, tiers: [{ code: 'tt1', name: 'Giải Nhất tập thể', count: 1 }] },
        documents: { issuerName: 'Sở Tư pháp', place: 'Huế', signerTitle: 'Giám đốc', signerName: 'Nguyễn Văn Hưởng' },
      },
      o,
    );
    expect(award.status).toBe(200);

    const HB = 'Xã Hòa Bình';
    const TP = 'Sở Tư pháp';
    const an = await entrant(http, c.id, { unit: HB }, { fullName: 'Trần Thị An' });
    const binh = await entrant(http, c.id, { unit: TP }, { fullName: 'Lê Văn Bình' });
    const cuong = await entrant(http, c.id, { unit: '=1+2' }, { fullName: '=HYPERLINK("http://evil","Cường")' });
    const dung = await entrant(http, c.id, { unit: HB }, { fullName: 'Phạm Dũng' });
    const em = await entrant(http, c.id, { unit: TP }, { fullName: 'Võ Em' });
    const phuong = await entrant(http, c.id, { unit: HB }, { fullName: 'Đỗ Phương' });

    // An: a weak first try, then full marks with the exact guess (6 entrants), slowly.
    // Equal scores miss different questions throughout: equal wrong answers would flag both (identical_answers) and hold publication back.
    await takeAttempt(http, an.token, round.id, setup.questions, (q) => q === setup.questions[0] || q === setup.questions[1], 100);
    const anBest = await takeAttempt(http, an.token, round.id, setup.questions, 4, 6, 1500);
    // Bình: full marks faster than An, but a guess 3 away: the prediction decides before time does.
    const binhBest = await takeAttempt(http, binh.token, round.id, setup.questions, 4, 9);
    await takeAttempt(http, cuong.token, round.id, setup.questions, (q) => q !== setup.questions[0], 6);
    await takeAttempt(http, dung.token, round.id, setup.questions, (q) => q !== setup.questions[1], 6, 800);
    await takeAttempt(http, em.token, round.id, setup.questions, (q) => q === setup.questions[2] || q === setup.questions[3]);
    // Phương saves one right answer and never submits: closing finalises it as expired.
    const ph = (await http.post(`/rounds/${round.id}/attempts`, {}, phuong.token)).body;
    expect((await http.put(`/attempts/${ph.id}/answers/${ph.questions[0].id}`, answerBody(ph.questions[0], setup.questions, true), phuong.token)).status).toBe(
      200,
    );

    expect(expectError(await http.post(`/rounds/${round.id}/close`, {}, o), 409).code).toBe('round_not_over');
    expect(expectError(await http.get(`/rounds/${round.id}/results`, o), 409).code).toBe('round_not_closed');

    await sleep(closesAt + 300 - Date.now());
    const closed = await http.post(`/rounds/${round.id}/close`, undefined, o);
    expect(closed.status).toBe(200);
    expect(closed.body).toEqual(expect.objectContaining({ status: 'provisional', rankedCount: 6, predictionActual: 6, finalisedAttempts: 1, winnerCount: 4 }));
    expect((await http.get(`/attempts/${ph.id}`, phuong.token)).body.status).toBe('expired');

    const res = await http.get(`/rounds/${round.id}/results?limit=50`, o);
    expect(res.status).toBe(200);
    const order = res.body.items.map((i: any) => i.userId);
    expect(order).toEqual([an, binh, cuong, dung, em, phuong].map((p) => p.user.id));
    const [first, second, third, fourth, fifth, sixth] = res.body.items;
    expect(first).toEqual(
      expect.objectContaining({
        rank: 1,
        attemptId: anBest.id,
        score: 4,
        prediction: 6,
        distance: 0,
        attemptsCounted: 2,
        prize: expect.objectContaining({ code: 'nhat', name: 'Giải Nhất' }),
      }),
    );
    expect(second).toEqual(
      expect.objectContaining({
        rank: 2,
        attemptId: binhBest.id,
        distance: 3,
        separatedFromPrevious: 'prediction',
        prize: expect.objectContaining({ code: 'nhi' }),
      }),
    );
    expect(binhBest.id).not.toBe(anBest.id);
    expect(third.prize.code).toBe('kk');
    expect(fourth).toEqual(expect.objectContaining({ separatedFromPrevious: 'time-taken', prize: expect.objectContaining({ code: 'kk' }) }));
    expect(fifth.prize).toBeNull();
    expect(sixth).toEqual(expect.objectContaining({ score: 1, prediction: null }));
    expect(first.nationalId).toMatch(/^\d{3}\*+\d{3}$/);
    expect(res.body.audit.inputHash).toMatch(/^[0-9a-f]{64}$/);

    // "Why this place" for Bình: behind An because of the prediction.
    const why = await http.get(`/rounds/${round.id}/results/explain/${binh.user.id}`, o);
    expect(why.status).toBe(200);
    expect(why.body.lines.map((l: any) => l.key)).toContain('ranking.explain.behind.prediction');
    expect(why.body.vi).toContain('dự đoán');

    // Before publication a resident sees neither the results nor the answer key.
    expect(expectError(await http.get(`/rounds/${round.id}/results`, an.token), 409).code).toBe('results_not_published');
    expect((await http.get(`/attempts/${anBest.id}`, an.token)).body.review).toBeUndefined();

    expect(expectError(await http.get(`/rounds/${round.id}/leaderboard`, an.token), 403).code).toBe('leaderboard_hidden');
    expect((await http.post(`/rounds/${round.id}/results/publish`, undefined, o)).status).toBe(200);
    // Publishing shows the board to everyone; the live board never uses the prediction (SPEC), so Bình (faster) leads it.
    const board = await http.get(`/rounds/${round.id}/leaderboard?limit=10`, an.token);
    expect(board.status).toBe(200);
    expect(board.body.items.slice(0, 2).map((i: any) => i.userId)).toEqual([binh.user.id, an.user.id]);
    const mine = await http.get(`/rounds/${round.id}/results`, binh.token);
    expect(mine.status).toBe(200);
    expect(mine.body.me).toEqual(expect.objectContaining({ rank: 2, prize: expect.objectContaining({ code: 'nhi' }) }));
    expect(mine.body.winners.map((w: any) => w.displayName)).toEqual(['Trần T. A.', 'Lê V. B.', expect.any(String), 'Phạm D.']);
    expect(JSON.stringify(mine.body)).not.toContain(an.input.nationalId);
    expect((await http.get(`/attempts/${anBest.id}`, an.token)).body.review).toBeDefined();

    // Unit prizes: Xã Hòa Bình has 3 entrants + 5 (first) + 1 (consolation) = 9 points; Sở Tư pháp 2 + 3 = 5.
    const awards = await http.get(`/contests/${c.id}/awards`, o);
    expect(awards.status).toBe(200);
    expect(awards.body.winners).toHaveLength(4);
    const units = Object.fromEntries(awards.body.units.map((u: any) => [u.unit, u]));
    expect(units[HB]).toEqual(expect.objectContaining({ entrants: 3, total: 9, rank: 1, prize: expect.objectContaining({ code: 'tt1' }) }));
    expect(units[TP]).toEqual(expect.objectContaining({ entrants: 2, total: 5, rank: 2, prize: null }));

    // Exports: XLSX and CSV opened and checked.
    const xlsx = await download(api.url, `/rounds/${round.id}/results/export?format=xlsx`, o);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const sheet = await readXlsx(xlsx.body);
    expect(sheet[0]).toEqual(expect.arrayContaining(['Hạng', 'Họ và tên', 'Số CCCD', 'Số điện thoại', 'Đơn vị', 'Giải']));
    expect(sheet).toHaveLength(7);
    const header = sheet[0] as string[];
    const col = (name: string) => header.indexOf(name);
    expect(sheet[1][col('Họ và tên')]).toBe('Trần Thị An');
    expect(sheet[1][col('Giải')]).toBe('Giải Nhất');
    expect(String(sheet[1][col('Số CCCD')])).toMatch(/^\d{3}\*+\d{3}$/);
    expect(String(sheet[1][col('Số điện thoại')])).toMatch(/^\d{3}\*+\d{3}$/);
    expect(sheet[3][col('Họ và tên')]).toBe('\'=HYPERLINK("http://evil","Cường")');
    expect(sheet[3][col('Đơn vị')]).toBe("'=1+2");
    expect(JSON.stringify(sheet)).not.toContain(an.input.nationalId);

    const csv = await download(api.url, `/rounds/${round.id}/results/export?format=csv&scope=winners`, o);
    expect(csv.status).toBe(200);
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = readCsv(csv.body);
    expect(lines).toHaveLength(5);
    expect(lines.slice(1).map((l) => l[1])).toEqual(['Giải Nhất', 'Giải Nhì', 'Giải Khuyến khích', 'Giải Khuyến khích']);
    expect(lines.find((l) => l[3].includes('HYPERLINK'))![3].startsWith("'=")).toBe(true);
    expect(csv.body.toString('utf8')).not.toContain(binh.input.phone);

    const pdf = await download(api.url, `/rounds/${round.id}/results/certificates.pdf`, o);
    expect(pdf.status).toBe(200);
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
