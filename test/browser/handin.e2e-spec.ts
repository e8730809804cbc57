import { Client } from 'pg';
import type { Browser } from 'playwright-core';
import { entrant, iso, newContest } from '../../libs/contests/test/factories';
import { marksFor, pdfBytes, RUBRIC } from '../../libs/judging/test/judged-entries-helpers';
import { newOrganisation, newStaff, ok } from '../factories';
import { journey, launchChromium, PHONE, screenshots } from './browser';
import { field, signIn } from './journey';
import { startStack, Stack } from './stack';

/**
 * Journey 4, on a phone: a rapporteur hands in an outline with a file; the deadline passes
 * while the page is open, and the next hand-in is refused in Vietnamese; a judge marks the
 * entry, the organiser moves the deadline later, and a replacement is still refused (a marked
 * entry is never replaced). The deadline is moved in the database: waiting for it would be slow.
 */
jest.setTimeout(120_000);

describe('browser: a rapporteur hands in, then is refused late and after marking', () => {
  let stack: Stack;
  let browser: Browser;
  let db: Client;
  let roundId: string;
  let judgeToken: string;
  let resident: Awaited<ReturnType<typeof entrant>>;

  beforeAll(async () => {
    stack = await startStack('handin');
    browser = await launchChromium();
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    const org = await newOrganisation(stack.http, stack.admin);
    const organiser = await newStaff(stack.http, stack.admin, 'organiser', org.id);
    const judge = await newStaff(stack.http, stack.admin, 'judge', org.id);
    judgeToken = judge.token;
    const c = await newContest(stack.http, organiser, { title: 'Báo cáo viên pháp luật giỏi' });
    const round = await ok(
      stack.http.post(
        `/contests/${c.id}/rounds`,
        { title: 'Vòng thuyết trình', kind: 'judged', opensAt: iso(Date.now() - 1000), closesAt: iso(Date.now() + 3600_000) },
        organiser.token,
      ),
      'judged round',
    );
    roundId = round.id;
    await ok(stack.http.put(`/rounds/${roundId}/jury`, { rubric: RUBRIC }, organiser.token), 'jury');
    await ok(stack.http.post(`/rounds/${roundId}/judges`, { userId: judge.user.id }, organiser.token), 'assign judge');
    await ok(stack.http.post(`/contests/${c.id}/publish`, {}, organiser.token), 'publish');
    resident = await entrant(stack.http, c.id);
  });

  afterAll(async () => {
    await db?.end();
    await browser?.close();
    await stack?.stop();
  });

  it('hands in, then shows the late and the marked refusals in Vietnamese', async () => {
    await journey(browser, PHONE, 'handin', async ({ page, errors }) => {
      await signIn(page, stack.url, resident.input.phone, resident.input.password);
      await page.goto(`${stack.url}/#/vong/${roundId}/nop-bai`);
      await field(page, 'Nội dung bài dự thi').fill('Đề cương báo cáo: Luật Phòng, chống tham nhũng 2018.');
      await page.locator('input[type="file"]').setInputFiles({ name: 'de-cuong.pdf', mimeType: 'application/pdf', buffer: pdfBytes('Đề cương') });
      await page.getByRole('button', { name: 'Nộp bài', exact: true }).click();
      await page.getByText(/^Đã nộp bài\./).waitFor();
      await screenshots(page, 'handin-saved');

      // The deadline passes while the page is open: the next hand-in is refused when it completes.
      await db.query(`UPDATE round SET closes_at = now() - interval '1 second' WHERE id = $1`, [roundId]);
      await field(page, 'Nội dung bài dự thi').fill('Bản sửa gửi sau hạn.');
      await page.locator('input[type="file"]').setInputFiles({ name: 'ban-sua.pdf', mimeType: 'application/pdf', buffer: pdfBytes('Bản sửa') });
      await page.getByRole('button', { name: 'Nộp lại' }).click();
      await page
        .getByRole('alert')
        .getByText(/hết hạn nộp bài/)
        .waitFor();
      await screenshots(page, 'handin-late');

      // A judge marks the entry; the organiser then moves the deadline later: still no replacement.
      const [entry] = (await db.query('SELECT id FROM judged_entry WHERE round_id = $1', [roundId])).rows as { id: string }[];
      await ok(stack.http.post(`/entries/${entry.id}/scores`, { scores: marksFor(80), comment: 'Tốt' }, judgeToken), 'mark');
      await db.query(`UPDATE round SET closes_at = now() + interval '1 hour', status = 'open' WHERE id = $1`, [roundId]);
      await page.reload();
      await field(page, 'Nội dung bài dự thi').fill('Bản thay sau khi đã chấm.');
      await page.getByLabel(/nộp lại không kèm tệp sẽ xóa tệp/).check();
      await page.getByRole('button', { name: 'Nộp lại' }).click();
      await page
        .getByRole('alert')
        .getByText(/Giám khảo đã chấm bài này/)
        .waitFor();
      await screenshots(page, 'handin-marked');
      const [kept] = (await db.query('SELECT text, version FROM judged_entry WHERE id = $1', [entry.id])).rows as { text: string; version: number }[];
      expect(kept).toEqual({ text: 'Đề cương báo cáo: Luật Phòng, chống tham nhũng 2018.', version: 1 });
      expect(errors).toEqual([]);
    });
  });
});
