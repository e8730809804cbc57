import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { entrant, liveQuiz, newContest } from '../../libs/contests/test/factories';
import { newOrganisation, ok, Session } from '../factories';
import { expectAccessible } from './axe';
import { DESKTOP, journey, launchChromium, screenshots } from './browser';
import { field, signIn, STAFF_PASSWORD, staffLogin, vnLocalInput } from './journey';
import { startStack, Stack } from './stack';

/**
 * Journey 2: an organiser signs in, creates a question bank, imports the sample bank (first a
 * file with bad rows: the report names each row and nothing is imported; then the sample
 * itself), and adds a round with its rule settings to a contest.
 */
jest.setTimeout(120_000);

const FIXTURES = join(__dirname, 'fixtures');
const SAMPLE_QUESTIONS = 18; // rows of fixtures/question-template.csv

describe('browser: an organiser imports the sample bank and creates a round', () => {
  let stack: Stack;
  let browser: Browser;
  let organiser: Session & { email: string };
  let contest: { id: string; title: string };

  beforeAll(async () => {
    stack = await startStack('organiser');
    browser = await launchChromium();
    const org = await newOrganisation(stack.http, stack.admin);
    organiser = await staffLogin(stack.http, stack.admin, 'organiser', org.id);
    contest = await newContest(stack.http, organiser);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('imports with a row-by-row error report, then creates a round with rule settings', async () => {
    await journey(browser, DESKTOP, 'organiser', async ({ page, errors }) => {
      await signIn(page, stack.url, organiser.email, STAFF_PASSWORD);
      await page.getByRole('heading', { name: 'Quản trị', level: 1 }).waitFor();
      await screenshots(page, 'organiser-home');

      // A bank of its own.
      await page.getByRole('link', { name: 'Ngân hàng câu hỏi' }).click();
      const bankName = `Ngân hàng mẫu ${Date.now().toString(36)}`;
      await field(page, 'Tên ngân hàng').fill(bankName);
      await page.getByRole('button', { name: 'Tạo ngân hàng' }).click();
      await page.getByRole('link', { name: bankName }).click();
      await page.getByRole('link', { name: 'Nhập từ tệp' }).click();
      await page.getByRole('heading', { name: 'Nhập câu hỏi từ tệp' }).waitFor();
      const bankId = /ngan-hang\/([^/]+)\/nhap/.exec(page.url())![1];

      // A file with two bad rows: each is reported with its row, and nothing is saved.
      await field(page, 'Tệp câu hỏi').setInputFiles(join(FIXTURES, 'question-bad-rows.csv'));
      expect(await field(page, 'Định dạng').inputValue()).toBe('csv');
      await page.getByRole('button', { name: 'Kiểm tra' }).click();
      const report = page.getByRole('table', { name: 'Lỗi theo dòng' });
      await report.waitFor();
      const rows = await errorRows(page);
      expect(rows.map((r) => r.row)).toEqual(['4', '6']);
      // In Vietnamese, with the file's values kept (organiser/import-problems.ts).
      expect(rows[0].reason).toMatch(/^Cột Đáp án \(correct\) ghi "E", không phải chữ cái của một phương án đã điền/);
      expect(rows[1].reason).toBe('Nội dung câu hỏi đang trống.');
      await page.getByText('Tệp có 2 lỗi').waitFor();
      expect(await page.getByRole('button', { name: 'Nhập vào ngân hàng' }).isDisabled()).toBe(true);
      await screenshots(page, 'organiser-import-errors');
      expect((await ok(stack.http.get(`/question-banks/${bankId}/questions`, organiser.token))).total).toBe(0);

      // The sample bank: checked, then imported.
      await field(page, 'Tệp câu hỏi').setInputFiles(join(FIXTURES, 'question-template.csv'));
      await page.getByRole('button', { name: 'Kiểm tra' }).click();
      await page.getByText(`Tệp hợp lệ: có thể nhập ${SAMPLE_QUESTIONS} câu hỏi`).waitFor();
      await page.getByRole('button', { name: 'Nhập vào ngân hàng' }).click();
      await page.getByText(`Đã nhập ${SAMPLE_QUESTIONS} câu hỏi`).waitFor();
      await screenshots(page, 'organiser-import-done');
      expect((await ok(stack.http.get(`/question-banks/${bankId}/questions`, organiser.token))).total).toBe(SAMPLE_QUESTIONS);

      // A file whose columns the importer does not know: one message at the top, no row errors.
      await field(page, 'Tệp câu hỏi').setInputFiles({
        name: 'cot-la.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('Loại câu hỏi,Câu hỏi chính,Phương án A,Phương án B,Đáp án,Ghi chú\nsingle,Câu?,a,b,A,\n', 'utf8'),
      });
      await page.getByRole('button', { name: 'Kiểm tra' }).click();
      await page
        .locator('#import-columns-error')
        .getByText(
          'Không nhập được tệp: dòng tiêu đề không khớp tệp mẫu — không nhận ra 2 cột “Câu hỏi chính”, “Ghi chú”; thiếu cột bắt buộc “Nội dung câu hỏi (question)”.',
          { exact: false },
        )
        .waitFor();
      expect(await page.getByRole('table', { name: 'Lỗi theo dòng' }).count()).toBe(0);
      await screenshots(page, 'organiser-import-columns');

      // The template, downloaded, filled in with the organiser's own questions, imported.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp mẫu Excel' }).click()]);
      expect(download.suggestedFilename()).toBe('mau-nhap-cau-hoi.xlsx');
      const filled = await fillTemplate(readFileSync((await download.path())!));
      await field(page, 'Tệp câu hỏi').setInputFiles({
        name: 'cau-hoi-cua-toi.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: filled,
      });
      await page.getByRole('button', { name: 'Kiểm tra' }).click();
      await page.getByText('Tệp hợp lệ: có thể nhập 6 câu hỏi').waitFor();
      expect(await page.locator('#import-columns-error').count()).toBe(0);
      await page.getByRole('button', { name: 'Nhập vào ngân hàng' }).click();
      await page.getByText('Đã nhập 6 câu hỏi').waitFor();
      const mine = (await ok(stack.http.get(`/question-banks/${bankId}/questions?limit=200`, organiser.token))).items.filter((q: { stem: string }) =>
        q.stem.startsWith('(Đơn vị) '),
      );
      expect(mine.map((q: { type: string }) => q.type).sort()).toEqual(['essay', 'multiple', 'numeric', 'short_text', 'single', 'true_false']);

      // Archive one of them from the bank page: the confirmation says what it means, the list reloads.
      await page.getByRole('link', { name: 'Xem ngân hàng câu hỏi' }).click();
      await field(page, 'Tìm câu hỏi').fill('(don vi)');
      await page.getByRole('button', { name: 'Tìm', exact: true }).click();
      await page.getByText('6 câu hỏi khớp “(don vi)”.').waitFor();
      const archive = page.getByRole('button', { name: /^Lưu trữ câu hỏi: \(Đơn vị\)/ }).first();
      const archiveName = (await archive.getAttribute('aria-label'))!;
      await archive.click();
      const confirm = page.getByRole('alertdialog', { name: archiveName });
      await confirm.getByText(/Các vòng thi đã chốt bộ câu hỏi vẫn giữ nguyên câu hỏi này/).waitFor();
      await expectAccessible(page, 'bank page, archive confirmation');
      await screenshots(page, 'organiser-bank-archive');
      await confirm.getByRole('button', { name: 'Lưu trữ câu hỏi' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^Đã lưu trữ câu hỏi “\(Đơn vị\)/ })
        .waitFor();
      await page.getByText('5 câu hỏi khớp “(don vi)”.').waitFor();
      expect((await ok(stack.http.get(`/question-banks/${bankId}/questions`, organiser.token))).total).toBe(SAMPLE_QUESTIONS + 5);
      expect(
        (await ok(stack.http.get(`/question-banks/${bankId}/questions?archived=true&limit=200`, organiser.token))).items.map((q: { stem: string }) => q.stem),
      ).toHaveLength(1);

      // The bank's topics, as a tree: the template's "Bầu cử/…" under "Bầu cử"; a new one added.
      await page.getByRole('link', { name: 'Chủ đề', exact: true }).click();
      await page.getByRole('heading', { name: 'Chủ đề câu hỏi', level: 1 }).waitFor();
      const tree = page.getByRole('list', { name: 'Cây chủ đề' });
      await tree.getByText('Nguyên tắc', { exact: true }).waitFor();
      await field(page, 'Tên chủ đề').fill('Hiến pháp');
      await page.getByRole('button', { name: 'Thêm chủ đề' }).click();
      await page.getByText('Đã tạo chủ đề “Hiến pháp”.').waitFor();
      await page.getByRole('button', { name: 'Sửa chủ đề Bầu cử', exact: true }).click();
      await page.getByRole('button', { name: 'Xóa chủ đề' }).click();
      await page.getByText(/^Chưa xóa được: chủ đề còn \d+ chủ đề con/).waitFor();
      await screenshots(page, 'organiser-topics');
      expect((await ok(stack.http.get(`/question-banks/${bankId}/topics`, organiser.token))).map((x: { path: string }) => x.path)).toContain('Hiến pháp');

      // A round in the contest, with rule settings.
      await page.goto(`${stack.url}/#/quan-tri/cuoc-thi/${contest.id}`);
      await page.getByRole('link', { name: 'Thêm vòng thi' }).click();
      await page.getByRole('heading', { name: 'Thêm vòng thi' }).waitFor();
      const opens = Date.now() + 3600_000;
      const closes = opens + 7 * 86400_000;
      await field(page, 'Tên vòng thi').fill('Tuần 1: Luật Bầu cử');
      await field(page, 'Mở lúc').fill(vnLocalInput(opens));
      await field(page, 'Đóng lúc').fill(vnLocalInput(closes));
      await field(page, 'Thời gian làm bài (phút)').fill('15');
      await field(page, 'Số lượt thi').fill('2');
      await field(page, 'Lượt được tính').selectOption('last');
      await field(page, 'Ngân hàng câu hỏi').selectOption({ label: bankName });
      await field(page, 'Số câu').fill('5');
      await field(page, 'Độ khó').selectOption('1');
      await field(page, 'Một đáp án đúng').check();
      await field(page, 'Có câu hỏi dự đoán').check();
      await field(page, 'Đáp án được tính từ').selectOption({ label: 'Số người trả lời đúng tất cả' });
      // On by default; this organiser shows the full board anyway.
      const hide = field(page, 'Khi vòng thi đang mở, ẩn trên bảng xếp hạng các số liệu làm lộ đáp án câu hỏi dự đoán');
      expect(await hide.isChecked()).toBe(true);
      await hide.uncheck();
      await field(page, 'Hiển thị').selectOption('frozen');
      await field(page, 'Đóng băng lúc').fill(vnLocalInput(closes - 86400_000));
      await field(page, 'Cách chọn').selectOption('top');
      await field(page, 'Số người vào vòng sau').fill('50');
      // The preview shows what a resident will see.
      await page.getByRole('complementary', { name: 'Người dự thi sẽ thấy' }).getByText('Tuần 1: Luật Bầu cử').waitFor();
      await screenshots(page, 'organiser-round-new');
      await page.getByRole('button', { name: 'Lưu vòng thi' }).click();
      await page.getByRole('cell', { name: 'Tuần 1: Luật Bầu cử' }).waitFor();
      await screenshots(page, 'organiser-contest');

      const rounds = await ok(stack.http.get(`/contests/${contest.id}/rounds`, organiser.token));
      const list = Array.isArray(rounds) ? rounds : rounds.items;
      expect(list).toHaveLength(1);
      const r = list[0];
      expect(r).toEqual(
        expect.objectContaining({
          title: 'Tuần 1: Luật Bầu cử',
          kind: 'quiz',
          durationSeconds: 900,
          maxAttempts: 2,
          attemptScoring: 'last',
          selection: [expect.objectContaining({ bankId, count: 5, difficulty: 1, types: ['single'] })],
          predictionQuestion: expect.objectContaining({ prompt: expect.stringContaining('Dự đoán') }),
          prediction: expect.objectContaining({ target: 'perfect-score-entrants' }),
          leaderboard: expect.objectContaining({ visibility: 'frozen', hidePredictionFigures: false }),
          advancement: expect.objectContaining({ mode: 'top', topN: 50 }),
        }),
      );
      expect(Math.abs(Date.parse(r.opensAt) - opens)).toBeLessThan(60_000);
      expect(Math.abs(Date.parse(r.closesAt) - closes)).toBeLessThan(60_000);
      expect(r.prizes.map((p: { name: string }) => p.name)).toEqual(['Giải Nhất', 'Giải Nhì', 'Giải Ba', 'Giải Khuyến khích']);

      // A published contest's page lists who registered: name, unit, when, the phone masked.
      const live = await liveQuiz(
        stack.http,
        { org: { id: '', name: '' }, organiser, bankId, questions: [] },
        {},
        { title: 'Tìm hiểu Luật Bầu cử (đăng ký)', requiredFields: ['unit', 'phone', 'position'] },
      );
      const people = [];
      for (const [fullName, unit] of [
        ['Trần Thị Ánh Dương', 'Phường Hạ Long'],
        ['Lê Văn Đức', 'Xã Quảng La'],
      ])
        people.push(await entrant(stack.http, live.contest.id, { unit, fields: { position: 'Chuyên viên' } }, { fullName }));
      await page.goto(`${stack.url}/#/quan-tri/cuoc-thi/${live.contest.id}`);
      const registered = page.getByRole('region', { name: 'Người đăng ký' });
      await registered.getByText('2 người đã đăng ký.').waitFor();
      const cards = registered.getByRole('list', { name: /Danh sách người đăng ký/ }).locator(':scope > li');
      expect(await cards.locator('h3').allInnerTexts()).toEqual(['Trần Thị Ánh Dương', 'Lê Văn Đức']);
      const first = await cards.first().innerText();
      expect(first).toMatch(/Phường Hạ Long · đăng ký lúc \d{2}:\d{2}, \d{2}\/\d{2}\/\d{4}/);
      expect(first).toContain('Chức vụ: Chuyên viên');
      expect(first).toMatch(/Số điện thoại: \d+\*+\d+/);
      const text = await registered.innerText();
      for (const p of people) expect(text).not.toContain(p.input.phone);
      await registered.scrollIntoViewIfNeeded();
      await expectAccessible(page, 'contest page with registrations');
      await screenshots(page, 'organiser-registrations');
      expect(errors).toEqual([]);
    });
  });
});

async function errorRows(page: Page): Promise<{ row: string; reason: string }[]> {
  const out: { row: string; reason: string }[] = [];
  for (const tr of await page.getByRole('table', { name: 'Lỗi theo dòng' }).locator('tbody tr').all()) {
    const [row, reason] = (await tr.locator('td').allTextContents()).map((t) => t.trim());
    out.push({ row, reason });
  }
  return out;
}

/** The template as an organiser fills it in: each example row's question replaced by one of their own. */
async function fillTemplate(buf: Buffer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  const col = (sheet.getRow(1).values as unknown[]).indexOf('Nội dung câu hỏi');
  sheet.eachRow((row, n) => {
    if (n > 1) row.getCell(col).value = `(Đơn vị) ${String(row.getCell(col).value)}`;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
