import type { Browser, Page } from 'playwright-core';
import { iso, newContest, questionInput, quizRound } from '../../libs/contests/test/factories';
import { newOrganisation, ok, Session } from '../factories';
import { expectAccessible } from './axe';
import { DESKTOP, journey, launchChromium, PHONE, screenshots } from './browser';
import { field, signIn, STAFF_PASSWORD, staffLogin, textMatches } from './journey';
import { startStack, Stack } from './stack';

/**
 * Journey (issue 13): an organiser sets the round's "thể lệ" (tie-break chain with its
 * plain-Vietnamese preview, prizes per group) and the contest's award rules from the web
 * app alone, and the API holds exactly what the screens showed.
 */
jest.setTimeout(150_000);

describe('browser: an organiser sets the ranking rules and the award rules', () => {
  let stack: Stack;
  let browser: Browser;
  let organiser: Session & { email: string };
  let contest: { id: string; title: string };
  let round: { id: string };

  beforeAll(async () => {
    stack = await startStack('rules');
    browser = await launchChromium();
    const org = await newOrganisation(stack.http, stack.admin);
    organiser = await staffLogin(stack.http, stack.admin, 'organiser', org.id);
    const bankId = (await ok(stack.http.post('/question-banks', { name: 'Ngân hàng thể lệ' }, organiser.token), 'bank')).id;
    for (let i = 0; i < 5; i++) await ok(stack.http.post(`/question-banks/${bankId}/questions`, questionInput(i), organiser.token), 'question');
    contest = await newContest(stack.http, organiser, { unitList: ['Sở Tư pháp', 'UBND xã Phú Mậu'], requiredFields: ['unit', 'capBaoCaoVien'] });
    round = await ok(
      stack.http.post(
        `/contests/${contest.id}/rounds`,
        quizRound(bankId, {
          title: 'Tuần 1',
          opensAt: iso(Date.now() + 3600_000),
          closesAt: iso(Date.now() + 7 * 86400_000),
          maxAttempts: 3,
          predictionQuestion: { prompt: 'Bao nhiêu người trả lời đúng tất cả?', target: 'perfect-score-entrants' },
          prizes: [
            { name: 'Giải Nhất', count: 1 },
            { name: 'Giải Nhì', count: 2 },
          ],
        }),
        organiser.token,
      ),
      'round',
    );
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const roundRow = (page: Page, title: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name: title, exact: true }) });
  const steps = (page: Page) => page.locator('.chain-list .chain-step').allTextContents();

  it('orders the chain score → prediction → under before over → time taken, sees it in words, and saves prizes per group, on a phone', async () => {
    await journey(browser, PHONE, 'rules-round', async ({ page, errors }) => {
      await signIn(page, stack.url, organiser.email, STAFF_PASSWORD);
      await page.goto(`${stack.url}/#/quan-tri/cuoc-thi/${contest.id}`);
      await roundRow(page, 'Tuần 1').getByRole('link', { name: 'Thể lệ, giải thưởng' }).click();
      await page.getByRole('heading', { name: 'Thể lệ xếp hạng và giải thưởng' }).waitFor();
      // Nothing saved yet: the SPEC's chain and the round form's prizes, not asked again.
      expect((await steps(page)).map((s) => s.replace(/^\d+\.\s*/, ''))).toEqual([
        'Điểm cao hơn',
        'Dự đoán gần đúng hơn',
        'Thời gian làm bài ngắn hơn',
        'Nộp bài sớm hơn',
      ]);
      expect(await field(page, 'Tên giải 1').inputValue()).toBe('Giải Nhất');
      await page.getByText('Tính từ số người trả lời đúng tất cả các câu (mỗi người đếm một lần).').waitFor();

      await page.getByRole('button', { name: 'Bỏ tiêu chí “Nộp bài sớm hơn”' }).click();
      await field(page, 'Thêm tiêu chí').selectOption({ label: 'Dưới trước trên (cùng chênh lệch, dự đoán không vượt quá kết quả xếp trước)' });
      await page.getByRole('button', { name: 'Thêm vào cuối' }).click();
      const ubo = 'Đưa “Dưới trước trên (cùng chênh lệch, dự đoán không vượt quá kết quả xếp trước)” lên trên';
      await page.getByRole('button', { name: ubo }).click();
      // One step too far: "under before over" above prediction is refused as it happens.
      await page.getByRole('button', { name: ubo }).click();
      await page.getByText('“Dưới trước trên” chỉ phân định những người dự đoán cùng chênh lệch: đặt tiêu chí này sau tiêu chí dự đoán.').waitFor();
      await page.getByRole('button', { name: 'Đưa “Dưới trước trên (cùng chênh lệch, dự đoán không vượt quá kết quả xếp trước)” xuống dưới' }).click();
      expect((await steps(page)).map((s) => s.replace(/^\d+\.\s*/, '').split(' (')[0])).toEqual([
        'Điểm cao hơn',
        'Dự đoán gần đúng hơn',
        'Dưới trước trên',
        'Thời gian làm bài ngắn hơn',
      ]);
      await textMatches(
        page.locator('.chain-preview p'),
        /^Xếp trên là người có điểm cao hơn; nếu bằng điểm, người dự đoán gần đúng hơn \(chênh lệch với kết quả nhỏ hơn\); nếu dự đoán chênh lệch như nhau, người dự đoán không vượt quá kết quả \(dưới trước trên\); nếu vẫn như nhau, người làm bài nhanh hơn \(thời gian làm bài ngắn hơn\)\. Bằng nhau ở mọi tiêu chí trên thì đồng hạng\.$/,
      );
      await page.getByText('Người thi nhiều lượt được tính bằng lượt tốt nhất theo chính các tiêu chí này.').waitFor();

      await field(page, 'Điểm tối thiểu để đạt giải').fill('8');
      await field(page, 'Chia số giải theo nhóm').check();
      await field(page, 'Trường đăng ký ghi nhóm').selectOption('capBaoCaoVien');
      await field(page, 'Tên nhóm 1').fill('Cấp tỉnh');
      await page.getByRole('button', { name: 'Thêm nhóm' }).click();
      await field(page, 'Tên nhóm 2').fill('Cấp xã');
      await field(page, 'Giải Nhất: số giải nhóm Cấp tỉnh').fill('1');
      await field(page, 'Giải Nhất: số giải nhóm Cấp xã').fill('2');
      await field(page, 'Giải Nhì: số giải nhóm Cấp tỉnh').fill('2');
      await field(page, 'Giải Nhì: số giải nhóm Cấp xã').fill('3');
      await expectAccessible(page, 'round rules');
      await screenshots(page, 'rules-round');
      await page.getByRole('button', { name: 'Lưu thể lệ' }).click();
      await page.getByText('Đã lưu thể lệ xếp hạng và giải thưởng của vòng.').waitFor();

      const saved = await ok(stack.http.get(`/rounds/${round.id}/rules`, organiser.token));
      expect(saved).toMatchObject({ configured: true, locked: false, groupField: 'capBaoCaoVien' });
      expect(saved.rankingRules).toEqual({
        chain: ['score', 'prediction', 'under-before-over', 'time-taken'],
        attemptScoring: 'best',
        representative: 'best',
        prediction: { target: 'perfect-score-entrants', countBy: 'people' },
      });
      expect(saved.prizes).toEqual({
        tiers: [
          { code: 'p1', name: 'Giải Nhất', level: 1, perGroup: { 'Cấp tỉnh': 1, 'Cấp xã': 2 } },
          { code: 'p2', name: 'Giải Nhì', level: 2, perGroup: { 'Cấp tỉnh': 2, 'Cấp xã': 3 } },
        ],
        minScore: 8,
      });

      // The round form no longer asks for the prizes: it points here.
      await page.goto(`${stack.url}/#/quan-tri/vong/${round.id}/sua`);
      await page.getByRole('link', { name: 'Thể lệ xếp hạng và giải thưởng' }).waitFor();
      expect(await page.getByLabel(/^Tên giải 1/).count()).toBe(0);
      expect(errors).toEqual([]);
    });
  });

  it("sets one prize per person, unit prizes with headcounts and the decision's signer, on a desktop", async () => {
    await journey(browser, DESKTOP, 'rules-awards', async ({ page, errors }) => {
      await signIn(page, stack.url, organiser.email, STAFF_PASSWORD);
      await page.goto(`${stack.url}/#/quan-tri/cuoc-thi/${contest.id}`);
      await page.getByRole('link', { name: 'Giải thưởng toàn cuộc thi' }).click();
      await page.getByRole('heading', { name: 'Giải thưởng toàn cuộc thi' }).waitFor();
      expect(await page.getByLabel('Mỗi người chỉ nhận một giải trong cả cuộc thi').isChecked()).toBe(true);

      await field(page, 'Trao giải cho các đơn vị có nhiều người tham gia').check();
      await page.getByLabel('Đếm số người', { exact: true }).check();
      await field(page, 'Điểm cho mỗi người (hoặc lượt) dự thi').fill('1');
      await field(page, 'Tính theo tỉ lệ tham gia (chia cho số người của đơn vị)').check();
      // A unit without a headcount is left out of the unit ranking: said before saving.
      await page.getByText('Chưa có số người nên không được xếp giải tập thể: Sở Tư pháp, UBND xã Phú Mậu.').waitFor();
      await field(page, 'Mỗi Giải Nhất').fill('5');
      await page.getByRole('button', { name: 'Thêm giải tập thể' }).click();
      await field(page, 'Tên giải tập thể 1').fill('Giải Nhất tập thể');
      await page.getByLabel('Số người của Sở Tư pháp').fill('40');
      await page.getByLabel('Số người của UBND xã Phú Mậu').fill('25');
      await field(page, 'Cơ quan ban hành quyết định').fill('Sở Tư pháp tỉnh Huế');
      await field(page, 'Địa danh').fill('Huế');
      await field(page, 'Chức danh người ký').fill('Giám đốc');
      await field(page, 'Họ tên người ký').fill('Nguyễn Văn A');
      await page.getByText('Điểm của đơn vị = 1 × số người dự thi ÷ số người của đơn vị + điểm cộng').waitFor();
      await expectAccessible(page, 'contest award rules');
      await screenshots(page, 'rules-awards');
      await page.getByRole('button', { name: 'Lưu giải thưởng' }).click();
      await page.getByText('Đã lưu giải thưởng toàn cuộc thi.').waitFor();

      const saved = await ok(stack.http.get(`/contests/${contest.id}/award-rules`, organiser.token));
      expect(saved).toEqual({
        contestId: contest.id,
        configured: true,
        locked: false,
        acrossRounds: 'highest-only',
        unitPrizes: {
          countBy: 'people',
          points: 1,
          perHeadcount: true,
          minEntrants: 1,
          winnerPoints: { p1: 5 },
          tiers: [{ code: 'u1', name: 'Giải Nhất tập thể', count: 1 }],
        },
        headcounts: { 'Sở Tư pháp': 40, 'UBND xã Phú Mậu': 25 },
        documents: { issuerName: 'Sở Tư pháp tỉnh Huế', place: 'Huế', signerTitle: 'Giám đốc', signerName: 'Nguyễn Văn A' },
      });
      expect(errors).toEqual([]);
    });
  });
});
