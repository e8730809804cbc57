import type { Browser, Page } from 'playwright-core';
import { entrant, KnownQuestion, liveQuiz, orgWithBank } from '../../libs/contests/test/factories';
import { ok, Session } from '../factories';
import { journey, launchChromium, PHONE, screenshots } from './browser';
import { signIn } from './journey';
import { startStack, Stack } from './stack';

/**
 * The resident's attempt survives the page itself: answers left in the outbox by a page that
 * could not send them go as soon as the attempt is open again (no further answer needed), and a
 * reload with no network at all opens the attempt from the service worker's copy of the app,
 * with the answers given so far.
 */
jest.setTimeout(120_000);

const QUESTIONS = 3;

describe('browser: an attempt across reloads (outbox, offline shell)', () => {
  let stack: Stack;
  let browser: Browser;
  let bank: KnownQuestion[];
  let contestId: string;
  let roundId: string;

  beforeAll(async () => {
    stack = await startStack('offline');
    browser = await launchChromium();
    const setup = await orgWithBank(stack.http, stack.admin, 6);
    bank = setup.questions;
    const q = await liveQuiz(stack.http, setup, { selection: [{ bankId: setup.bankId, count: QUESTIONS }], durationSeconds: 900 });
    contestId = q.contest.id;
    roundId = q.round.id;
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** A registered resident signed in on the page, with an attempt started and open. */
  async function openAttempt(page: Page): Promise<{ resident: Session; attemptId: string; onServer: () => Promise<number> }> {
    const resident = await entrant(stack.http, contestId);
    await signIn(page, stack.url, resident.input.phone, resident.input.password);
    const attempt = await ok(stack.http.post(`/rounds/${roundId}/attempts`, {}, resident.token), 'start');
    await page.goto(`${stack.url}/#/bai-thi/${attempt.id}`);
    const onServer = async () => Object.keys((await ok(stack.http.get(`/attempts/${attempt.id}`, resident.token))).answers ?? {}).length;
    return { resident, attemptId: attempt.id, onServer };
  }

  it('sends the answers a previous page left unsent as soon as the attempt opens again', async () => {
    // No service worker here: the api's refusal below must reach the page as it is.
    await journey(browser, { ...PHONE, serviceWorkers: 'block' }, 'offline-outbox', async ({ page, errors }) => {
      // A dead link cuts the page's socket as well as its HTTP: what the page sends on /live is dropped.
      let linkDead = false;
      await page.routeWebSocket(/\/socket\.io\//, (ws) => {
        const server = ws.connectToServer();
        ws.onMessage((m) => {
          if (!linkDead) server.send(m);
        });
      });
      const { onServer } = await openAttempt(page);
      await answerShown(page, bank, 1);
      await page.getByText('Câu này: đã lưu', { exact: true }).waitFor();
      // The autosave cannot get through (a dead mobile link): the answer waits in the outbox.
      linkDead = true;
      await page.route('**/api/v1/attempts/*/answers/*', (r) => r.abort('internetdisconnected'));
      await page.getByRole('button', { name: 'Câu sau →' }).click();
      await answerShown(page, bank, 2);
      await page.getByText('Câu này: đã lưu trên máy, đang chờ gửi').waitFor();
      expect(await onServer()).toBe(1);
      // The in-app browser is closed and opened again; the link works again.
      await page.unroute('**/api/v1/attempts/*/answers/*');
      linkDead = false;
      await page.reload();
      await page.locator('legend .question-stem').first().waitFor();
      // Nothing is touched: the page itself sends what waited.
      for (let i = 0; i < 100 && (await onServer()) < 2; i++) await page.waitForTimeout(100);
      expect(await onServer()).toBe(2);
      expect(errors).toEqual([]);
    });
  });

  it('reloads without network into the attempt with its answers (service worker)', async () => {
    await journey(browser, PHONE, 'offline-shell', async ({ context, page, errors }) => {
      await openAttempt(page);
      const first = await answerShown(page, bank, 1);
      await page.getByText('Câu này: đã lưu', { exact: true }).waitFor();
      // The app's files are in the worker's cache once it is active.
      await page.evaluate(async () => {
        const sw = (globalThis as any).navigator.serviceWorker;
        await sw.ready;
      });
      await context.setOffline(true);
      await page.reload();
      await page.getByText('Bạn đang ngoại tuyến').waitFor();
      await page
        .locator('legend .question-number')
        .filter({ hasText: new RegExp(`^Câu 1/${QUESTIONS}$`) })
        .waitFor();
      expect(await page.getByRole('radio', { name: first.correctTexts[0], exact: true }).isChecked()).toBe(true);
      await screenshots(page, 'resident-attempt-offline-reload');
      await context.setOffline(false);
      expect(errors).toEqual([]);
    });
  });
});

async function answerShown(page: Page, bank: KnownQuestion[], n: number): Promise<KnownQuestion> {
  await page
    .locator('legend .question-number')
    .filter({ hasText: new RegExp(`^Câu ${n}/${QUESTIONS}$`) })
    .waitFor();
  const stem = ((await page.locator('legend .question-stem').textContent()) ?? '').trim();
  const k = bank.find((q) => q.stem === stem);
  if (!k) throw new Error(`question not in the bank: ${stem}`);
  await page.getByRole('radio', { name: k.correctTexts[0], exact: true }).check();
  return k;
}
