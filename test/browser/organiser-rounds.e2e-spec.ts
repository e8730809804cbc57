import type { Browser, Page } from 'playwright-core';
import { iso, newContest, questionInput, quizRound } from '../../libs/contests/test/factories';
import { newOrganisation, ok, Session } from '../factories';
import { expectAccessible } from './axe';
import { DESKTOP, journey, launchChromium, PHONE, screenshots } from './browser';
import { field, signIn, STAFF_PASSWORD, staffLogin } from './journey';
import { startStack, Stack } from './stack';

/**
 * Journey: an organiser looks after rounds and contests from the web app alone: edits a
 * draft round, deletes one nobody entered, is told in plain words which settings of an
 * opened round are locked (and still changes the safe ones), then closes and archives a
 * contest.
 */
jest.setTimeout(150_000);

describe('browser: an organiser edits, deletes, closes and archives', () => {
  let stack: Stack;
  let browser: Browser;
  let organiser: Session & { email: string };
  let bankId: string;

  beforeAll(async () => {
    stack = await startStack('organiser-rounds');
    browser = await launchChromium();
    const org = await newOrganisation(stack.http, stack.admin);
    organiser = await staffLogin(stack.http, stack.admin, 'organiser', org.id);
    bankId = (await ok(stack.http.post('/question-banks', { name: 'Ngân hàng vòng thi' }, organiser.token), 'bank')).id;
    for (let i = 0; i < 6; i++) await ok(stack.http.post(`/question-banks/${bankId}/questions`, questionInput(i), organiser.token), 'question');
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const contestPage = (page: Page, id: string) => page.goto(`${stack.url}/#/quan-tri/cuoc-thi/${id}`);
  const roundRow = (page: Page, title: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name: title, exact: true }) });

  it('edits a draft round and deletes another, on a desktop', async () => {
    const contest = await newContest(stack.http, organiser);
    const round1 = await ok(
      stack.http.post(
        `/contests/${contest.id}/rounds`,
        quizRound(bankId, { title: 'Tuần 1', opensAt: iso(Date.now() + 3600_000), closesAt: iso(Date.now() + 7 * 86400_000) }),
        organiser.token,
      ),
      'round 1',
    );
    await ok(
      stack.http.post(
        `/contests/${contest.id}/rounds`,
        quizRound(bankId, { title: 'Tuần 2', opensAt: iso(Date.now() + 3600_000), closesAt: iso(Date.now() + 7 * 86400_000) }),
        organiser.token,
      ),
      'round 2',
    );

    await journey(browser, DESKTOP, 'organiser-rounds-edit', async ({ page, errors }) => {
      await signIn(page, stack.url, organiser.email, STAFF_PASSWORD);
      await contestPage(page, contest.id);
      await roundRow(page, 'Tuần 1').getByRole('link', { name: 'Sửa' }).click();
      await page.getByRole('heading', { name: 'Sửa vòng thi: Tuần 1' }).waitFor();
      expect(await field(page, 'Tên vòng thi').inputValue()).toBe('Tuần 1');
      expect(await field(page, 'Số câu').inputValue()).toBe('5');
      await expectAccessible(page, 'round edit');
      await screenshots(page, 'organiser-round-edit');
      await field(page, 'Tên vòng thi').fill('Tuần 1: Nguyên tắc bầu cử');
      await field(page, 'Số câu').fill('4');
      await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await roundRow(page, 'Tuần 1: Nguyên tắc bầu cử').waitFor();
      const saved = await ok(stack.http.get(`/rounds/${round1.id}`, organiser.token));
      expect(saved.title).toBe('Tuần 1: Nguyên tắc bầu cử');
      expect(saved.selection[0].count).toBe(4);

      // Deleting asks first, and says what goes with the round.
      await roundRow(page, 'Tuần 2').getByRole('button', { name: 'Xóa' }).click();
      await page.getByRole('alertdialog', { name: 'Xóa' }).getByText('Xóa vòng “Tuần 2”?').waitFor();
      await expectAccessible(page, 'contest page, delete confirmation');
      await screenshots(page, 'organiser-round-delete-confirm');
      await page.getByRole('button', { name: 'Xóa vòng' }).click();
      await roundRow(page, 'Tuần 2').waitFor({ state: 'detached' });
      const rounds = await ok(stack.http.get(`/contests/${contest.id}/rounds`, organiser.token));
      expect(rounds.map((r: { title: string }) => r.title)).toEqual(['Tuần 1: Nguyên tắc bầu cử']);
      expect(errors).toEqual([]);
    });
  });

  it('explains which settings of an opened round are locked, saves the safe ones, then closes and archives, on a phone', async () => {
    const open = await newContest(stack.http, organiser);
    const round = await ok(stack.http.post(`/contests/${open.id}/rounds`, quizRound(bankId, { title: 'Tuần 1' }), organiser.token), 'open round');
    await ok(stack.http.post(`/contests/${open.id}/publish`, {}, organiser.token), 'publish');
    const later = await newContest(stack.http, organiser);
    await ok(
      stack.http.post(
        `/contests/${later.id}/rounds`,
        quizRound(bankId, { title: 'Tuần 1', opensAt: iso(Date.now() + 86400_000), closesAt: iso(Date.now() + 2 * 86400_000) }),
        organiser.token,
      ),
      'future round',
    );
    await ok(stack.http.post(`/contests/${later.id}/publish`, {}, organiser.token), 'publish later');

    await journey(browser, PHONE, 'organiser-rounds-locked', async ({ page, errors }) => {
      await signIn(page, stack.url, organiser.email, STAFF_PASSWORD);
      await page.goto(`${stack.url}/#/quan-tri/vong/${round.id}/sua`);
      await page.getByText('Vòng thi đã mở: chỉ sửa được tên').waitFor();
      await field(page, 'Thời gian làm bài (phút)').fill('5');
      await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await page.getByRole('alert').getByText('Vòng thi đã mở nên không thể đổi: thời gian làm bài.').waitFor();
      await screenshots(page, 'organiser-round-locked');
      expect((await ok(stack.http.get(`/rounds/${round.id}`, organiser.token))).durationSeconds).toBe(600);
      await field(page, 'Thời gian làm bài (phút)').fill('10');
      await field(page, 'Tên vòng thi').fill('Tuần 1 (gia hạn)');
      await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await roundRow(page, 'Tuần 1 (gia hạn)').waitFor();
      // An opened round cannot be deleted: the button is not offered.
      expect(await roundRow(page, 'Tuần 1 (gia hạn)').getByRole('button', { name: 'Xóa' }).count()).toBe(0);

      await contestPage(page, later.id);
      await page.getByRole('button', { name: 'Đóng cuộc thi' }).click();
      await page.getByText('Đóng cuộc thi? Cuộc thi ngừng nhận đăng ký').waitFor();
      await screenshots(page, 'organiser-contest-close-confirm');
      await page.getByRole('alertdialog').getByRole('button', { name: 'Đóng cuộc thi' }).click();
      await page.getByText('Đã đóng cuộc thi.').waitFor();
      await page.getByText('Trạng thái: Đã kết thúc').waitFor();
      await page.getByRole('button', { name: 'Lưu trữ' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Lưu trữ' }).click();
      await page.getByText('Đã lưu trữ cuộc thi.').waitFor();
      await expectAccessible(page, 'contest page after archiving');
      await screenshots(page, 'organiser-contest-archived');
      expect((await ok(stack.http.get(`/contests/${later.id}`, organiser.token))).status).toBe('archived');
      expect(errors).toEqual([]);
    });
  });
});
