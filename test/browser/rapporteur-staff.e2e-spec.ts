import type { Browser, Page } from 'playwright-core';
import { entrant, iso, KnownQuestion, newContest, orgWithBank, sleep } from '../../libs/contests/test/factories';
import { enter } from '../../libs/leaderboard/test/helpers';
import { ok, Session } from '../factories';
import { expectAccessible } from './axe';
import { DESKTOP, journey, launchChromium, PHONE, screenshots } from './browser';
import { field, signIn, STAFF_PASSWORD, staffLogin } from './journey';
import { startStack, Stack } from './stack';

/**
 * The rapporteur competition from the staff console, with no API calls by hand: the
 * organiser sets up the final's jury (three criteria, the head judge picked by name,
 * overtime penalty, reconciliation gap) and its brief; once round 1 (a quiz, answered
 * through the API) is over, previews who goes through with one place per unit, enrols them
 * and finds them in the enrolment list; a judge sees marking disabled, with the reason,
 * while entries are still being handed in.
 */
jest.setTimeout(240_000);

const ROUND1_OPEN_MS = 30_000;
const PEOPLE = [
  { fullName: 'Trần Thị Ánh Dương', unit: 'Phường Hạ Long', right: 4 },
  { fullName: 'Lê Văn Đức', unit: 'Phường Hạ Long', right: 3 },
  { fullName: 'Phạm Quốc Hưng', unit: 'Phường Bãi Cháy', right: 2 },
  { fullName: 'Nguyễn Thị Thu Hà', unit: 'Phường Bãi Cháy', right: 1 },
  { fullName: 'Vũ Đình Khải', unit: 'Xã Quảng La', right: 1 },
];
const BRIEF = 'Thuyết trình 10 phút: «Cán bộ, đảng viên nêu gương trong phòng, chống tham nhũng, tiêu cực».';
const CRITERIA = [
  ['Nội dung pháp lý chính xác', '50'],
  ['Kỹ năng trình bày', '30'],
  ['Hình thức, thời gian', '20'],
];

describe('browser: organisers and judges run the rapporteur competition', () => {
  let stack: Stack;
  let browser: Browser;
  let organiser: Session & { email: string };
  let judge: Session & { email: string };
  let head: { id: string; fullName: string; email: string };
  let bank: KnownQuestion[];
  let contest: { id: string; title: string };
  let r1: { id: string; title: string };
  let r2: { id: string; title: string };
  let open: { id: string; title: string };
  let entryId: string;
  let closesAt: number;
  let resident: Session & { input: { phone: string; password: string } };

  beforeAll(async () => {
    stack = await startStack('rapporteur-staff');
    browser = await launchChromium();
    const setup = await orgWithBank(stack.http, stack.admin, 4);
    bank = setup.questions;
    organiser = await staffLogin(stack.http, stack.admin, 'organiser', setup.org.id);
    judge = await staffLogin(stack.http, stack.admin, 'judge', setup.org.id);
    const email = `head.${Date.now().toString(36)}@test.local`;
    const made = await ok(
      stack.http.post(
        '/users',
        { fullName: 'Trần Thị Bích Ngọc', email, password: STAFF_PASSWORD, role: 'judge', organisationId: setup.org.id },
        stack.admin.token,
      ),
      'head judge',
    );
    head = { id: made.id ?? made.user?.id, fullName: 'Trần Thị Bích Ngọc', email };
    const o = organiser.token;
    contest = await newContest(stack.http, organiser, { title: 'Báo cáo viên pháp luật giỏi về phòng, chống tham nhũng', requiredFields: ['unit'] });
    closesAt = Date.now() + ROUND1_OPEN_MS;
    const post = (body: Record<string, unknown>) => ok(stack.http.post(`/contests/${contest.id}/rounds`, body, o), 'round');
    r1 = await post({
      title: 'Vòng 1: trắc nghiệm',
      kind: 'quiz',
      opensAt: iso(Date.now() - 1000),
      closesAt: iso(closesAt),
      durationSeconds: 600,
      selection: [{ bankId: setup.bankId, count: 4 }],
      advancement: { mode: 'top', topN: 2 },
    });
    r2 = await post({
      title: 'Vòng chung kết: thuyết trình',
      kind: 'judged',
      entry: 'enrolled',
      opensAt: iso(Date.now() + 3600_000),
      closesAt: iso(Date.now() + 7200_000),
    });
    open = await post({ title: 'Bài viết tìm hiểu', kind: 'judged', opensAt: iso(Date.now() - 1000), closesAt: iso(Date.now() + 3600_000) });
    await ok(
      stack.http.put(`/rounds/${open.id}/brief`, { brief: 'Viết về bốn nguyên tắc bầu cử (không quá 1.000 từ).', handInKinds: ['text', 'file'] }, o),
      'brief',
    );
    await ok(stack.http.post(`/contests/${contest.id}/publish`, {}, o), 'publish');
    for (const userId of [judge.user.id, head.id]) {
      await ok(stack.http.post(`/rounds/${r2.id}/judges`, { userId }, o), 'assign');
      await ok(stack.http.post(`/rounds/${open.id}/judges`, { userId }, o), 'assign');
    }
    await ok(
      stack.http.put(
        `/rounds/${open.id}/jury`,
        {
          rubric: [{ key: 'noi-dung', label: 'Nội dung', maxPoints: 10 }],
          penalties: [
            { kind: 'overtime', limitSeconds: 600, points: 1, per: 'started-minute', maxPoints: 5 },
            { kind: 'fixed', code: 'notes', label: 'Đọc tài liệu', points: 2 },
            { kind: 'fixed', code: 'late', label: 'Vào muộn', points: 0.5 },
          ],
        },
        o,
      ),
      'jury',
    );
    for (const p of PEOPLE) {
      const e = await entrant(stack.http, contest.id, { unit: p.unit }, { fullName: p.fullName });
      await enter(stack.http, e, r1.id, bank, p.right);
      if (!resident) resident = e as typeof resident;
    }
    entryId = (
      await ok(
        stack.http.post(`/rounds/${open.id}/entries`, { text: 'Bốn nguyên tắc: phổ thông, bình đẳng, trực tiếp, bỏ phiếu kín.' }, resident.token),
        'hand in',
      )
    ).id;
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const look = async (page: Page, name: string) => {
    await expectAccessible(page, name);
    await screenshots(page, `rapporteur-${name}`);
  };

  it('sets up the jury and brief, previews and enrols by unit quota, lists who went through', async () => {
    if (Date.now() > closesAt) throw new Error(`seeding took longer than round 1 was open (${ROUND1_OPEN_MS} ms)`);
    await journey(browser, DESKTOP, 'rapporteur-organiser', async ({ page, errors }) => {
      await signIn(page, stack.url, organiser.email, STAFF_PASSWORD);
      await page.goto(`${stack.url}/#/quan-tri/cuoc-thi/${contest.id}`);
      await page
        .getByRole('row', { name: new RegExp(r2.title) })
        .getByRole('link', { name: 'Ban giám khảo, đề bài' })
        .click();
      await page.getByRole('heading', { name: 'Ban giám khảo và tiêu chí chấm', level: 1 }).waitFor();

      await field(page, 'Đề bài').fill(BRIEF);
      await page.getByLabel('Đường dẫn', { exact: true }).uncheck();
      await page.getByRole('button', { name: 'Lưu đề bài' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã lưu đề bài' }).waitFor();

      await page.getByRole('button', { name: '+ Thêm tiêu chí' }).click();
      await page.getByRole('button', { name: '+ Thêm tiêu chí' }).click();
      for (const [i, [label, max]] of CRITERIA.entries()) {
        const card = page.locator('li.card').nth(i);
        await field(card, `Tiêu chí ${i + 1}`).fill(label);
        await field(card, 'Điểm tối đa').fill(max);
      }
      await page.getByText('Tổng điểm tối đa: 100 điểm').waitFor();
      await page.getByRole('button', { name: 'Chuyển tiêu chí 3 lên' }).click();
      await page.getByRole('button', { name: 'Chuyển tiêu chí 2 xuống' }).click();
      await page.getByLabel('Trừ điểm khi thuyết trình quá thời gian').check();
      await field(page, 'Thời gian cho phép (phút)').fill('10');
      await field(page, 'Trừ tối đa (điểm)').fill('5');
      await field(page, 'Độ chênh lệch cần trưởng ban thống nhất (điểm)').fill('15');
      await page.getByRole('combobox', { name: /Chọn trong các giám khảo của vòng/ }).selectOption({ label: `${head.fullName} (${head.email})` });
      await page.getByRole('checkbox', { name: 'Nội dung pháp lý chính xác' }).check();
      await look(page, 'jury');
      await page.getByRole('button', { name: 'Lưu thiết lập ban giám khảo' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã lưu thiết lập ban giám khảo' }).waitFor();
      const jury = await ok(stack.http.get(`/rounds/${r2.id}/jury`, organiser.token));
      expect(jury.rubric.map((c: { label: string; maxPoints: number }) => [c.label, String(c.maxPoints)])).toEqual(CRITERIA);
      expect(jury).toMatchObject({
        maxScore: 100,
        headJudgeUserId: head.id,
        reconciliationGap: 15,
        penalties: [{ kind: 'overtime', limitSeconds: 600, points: 1, maxPoints: 5 }],
        tieBreakCriteria: ['noi-dung-phap-ly-chinh-xac'],
      });
      expect(await ok(stack.http.get(`/rounds/${r2.id}/brief`, organiser.token))).toMatchObject({ brief: BRIEF, handInKinds: ['text', 'file'] });
      await screenshots(page, 'rapporteur-jury-saved');

      // Round 1 is over: who goes through, one per unit.
      await sleep(Math.max(0, closesAt + 500 - Date.now()));
      await page.goto(`${stack.url}/#/quan-tri/cuoc-thi/${contest.id}`);
      await page
        .getByRole('row', { name: new RegExp(r1.title) })
        .getByRole('link', { name: 'Vào vòng sau' })
        .click();
      await page.getByRole('heading', { name: /^Xem trước: 2 người vào vòng/ }).waitFor();
      await look(page, 'advance-rule');
      // Judges' picks: ticked on the ranking, previewed before anything is enrolled.
      await page.getByLabel('Ban giám khảo chọn từng người').check();
      await page.getByRole('checkbox', { name: 'Chọn Nguyễn Thị Thu Hà' }).check();
      await page.getByRole('button', { name: 'Cập nhật danh sách đã chọn (1)' }).click();
      await page.getByRole('heading', { name: /^Xem trước: 1 người vào vòng/ }).waitFor();
      expect(
        await page
          .getByRole('table', { name: /Danh sách người được vào vòng/ })
          .locator('tbody tr')
          .allInnerTexts(),
      ).toEqual([expect.stringMatching(/^[45]\tNguyễn Thị Thu Hà\t1\tPhường Bãi Cháy\tBan giám khảo chọn$/)]);
      await look(page, 'advance-picks');
      await page.getByLabel('Theo chỉ tiêu từng đơn vị / nhóm').check();
      await field(page, 'Số người mỗi đơn vị / nhóm').fill('1');
      await page.getByRole('button', { name: 'Xem trước' }).click();
      await page.getByRole('heading', { name: /^Xem trước: 3 người vào vòng/ }).waitFor();
      const rows = await page
        .getByRole('table', { name: /Danh sách người được vào vòng/ })
        .locator('tbody tr')
        .allInnerTexts();
      expect(rows.map((r) => r.split('\t').map((c) => c.trim()))).toEqual([
        ['3', 'Phạm Quốc Hưng', '2', 'Phường Bãi Cháy', 'Suất của Phường Bãi Cháy'],
        ['1', 'Trần Thị Ánh Dương', '4', 'Phường Hạ Long', 'Suất của Phường Hạ Long'],
        [expect.stringMatching(/^[45]$/), 'Vũ Đình Khải', '1', 'Xã Quảng La', 'Suất của Xã Quảng La'],
      ]);
      expect((await ok(stack.http.get(`/rounds/${r2.id}/enrolments`, organiser.token))).total).toBe(0);
      await look(page, 'advance-quota');

      await page.getByRole('button', { name: 'Xác nhận cho vào vòng (3 người mới)' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã cho 3 người vào vòng' }).waitFor();
      await page.getByText('3 người', { exact: true }).waitFor();
      const enrolled = await ok(stack.http.get(`/rounds/${r2.id}/enrolments`, organiser.token));
      expect(enrolled.items.map((e: { fullName: string }) => e.fullName).sort()).toEqual(['Phạm Quốc Hưng', 'Trần Thị Ánh Dương', 'Vũ Đình Khải']);
      await field(page, 'Tìm theo họ tên').fill('tran thi anh');
      await page.getByRole('button', { name: 'Tìm', exact: true }).click();
      await page.getByText('1 người', { exact: true }).waitFor();
      await look(page, 'enrolled');
      expect(errors).toEqual([]);
    });
  });

  it('shows entrants the brief, and a judge marking disabled until hand-ins close', async () => {
    await journey(browser, PHONE, 'rapporteur-entrant', async ({ page, errors }) => {
      await signIn(page, stack.url, resident.input.phone, resident.input.password);
      await page.goto(`${stack.url}/#/vong/${open.id}/nop-bai`);
      await page.getByText('Viết về bốn nguyên tắc bầu cử (không quá 1.000 từ).').waitFor();
      await page.getByText('văn bản, tệp đính kèm', { exact: true }).waitFor();
      expect(await page.getByLabel(/Đường dẫn/).count()).toBe(0);
      await look(page, 'handin-brief');
      expect(errors).toEqual([]);
    });
    await journey(browser, PHONE, 'rapporteur-judge', async ({ page, errors }) => {
      await signIn(page, stack.url, judge.email, STAFF_PASSWORD);
      await page.goto(`${stack.url}/#/giam-khao/bai/${entryId}`);
      await page.getByText(/Chưa đến lúc chấm: vòng thi còn nhận bài đến/).waitFor();
      expect(await page.getByRole('button', { name: 'Nộp điểm' }).isDisabled()).toBe(true);
      expect(await field(page, 'Nội dung (tối đa 10 điểm)').isDisabled()).toBe(true);
      await look(page, 'judge-not-open');
      // Judges do not record times and breaches (the api allows organisers only).
      expect(await page.getByRole('heading', { name: 'Thời lượng trình bày và vi phạm' }).count()).toBe(0);
      expect(errors).toEqual([]);
    });
  });

  it("lets an organiser record an entry's presentation time and breaches, and shows the penalty", async () => {
    await journey(browser, PHONE, 'rapporteur-facts', async ({ page, errors }) => {
      await signIn(page, stack.url, organiser.email, STAFF_PASSWORD);
      await page.goto(`${stack.url}/#/giam-khao/vong/${open.id}`);
      await page.getByRole('link', { name: 'Xem bài và chấm' }).first().click();
      const facts = page.getByRole('form', { name: 'Thời lượng trình bày và vi phạm' });
      await facts.getByText('Giới hạn 10 phút; mỗi phút quá giờ trừ 1 điểm (chưa đủ phút vẫn tính một phút), tối đa 5 điểm.', { exact: false }).waitFor();
      await facts.getByText('Không bị trừ điểm.').waitFor();
      await field(facts, 'Số phút').fill('11');
      await field(facts, 'Số giây').fill('75');
      await facts.getByRole('button', { name: 'Lưu thời lượng và vi phạm' }).click();
      await facts.getByRole('link', { name: 'Số giây: Số giây từ 0 đến 59.' }).waitFor();
      await field(facts, 'Số giây').fill('30');
      await facts.getByRole('checkbox', { name: 'Đọc tài liệu (trừ 2 điểm)' }).check();
      await facts.getByRole('button', { name: 'Lưu thời lượng và vi phạm' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã lưu thời lượng trình bày và vi phạm' }).waitFor();
      await facts.getByText('Tổng điểm trừ: 4 điểm').waitFor();
      await facts.getByText('Quá giờ: trừ 2 điểm').waitFor();
      await facts.getByText('Thời lượng đã ghi: 11 phút 30 giây.').waitFor();
      expect(await ok(stack.http.get(`/entries/${entryId}`, organiser.token))).toMatchObject({ durationSeconds: 690, breaches: ['notes'] });
      await look(page, 'entry-facts');
      expect(errors).toEqual([]);
    });
  });
});
