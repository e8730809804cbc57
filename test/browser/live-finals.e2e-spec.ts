import type { Browser, Page } from 'playwright-core';
import { entrant, iso, newContest, questionInput, known, type KnownQuestion } from '../../libs/contests/test/factories';
import { newOrganisation, ok, Session } from '../factories';
import { expectAccessible } from './axe';
import { DESKTOP, newPage, launchChromium, PHONE, screenshots, SCREENSHOT_DIR, type OpenPage } from './browser';
import { field, signIn, STAFF_PASSWORD, staffLogin, textMatches, vnLocalInput } from './journey';
import { startStack, Stack } from './stack';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';

/**
 * Issue 20, the live final on stage through its three screens, on the real api: the organiser
 * creates a live round with the round form; the host (desktop) opens the room, shows the
 * questions, reveals, pauses, resumes and ends from the console; a player on a phone answers
 * with the big buttons, reloads mid-question and gets the same question (and the answer
 * already given) back, reads right or wrong with their score and rank; the projector (16:9)
 * shows the question, the countdown, the distribution after the reveal and the top 10.
 * axe on every screen; screenshots at phone and desktop sizes.
 */
jest.setTimeout(240_000);

const PROJECTOR = { viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' };

describe('browser: a live final on stage', () => {
  let stack: Stack;
  let browser: Browser;
  let organiser: Session & { email: string };
  let bankId: string;
  const questions: KnownQuestion[] = [];
  const open: OpenPage[] = [];

  beforeAll(async () => {
    stack = await startStack('live-finals');
    browser = await launchChromium();
    const org = await newOrganisation(stack.http, stack.admin);
    organiser = await staffLogin(stack.http, stack.admin, 'organiser', org.id);
    bankId = (await ok(stack.http.post('/question-banks', { name: 'Ngân hàng chung kết' }, organiser.token), 'bank')).id;
    for (let i = 0; i < 4; i++) {
      // Single and multiple choice alternate: the phone taps to send one, picks then sends the other.
      const input = questionInput(i, i % 2 ? 'multiple' : 'single');
      questions.push(known(await ok(stack.http.post(`/question-banks/${bankId}/questions`, input, organiser.token), 'question'), input));
    }
  });

  afterAll(async () => {
    for (const p of open) await p.context.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
  });

  /** A page that stays open across steps; on failure its screenshot and console go to .run/screenshots. */
  async function keep(name: string, options: Parameters<typeof newPage>[1], session?: Session): Promise<OpenPage & { name: string }> {
    const p = await newPage(browser, options);
    if (session)
      await p.context.addInitScript(
        (s) => (globalThis as any).localStorage.setItem('lc.session', s),
        JSON.stringify({ accessToken: session.token, user: session.user }),
      );
    open.push(p);
    return Object.assign(p, { name });
  }
  async function failed(pages: (OpenPage & { name: string })[]): Promise<void> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    for (const p of pages) {
      await p.page.screenshot({ path: join(SCREENSHOT_DIR, `FAILED-live-${p.name}.png`), fullPage: true }).catch(() => undefined);
      writeFileSync(
        join(SCREENSHOT_DIR, `FAILED-live-${p.name}.txt`),
        `${p.page.url()}\n${[...p.errors.map((x) => `pageerror: ${x.stack ?? x.message}`), ...p.console].join('\n')}\n`,
      );
    }
  }

  const known_ = (stem: string) => {
    const q = questions.find((x) => stem.includes(x.stem));
    if (!q) throw new Error(`question not in the bank: ${stem}`);
    return q;
  };
  /** Taps the options with these texts; a multiple-choice question is then sent with its button. */
  async function answerOn(page: Page, q: KnownQuestion, texts: string[]): Promise<void> {
    for (const t of texts) await page.getByRole('button', { name: new RegExp(t) }).click();
    if (q.type === 'multiple') await page.getByRole('button', { name: 'Gửi câu trả lời' }).click();
  }
  const stemOn = async (page: Page) => ((await page.locator('#live-stem').textContent()) ?? '').trim();

  it('the organiser creates a live round from the round form (kind, seconds per question, speed bonus)', async () => {
    const contest = await newContest(stack.http, organiser);
    const p = await keep('form', DESKTOP);
    try {
      await signIn(p.page, stack.url, organiser.email, STAFF_PASSWORD);
      await p.page.goto(`${stack.url}/#/quan-tri/cuoc-thi/${contest.id}/vong-moi`);
      await field(p.page, 'Tên vòng thi').fill('Chung kết: Ai nhanh hơn');
      await field(p.page, 'Loại vòng').selectOption('live');
      await field(p.page, 'Mở lúc').fill(vnLocalInput(Date.now() + 3600_000));
      await field(p.page, 'Đóng lúc').fill(vnLocalInput(Date.now() + 5 * 3600_000));
      await field(p.page, 'Thời gian mỗi câu (giây)').fill('25');
      await field(p.page, 'Cộng điểm thưởng tốc độ cho câu trả lời đúng').check();
      await field(p.page, 'Điểm thưởng tốc độ tối đa').fill('5');
      await field(p.page, 'Ngân hàng câu hỏi').selectOption(bankId);
      await field(p.page, 'Số câu').fill('3');
      await expectAccessible(p.page, 'round form, kind live');
      await screenshots(p.page, 'live-round-form');
      await p.page.getByRole('button', { name: 'Lưu vòng thi' }).click();
      const row = p.page.getByRole('row').filter({ has: p.page.getByRole('cell', { name: 'Chung kết: Ai nhanh hơn', exact: true }) });
      await row.waitFor();
      await row.getByText('Trực tiếp').waitFor();
      const rounds = await ok(stack.http.get(`/contests/${contest.id}/rounds`, organiser.token), 'rounds');
      const saved = (Array.isArray(rounds) ? rounds : rounds.items).find((r: { title: string }) => r.title === 'Chung kết: Ai nhanh hơn');
      expect(saved.kind).toBe('live');
      expect(saved.live).toEqual({ secondsPerQuestion: 25, speedBonus: { maxPoints: 5 } });
      // The console is reached from the organiser's round list.
      await row.getByRole('link', { name: 'Điều khiển' }).click();
      await p.page.getByRole('heading', { name: 'Điều khiển vòng chung kết' }).waitFor();
      expect(p.errors).toEqual([]);
    } catch (e) {
      await failed([p]);
      throw e;
    }
  });

  it('host, phone and projector run a final end to end', async () => {
    const contest = await newContest(stack.http, organiser);
    const round = await ok(
      stack.http.post(
        `/contests/${contest.id}/rounds`,
        {
          kind: 'live',
          title: 'Chung kết trực tiếp',
          questions: [{ bankId, count: 3 }],
          secondsPerQuestion: 60,
          opensAt: iso(Date.now() - 1000),
          closesAt: iso(Date.now() + 3 * 3600_000),
        },
        organiser.token,
      ),
      'live round',
    );
    await ok(stack.http.post(`/contests/${contest.id}/publish`, {}, organiser.token), 'publish');
    const lan = await entrant(stack.http, contest.id, {}, { fullName: 'Trần Thị Lan' });
    const minh = await entrant(stack.http, contest.id, {}, { fullName: 'Lê Văn Minh' });

    const host = await keep('host', DESKTOP);
    const phone = await keep('player', PHONE, lan);
    const stage = await keep('projector', PROJECTOR, organiser);
    try {
      // The host signs in and opens the room from the console.
      await signIn(host.page, stack.url, organiser.email, STAFF_PASSWORD);
      await host.page.goto(`${stack.url}/#/quan-tri/vong/${round.id}/dieu-khien`);
      await host.page.getByRole('heading', { name: 'Điều khiển vòng chung kết' }).waitFor();
      await host.page.getByRole('button', { name: 'Mở phòng chờ' }).click();
      await host.page.getByRole('button', { name: 'Hiện câu hỏi đầu tiên' }).waitFor();
      await expectAccessible(host.page, 'host console, waiting');

      await phone.page.goto(`${stack.url}/#/vong/${round.id}/truc-tiep`);
      await phone.page.getByText('Bạn đã vào phòng chờ').waitFor();
      await stage.page.goto(`${stack.url}/#/quan-tri/vong/${round.id}/trinh-chieu`);
      await stage.page.getByText('Sắp bắt đầu').waitFor();
      await expectAccessible(phone.page, 'player, waiting');
      await expectAccessible(stage.page, 'projector, waiting');
      await screenshots(phone.page, 'live-player-waiting');

      // Question 1: pushed to the phone and the projector.
      await host.page.getByRole('button', { name: 'Hiện câu hỏi đầu tiên' }).click();
      await phone.page.locator('#live-stem').waitFor();
      const q1 = known_(await stemOn(phone.page));
      await stage.page.locator('.live-stage-stem', { hasText: q1.stem }).waitFor();
      await textMatches(phone.page.getByRole('timer'), /^\d+$/);
      const secs = Number(await phone.page.getByRole('timer').textContent());
      expect(secs).toBeGreaterThan(40);
      expect(secs).toBeLessThanOrEqual(60);
      // Big targets: every answer button at least 48 px high and most of the phone's width.
      for (const box of await phone.page.locator('.live-answer').evaluateAll((els) => els.map((e) => (e as any).getBoundingClientRect()))) {
        expect(box.height).toBeGreaterThanOrEqual(48);
        expect(box.width).toBeGreaterThan(300);
      }
      await expectAccessible(phone.page, 'player, question');
      await screenshots(phone.page, 'live-player-question');
      await expectAccessible(stage.page, 'projector, question');
      await stage.page.screenshot({ path: join(SCREENSHOT_DIR, 'live-projector-question-1366x768.png') });

      // Lan answers right on the phone; Minh wrong through the api.
      await answerOn(phone.page, q1, q1.type === 'multiple' ? q1.correctTexts : [q1.correctTexts[0]]);
      await phone.page.getByText('Đã nhận câu trả lời').waitFor();
      const minhState = await ok(stack.http.get(`/rounds/${round.id}/live/state`, minh.token), 'state');
      const wrong = minhState.question.options.find((o: { text: string }) => o.text === q1.wrongTexts[0]);
      await ok(stack.http.post(`/rounds/${round.id}/live/answers`, { questionId: minhState.question.id, optionIds: [wrong.id] }, minh.token), 'minh answers');
      await textMatches(host.page.locator('.live-answered'), /Đã trả lời: 2/);
      await expectAccessible(host.page, 'host console, question');
      await screenshots(host.page, 'live-host-question');

      // A reload mid-question brings the same question back, with the answer already given.
      await phone.page.reload();
      await phone.page.locator('#live-stem', { hasText: q1.stem }).waitFor();
      await phone.page.getByText('Đã nhận câu trả lời').waitFor();
      expect(await phone.page.getByRole('button', { name: new RegExp(q1.correctTexts[0]) }).getAttribute('aria-pressed')).toBe('true');
      expect(await phone.page.locator('.live-answer:enabled').count()).toBe(0);

      // Reveal: right or wrong on the phone with score and rank; the distribution and the top 10 on the projector.
      await host.page.getByRole('button', { name: 'Công bố đáp án' }).click();
      await phone.page.getByText('✓ Chính xác!').waitFor();
      await textMatches(phone.page.locator('.live-me'), /Điểm của bạn: 1.*Hạng 1/);
      await expectAccessible(phone.page, 'player, revealed');
      await screenshots(phone.page, 'live-player-revealed');
      const dist = stage.page.locator('.live-dist');
      await dist.waitFor();
      // One choice each (a multiple-choice answer counts on every option picked): the bars share 100%.
      const pct = q1.type === 'multiple' ? '33|34' : '50';
      await textMatches(dist.locator('li', { hasText: q1.correctTexts[0] }), new RegExp(`Đáp án đúng.*1 \\((${pct})%\\)`));
      await textMatches(dist.locator('li', { hasText: q1.wrongTexts[0] }), new RegExp(`1 \\((${pct})%\\)`));
      // The board names players as the leaderboard does (given names to initials).
      await textMatches(stage.page.locator('.live-stage-board tbody tr').first(), /^1\s*Trần T\. L\.\s*1$/);
      await textMatches(stage.page.locator('.live-stage-board tbody tr').nth(1), /^2\s*Lê V\. M\.\s*0$/);
      await expectAccessible(stage.page, 'projector, revealed');
      await stage.page.screenshot({ path: join(SCREENSHOT_DIR, 'live-projector-revealed-1366x768.png') });
      await screenshots(stage.page, 'live-projector-revealed');
      await host.page.locator('.live-dist').waitFor();
      await expectAccessible(host.page, 'host console, revealed');
      await screenshots(host.page, 'live-host-revealed');

      // Question 2: pause and resume; the phone says so and keeps the time left.
      await host.page.getByRole('button', { name: 'Hiện câu 2' }).click();
      // The revealed question 1 stays on the phone until question 2 arrives: wait for a new stem, not any stem.
      await phone.page.locator('#live-stem').filter({ hasNotText: q1.stem }).waitFor();
      await textMatches(phone.page.locator('#live-stem'), /.+/);
      const q2 = known_(await stemOn(phone.page));
      expect(q2.id).not.toBe(q1.id);
      await host.page.getByRole('button', { name: 'Tạm dừng' }).click();
      await phone.page.getByText('Người dẫn chương trình đang tạm dừng').waitFor();
      await stage.page.getByText('Tạm dừng', { exact: true }).first().waitFor();
      await screenshots(phone.page, 'live-player-paused');
      await host.page.getByRole('button', { name: 'Tiếp tục' }).click();
      await phone.page.getByText('Người dẫn chương trình đang tạm dừng').waitFor({ state: 'detached' });
      await answerOn(phone.page, q2, [q2.wrongTexts[0]]);
      await phone.page.getByText('Đã nhận câu trả lời').waitFor();

      // The phone loses the network while the host reveals: back online, it rebuilds the reveal, its answer and its score.
      await phone.context.setOffline(true);
      await phone.page.getByText('Mất kết nối, đang thử lại').waitFor();
      await host.page.getByRole('button', { name: 'Công bố đáp án' }).click();
      await stage.page.locator('.live-dist').waitFor();
      await phone.page.waitForTimeout(1000);
      expect(await phone.page.getByText('✗ Chưa chính xác').count()).toBe(0);
      await phone.context.setOffline(false);
      await phone.page.getByText('Đang kết nối trực tiếp').waitFor({ timeout: 30_000 });
      await phone.page.getByText('✗ Chưa chính xác').waitFor();
      await textMatches(phone.page.locator('.live-me'), /Điểm của bạn: 1.*Hạng 1\/2/);

      // End: the phone thanks the player, the projector shows the final top 10.
      await host.page.getByRole('button', { name: 'Kết thúc vòng' }).click();
      await host.page.getByRole('alertdialog').getByRole('button', { name: 'Kết thúc' }).click();
      await phone.page.getByText('Vòng chung kết đã kết thúc').waitFor();
      await stage.page.getByText('Top 10 chung cuộc').waitFor();
      await textMatches(stage.page.locator('.live-stage-final tbody tr').first(), /^1\s*Trần T\. L\./);
      await expectAccessible(stage.page, 'projector, ended');
      await expectAccessible(phone.page, 'player, ended');
      await screenshots(stage.page, 'live-projector-ended');
      await screenshots(phone.page, 'live-player-ended');
      expect([...host.errors, ...phone.errors, ...stage.errors]).toEqual([]);
    } catch (e) {
      await failed([host, phone, stage]);
      throw e;
    }
  });
});
