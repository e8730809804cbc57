import type { Browser, Page } from 'playwright-core';
import { createRedisClient, RedisKeys } from '@lc/platform';
import { entrant, KnownQuestion, newContest, orgWithBank, quizRound, waitFor } from '../../libs/contests/test/factories';
import { dirtyRoundsKey, RoundKeys } from '../../libs/leaderboard/src/board/board-keys';
import { enter } from '../../libs/leaderboard/test/helpers';
import { ok, uniqueIdentity } from '../factories';
import { testConfig } from '../harness';
import { journey, launchChromium, localItem, PHONE, screenshots } from './browser';
import { field, textMatches } from './journey';
import { startStack, Stack } from './stack';

/**
 * Journey 1, on a phone: a resident signs up (consent) and registers for a contest (its unit
 * list and extra field), takes an attempt with the network cut for 10 s in the middle (the
 * outbox keeps the answers, then sends them), reloads and resumes from what the server holds,
 * submits with a prediction, and watches their rank change live on the leaderboard when
 * another resident, driven over HTTP, submits a better score.
 */
jest.setTimeout(120_000);

const UNITS = ['Phường Hạ Long', 'Phường Bãi Cháy', 'Trường THPT Hòn Gai'];
const PREDICTION = 'Có bao nhiêu người trả lời đúng tất cả các câu hỏi?';
const QUESTIONS = 5;
const OFFLINE_MS = 10_000;

describe('browser: a resident takes a contest on a phone through a network cut', () => {
  let stack: Stack;
  let browser: Browser;
  let bank: KnownQuestion[];
  let contest: { id: string; slug: string; title: string };
  let round: { id: string; title: string };

  beforeAll(async () => {
    stack = await startStack('resident');
    browser = await launchChromium();
    const setup = await orgWithBank(stack.http, stack.admin, 8);
    bank = setup.questions;
    contest = await newContest(stack.http, setup.organiser, {
      unitList: UNITS,
      requiredFields: ['unit', 'position'],
      description: 'Cuộc thi trực tuyến dành cho mọi người dân.',
    });
    round = await ok(
      stack.http.post(
        `/contests/${contest.id}/rounds`,
        quizRound(setup.bankId, {
          title: 'Tuần 1',
          selection: [{ bankId: setup.bankId, count: QUESTIONS }],
          durationSeconds: 900,
          predictionQuestion: { prompt: PREDICTION, target: 'custom' },
        }),
        setup.organiser.token,
      ),
      'create round',
    );
    await ok(stack.http.post(`/contests/${contest.id}/publish`, {}, setup.organiser.token), 'publish');
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('signs up, answers through a network cut, resumes, submits and sees the rank change live', async () => {
    await journey(browser, PHONE, 'resident', async ({ context, page, errors }) => {
      // The board's pushes as the phone receives them (Socket.IO text frames).
      const boardFrames: string[] = [];
      let joins = 0;
      // How the answers travel: over the attempt page's socket while it is connected, else HTTP.
      let socketAnswers = 0;
      let httpAnswers = 0;
      page.on('request', (r) => {
        if (r.method() === 'PUT' && /\/attempts\/[^/]+\/answers\//.test(r.url())) httpAnswers++;
      });
      let liveConnects = 0;
      page.on('websocket', (ws) => {
        ws.on('framereceived', (f) => {
          if (typeof f.payload === 'string' && f.payload.startsWith('40/live')) liveConnects++;
          if (typeof f.payload === 'string' && f.payload.includes('"leaderboard:update"')) boardFrames.push(f.payload);
        });
        ws.on('framesent', (f) => {
          if (typeof f.payload === 'string' && f.payload.includes('"leaderboard:join"')) joins++;
          if (typeof f.payload === 'string' && f.payload.includes('"attempt:answer"')) socketAnswers++;
        });
      });
      // ----- sign up and register for the contest -----
      await page.goto(`${stack.url}/#/cuoc-thi/${contest.slug}`);
      await page.getByRole('heading', { name: contest.title, level: 1 }).waitFor();
      await screenshots(page, 'resident-contest');
      await page.getByRole('link', { name: 'Đăng ký tài khoản và tham gia' }).click();
      const id = uniqueIdentity('1988-03-09');
      await field(page, 'Họ và tên').fill('Trần Văn An');
      await field(page, 'Số điện thoại').fill(id.phone);
      await field(page, 'Mật khẩu').fill('matkhau-an-toan');
      await field(page, 'Nhập lại mật khẩu').fill('matkhau-an-toan');
      await field(page, 'Số CCCD').fill(id.nationalId);
      await field(page, 'Ngày sinh').fill('1988-03-09');
      await field(page, 'Tỉnh, thành phố').selectOption('Quảng Ninh');
      await screenshots(page, 'resident-sign-up');
      // Without consent the form refuses, and says why.
      await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
      await page.getByRole('alert').getByText('Bạn cần đồng ý cho xử lý dữ liệu cá nhân để đăng ký.').waitFor();
      await page.getByRole('checkbox', { name: /Tôi đồng ý để ban tổ chức xử lý dữ liệu cá nhân/ }).check();
      await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();

      // The contest's own fields: a unit from its list and a position.
      await page.getByRole('heading', { name: 'Đăng ký tham gia', level: 1 }).waitFor();
      await field(page, 'Đơn vị').selectOption('Phường Bãi Cháy');
      await field(page, 'Chức vụ').fill('Công chức tư pháp');
      await screenshots(page, 'resident-join');
      await page.getByRole('button', { name: 'Xác nhận tham gia' }).click();
      await page.getByText('Bạn đã đăng ký tham gia cuộc thi này.').waitFor();
      const token = (await localItem<{ accessToken: string }>(page, 'lc.session'))!.accessToken;
      const reg = await ok(stack.http.get(`/contests/${contest.id}/registration`, token));
      expect(reg).toEqual(expect.objectContaining({ unit: 'Phường Bãi Cháy', fields: expect.objectContaining({ position: 'Công chức tư pháp' }) }));

      // ----- start an attempt -----
      await page.getByRole('link', { name: round.title }).click();
      await screenshots(page, 'resident-round');
      const connectsBefore = liveConnects;
      await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
      await page.waitForURL(/#\/bai-thi\//);
      // The attempt page opens its /live socket as it loads, and answers go over HTTP until it is
      // connected (CI's load once made the first answer quicker than the connection).
      await waitFor(async () => (liveConnects > connectsBefore ? true : undefined), 15_000, 50);
      const attemptId = /bai-thi\/([^/?]+)/.exec(page.url())![1];
      const saveStatus = page.getByRole('region', { name: 'Trạng thái bài thi' }).getByRole('status');
      // The stems of the questions whose answers the server holds.
      const onServer = async (): Promise<string[]> => {
        const a = await ok(stack.http.get(`/attempts/${attemptId}`, token));
        return a.questions
          .filter((q: { id: string }) => a.answers?.[q.id])
          .map((q: { stem: string }) => q.stem)
          .sort();
      };
      const answered: KnownQuestion[] = [];
      const stems = () => answered.map((k) => k.stem).sort();

      // Two answers online: each saved at once.
      const savedHere = page.getByText('Câu này: đã lưu', { exact: true });
      const timer = page.getByRole('timer');
      for (let i = 1; i <= 2; i++) {
        answered.push(await answerShown(page, bank, i, true));
        await savedHere.waitFor();
        await page.getByRole('button', { name: 'Câu sau →' }).click();
        if (i === 1) {
          // The phone's clock jumps 5 minutes ahead mid-attempt: the countdown runs 5 minutes short
          // until the next save, whose acknowledgement carries the server's clock (savedAt).
          await textMatches(timer, /^14:\d\d$/);
          await page.evaluate(() => {
            const real = Date.now.bind(Date);
            Date.now = () => real() + 300_000;
          });
          await textMatches(timer, /^09:\d\d$/);
        }
      }
      await textMatches(timer, /^14:\d\d$/);
      await textMatches(saveStatus, /Đã lưu$/);
      expect(await onServer()).toEqual(stems());
      expect({ socketAnswers, httpAnswers }).toEqual({ socketAnswers: 2, httpAnswers: 0 });
      await screenshots(page, 'resident-attempt');

      // ----- the network is cut for 10 s while answering two more -----
      const cutAt = Date.now();
      await context.setOffline(true);
      await page.getByText('Bạn đang ngoại tuyến').waitFor();
      answered.push(await answerShown(page, bank, 3, true));
      await page.getByText('Câu này: đã lưu trên máy, đang chờ gửi').waitFor();
      await page.getByRole('button', { name: 'Câu sau →' }).click();
      answered.push(await answerShown(page, bank, 4, true));
      await textMatches(saveStatus, /Mất mạng — 2 câu đã lưu trên máy, sẽ gửi khi có mạng/);
      await screenshots(page, 'resident-attempt-offline');
      expect(await onServer()).toHaveLength(2);
      await page.waitForTimeout(Math.max(0, cutAt + OFFLINE_MS - Date.now()));
      expect(await onServer()).toHaveLength(2);

      // ----- network back: the outbox sends what it kept -----
      await context.setOffline(false);
      await textMatches(saveStatus, /Đã lưu$/);
      expect(await onServer()).toEqual(stems());

      // ----- reload with the local copy gone: the answers come back from the server -----
      await page.evaluate((key) => (globalThis as any).localStorage.removeItem(key), `lc.outbox.${attemptId}`);
      await page.reload();
      await page.getByRole('button', { name: `Danh sách câu (4/${QUESTIONS})` }).click();
      for (let i = 1; i <= 4; i++) await page.getByRole('button', { name: `Câu ${i}: đã trả lời` }).waitFor();
      await screenshots(page, 'resident-attempt-resumed');
      await page.getByRole('button', { name: 'Câu 1: đã trả lời' }).click();
      expect(await page.getByRole('radio', { name: answered[0].correctTexts[0], exact: true }).isChecked()).toBe(true);

      // The last question wrong, then submit with the prediction.
      await page.getByRole('button', { name: `Danh sách câu (4/${QUESTIONS})` }).click();
      await page.getByRole('button', { name: `Câu ${QUESTIONS}: chưa trả lời` }).click();
      await answerShown(page, bank, QUESTIONS, false);
      await savedHere.waitFor();
      await page.getByRole('button', { name: 'Nộp bài' }).click();
      await page.getByLabel(`Câu hỏi dự đoán: ${PREDICTION}`).fill('12');
      await screenshots(page, 'resident-submit');
      await page.getByRole('button', { name: 'Xác nhận nộp bài' }).click();
      await page.getByRole('heading', { name: 'Đã nộp bài thành công' }).waitFor();
      const submitted = await ok(stack.http.get(`/attempts/${attemptId}`, token));
      expect(submitted).toEqual(expect.objectContaining({ status: 'submitted', score: 4, maxScore: QUESTIONS }));
      await screenshots(page, 'resident-submitted');

      // ----- the live leaderboard: another resident scores better -----
      // The board's first HTTP read answers after the join's (the socket is open since the attempt):
      // the join's rows, named by their hash, must stay, or the rival's patch has nothing to apply to.
      const slowRead = /\/rounds\/[^/]+\/leaderboard\?/;
      await page.route(slowRead, async (r) => {
        await new Promise((done) => setTimeout(done, 1500));
        await r.continue().catch(() => undefined);
      });
      await page.getByRole('link', { name: 'Xem bảng xếp hạng' }).click();
      await page.getByText('Đang cập nhật trực tiếp').waitFor();
      const myRank = page.locator('.my-rank');
      // The round's prediction (custom target) is open: no total, no one else's score, only the top 20.
      await textMatches(myRank, /^Thứ hạng của bạn: 1 · 4 điểm$/);
      await page.getByText(/bảng xếp hạng chỉ hiện 20 người đứng đầu, không hiện tổng số người dự thi và điểm của người khác/).waitFor();
      await screenshots(page, 'resident-leaderboard');
      await page.waitForTimeout(1500);
      await page.unroute(slowRead);
      const joinsBeforeRival = joins;
      // The room has had its first push (this resident's entry), so the rival's can be a patch on it.
      const pushedTop = createRedisClient(testConfig());
      try {
        const key = new RoundKeys(new RedisKeys(testConfig()), round.id).pushedTop('residents');
        await waitFor(async () => ((await pushedTop.exists(key)) ? true : undefined), 5000);
      } finally {
        pushedTop.disconnect();
      }
      const rival = await entrant(stack.http, contest.id, { unit: 'Phường Hạ Long', fields: { position: 'Giáo viên' } }, { fullName: 'Lê Thị Cúc' });
      const entry = await enter(stack.http, rival, round.id, bank, QUESTIONS);
      expect(entry.score).toBe(QUESTIONS);
      // No reload and no polling while the socket is up: the page hears it over /live.
      await textMatches(myRank, /^Thứ hạng của bạn: 2 · 4 điểm$/);
      await page.getByText('Đang cập nhật trực tiếp').waitFor();
      // rank:update and the board's push are separate events: the rows may follow the rank by a tick.
      await textMatches(page.getByRole('table').locator('tbody tr.me td').first(), /^2$/);
      const firstRow = await page.getByRole('table').locator('tbody tr').first().locator('td').allTextContents();
      expect(firstRow[0]).toBe('1');
      expect(firstRow[2]).toBe('—');
      const mine = await page.getByRole('table').locator('tbody tr.me td').allTextContents();
      expect(mine[2]).toBe('4');
      // The changed top came as a patch on the rows the page held, not as rows or a join again.
      await waitFor(async () => boardFrames.find((f) => f.includes('"topPatch"')), 5000);
      expect(joins).toBe(joinsBeforeRival);
      // Issue 18: a push while the top is unchanged leaves the rows out; the page keeps the ones it shows.
      const rowsBefore = await page.getByRole('table').locator('tbody tr').allTextContents();
      const seen = boardFrames.length;
      const joined = joins;
      expect(joined).toBeGreaterThan(0);
      const config = testConfig();
      const redis = createRedisClient(config);
      try {
        await redis.sadd(dirtyRoundsKey(new RedisKeys(config)), round.id); // as a record below the top would
        const slim = await waitFor(async () => boardFrames.slice(seen).find((f) => !f.includes('"top"')), 5000);
        expect(Buffer.byteLength(slim)).toBeLessThan(1024);
      } finally {
        redis.disconnect();
      }
      await page.waitForTimeout(300);
      expect(await page.getByRole('table').locator('tbody tr').allTextContents()).toEqual(rowsBefore);
      expect(joins).toBe(joined); // kept, not fetched again: the push named the rows the page holds
      await textMatches(myRank, /^Thứ hạng của bạn: 2 · 4 điểm$/);
      await screenshots(page, 'resident-leaderboard-live');
      expect(errors).toEqual([]);
    });
  });
});

/** Answers question `n` once it is on screen (right or wrong, from the bank's key); returns it. */
async function answerShown(page: Page, bank: KnownQuestion[], n: number, right: boolean): Promise<KnownQuestion> {
  await page
    .locator('legend .question-number')
    .filter({ hasText: new RegExp(`^Câu ${n}/${QUESTIONS}$`) })
    .waitFor();
  const stem = ((await page.locator('legend .question-stem').textContent()) ?? '').trim();
  const k = bank.find((q) => q.stem === stem);
  if (!k) throw new Error(`question not in the bank: ${stem}`);
  await page.getByRole('radio', { name: right ? k.correctTexts[0] : k.wrongTexts[0], exact: true }).check();
  return k;
}
