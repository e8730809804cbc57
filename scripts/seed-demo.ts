import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfigOrExit } from '@lc/platform';
import { createApi } from '../apps/api/src/bootstrap';
import { DEMO_QUESTIONS } from './seed/demo-questions';
import { DemoActivity } from './seed/demo-activity';
import { DemoClient, type Login } from './seed/demo-client';

/**
 * Seeds the demo through the public API (the same contract clients use), so the demo shows
 * exactly what the product does. Safe to run again: every step finds what exists first.
 */
const ORG_NAME = 'Sở Tư pháp tỉnh Quảng Ninh (demo)';
const ORGANISER = { email: 'bantochuc@demo.gov.vn', password: 'BanToChuc@2026', fullName: 'Trần Minh Tổ Chức' };
const JUDGE = { email: 'giamkhao@demo.gov.vn', password: 'GiamKhao@2026', fullName: 'Lê Thị Giám Khảo' };
const RESIDENT_PASSWORD = 'CuDan@2026';
const RESIDENTS = [
  { fullName: 'Nguyễn Văn An', phone: '0912000001', nationalId: '022092000001', unit: 'UBND phường Hạ Long' },
  { fullName: 'Phạm Thị Bình', phone: '0912000002', nationalId: '022092000002', unit: 'Trường THPT Hòn Gai' },
  { fullName: 'Hoàng Văn Cường', phone: '0912000003', nationalId: '022092000003', unit: 'Công an phường Bãi Cháy' },
  { fullName: 'Đỗ Thị Dung', phone: '0912000004', nationalId: '022092000004', unit: 'UBND phường Hạ Long' },
  { fullName: 'Vũ Quang Em', phone: '0912000005', nationalId: '022092000005', unit: 'Trường THPT Hòn Gai' },
  { fullName: 'Bùi Thị Giang', phone: '0912000006', nationalId: '022092000006', unit: 'UBND phường Bãi Cháy' },
  { fullName: 'Ngô Văn Hải', phone: '0912000007', nationalId: '022092000007', unit: 'Sở Tư pháp' },
  { fullName: 'Lý Thị Hoa', phone: '0912000008', nationalId: '022092000008', unit: 'UBND phường Bãi Cháy' },
];
/** How often each resident above answers right: a board with a spread of scores. */
const ACCURACY = [0.95, 0.85, 0.8, 0.7, 0.9, 0.6, 0.75, 0.5];
const ESSAYS = [
  'Sáng kiến "Tổ bầu cử số": mỗi tổ dân phố lập một nhóm Zalo do tổ trưởng quản lý, mỗi tuần đăng một câu hỏi về Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân năm 2015 kèm trích dẫn điều luật; người trả lời đúng được ghi tên trên bảng tin của tổ.',
  'Đề xuất tổ chức "Ngày hội cử tri trẻ" tại các trường trung học phổ thông: học sinh đủ 18 tuổi được hướng dẫn quy trình bỏ phiếu theo Điều 69 và Điều 70 của Luật Bầu cử, thực hành trên phiếu mẫu và nghe giải thích về nguyên tắc bỏ phiếu kín.',
  'Xây dựng chuyên mục phát thanh 5 phút mỗi sáng trên loa truyền thanh của phường, đọc các quy định về quyền bầu cử, ứng cử (Điều 2, Điều 3) bằng lời văn dễ hiểu, xen kẽ tình huống thực tế và giải đáp thắc mắc của người dân.',
];
const UNITS = ['UBND phường Hạ Long', 'UBND phường Bãi Cháy', 'Trường THPT Hòn Gai', 'Công an phường Bãi Cháy', 'Sở Tư pháp'];

/** Rubrics as the official plans word them (criteria and maximum points). */
const ESSAY_RUBRIC = [
  { key: 'noi-dung', label: 'Nội dung: chính xác, đầy đủ, bám sát pháp luật về bầu cử', maxPoints: 50 },
  { key: 'sang-tao', label: 'Tính sáng tạo, khả năng áp dụng vào thực tế', maxPoints: 30 },
  { key: 'hinh-thuc', label: 'Hình thức trình bày', maxPoints: 20 },
];
const PRESENTATION_RUBRIC = [
  { key: 'noi-dung', label: 'Nội dung bài thuyết trình', maxPoints: 50 },
  { key: 'ky-nang', label: 'Kỹ năng truyền đạt, phong cách', maxPoints: 30 },
  { key: 'tra-loi', label: 'Trả lời câu hỏi của Ban giám khảo', maxPoints: 20 },
];

const PREDICTION = { prompt: 'Dự đoán: tuần này có bao nhiêu người trả lời đúng tất cả các câu hỏi?', target: 'perfect-score-entrants', countBy: 'people' };
const ESSAY_HAND_IN_MS = 30_000;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

async function main(): Promise<void> {
  const config = loadConfigOrExit({ ...process.env, AUTH_IP_RATE_LIMIT_PER_MINUTE: '100000', AUTH_RATE_LIMIT_PER_MINUTE: '100000', LOG_LEVEL: 'error' });
  if (!config.adminEmail || !config.adminPassword) throw new Error('ADMIN_EMAIL and ADMIN_PASSWORD must be set to seed the demo');
  const app = await createApi(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as { port: number };
  const api = new DemoClient(`http://127.0.0.1:${port}/api/v1`);
  try {
    const admin = await api.login(config.adminEmail, config.adminPassword);
    const org = await api.ensureOrganisation(admin, { name: ORG_NAME, level: 'province', province: 'Quảng Ninh' });
    const organiser = await api.ensureStaff(admin, { ...ORGANISER, role: 'organiser', organisationId: org.id });
    await api.ensureStaff(admin, { ...JUDGE, role: 'judge', organisationId: org.id });
    const judge = await api.login(JUDGE.email, JUDGE.password);
    const residents = [];
    for (const r of RESIDENTS) {
      residents.push(
        await api.ensureResident({
          ...r,
          password: RESIDENT_PASSWORD,
          dateOfBirth: '1992-03-15',
          province: 'Quảng Ninh',
          commune: 'Phường Hạ Long',
          consent: true,
        }),
      );
    }

    const bank = await api.ensureBank(organiser, {
      name: 'Ngân hàng câu hỏi Pháp luật bầu cử và Phòng, chống tham nhũng',
      description: 'Câu hỏi mẫu cho cuộc thi trực tuyến',
    });
    const added = await api.ensureQuestions(organiser, bank.id, DEMO_QUESTIONS);

    const now = Date.now();
    const election = await api.ensureContest(
      organiser,
      {
        title: 'Cuộc thi trực tuyến "Tìm hiểu pháp luật về bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân các cấp"',
        slug: 'tim-hieu-phap-luat-bau-cu',
        description: 'Cuộc thi dành cho mọi người dân trong tỉnh. Mỗi tuần một đợt thi; mỗi người được thi tối đa 3 lần mỗi tuần, lấy kết quả cao nhất.',
        unitList: UNITS,
        requiredFields: ['unit'],
      },
      [
        {
          // Already closed and published when the demo starts (the seed closes it early), so the
          // results, the decision PDF, exports and withheld keys have something to show.
          title: 'Tuần 1',
          kind: 'quiz',
          opensAt: new Date(now - 2 * HOUR).toISOString(),
          closesAt: new Date(now + HOUR).toISOString(),
          durationSeconds: 20 * 60,
          maxAttempts: 3,
          attemptScoring: 'best',
          selection: [
            { bankId: bank.id, types: ['single'], count: 15 },
            { bankId: bank.id, types: ['multiple'], count: 3 },
            { bankId: bank.id, types: ['true_false'], count: 2 },
          ],
          shuffleQuestions: true,
          shuffleOptions: true,
          predictionQuestion: PREDICTION,
          leaderboard: { visibility: 'live' },
          // The seed answers in milliseconds; real residents are judged at 2 s a question.
          integrity: { minSecondsPerQuestion: 0 },
          prizes: [
            { name: 'Giải Nhất', count: 1 },
            { name: 'Giải Nhì', count: 1 },
            { name: 'Giải Ba', count: 1 },
          ],
        },
        {
          title: 'Tuần 2',
          kind: 'quiz',
          opensAt: new Date(now - HOUR).toISOString(),
          closesAt: new Date(now + 7 * DAY).toISOString(),
          durationSeconds: 20 * 60,
          maxAttempts: 3,
          attemptScoring: 'best',
          selection: [
            { bankId: bank.id, types: ['single'], count: 15 },
            { bankId: bank.id, types: ['multiple'], count: 3 },
            { bankId: bank.id, types: ['true_false'], count: 2 },
          ],
          shuffleQuestions: true,
          shuffleOptions: true,
          predictionQuestion: PREDICTION,
          leaderboard: { visibility: 'live' },
          // 2 s for the 20 questions: the seed's residents "think" 2.5 s; its bot does not.
          integrity: { minSecondsPerQuestion: 0.1 },
          prizes: [
            { name: 'Giải Nhất', count: 1 },
            { name: 'Giải Nhì', count: 2 },
            { name: 'Giải Ba', count: 3 },
            { name: 'Giải Khuyến khích', count: 10 },
          ],
        },
        {
          // Hand-ins end a few seconds into the seed, so the judge finds entries ready to mark.
          title: 'Bài dự thi tự luận: sáng kiến tuyên truyền pháp luật về bầu cử',
          kind: 'judged',
          opensAt: new Date(now - HOUR).toISOString(),
          closesAt: new Date(now + ESSAY_HAND_IN_MS).toISOString(),
          durationSeconds: 24 * 3600,
          maxAttempts: 1,
          attemptScoring: 'last',
          selection: [{ bankId: bank.id, types: ['essay'], count: 1 }],
          shuffleQuestions: false,
          shuffleOptions: false,
          leaderboard: { visibility: 'hidden' },
          prizes: [{ name: 'Giải Nhất', count: 1 }],
        },
      ],
    );

    const rapporteur = await api.ensureContest(
      organiser,
      {
        title: 'Hội thi "Báo cáo viên, tuyên truyền viên pháp luật giỏi về phòng, chống tham nhũng"',
        slug: 'bao-cao-vien-phong-chong-tham-nhung',
        description: 'Vòng 1 thi trắc nghiệm trực tuyến; những người đứng đầu vào vòng thuyết trình do Ban giám khảo chấm.',
        unitList: UNITS,
        requiredFields: ['unit'],
      },
      [
        {
          title: 'Vòng 1: Thi trắc nghiệm trực tuyến',
          kind: 'quiz',
          opensAt: new Date(now - HOUR).toISOString(),
          closesAt: new Date(now + 5 * DAY).toISOString(),
          durationSeconds: 30 * 60,
          maxAttempts: 1,
          attemptScoring: 'best',
          selection: [
            { bankId: bank.id, types: ['single', 'true_false'], count: 25 },
            { bankId: bank.id, types: ['numeric', 'short_text'], count: 5 },
          ],
          shuffleQuestions: true,
          shuffleOptions: true,
          leaderboard: { visibility: 'hidden' },
          advancement: { mode: 'top', topN: 10 },
        },
        {
          title: 'Vòng 2: Thuyết trình trước Ban giám khảo',
          kind: 'judged',
          opensAt: new Date(now + 6 * DAY).toISOString(),
          closesAt: new Date(now + 10 * DAY).toISOString(),
          durationSeconds: 24 * 3600,
          maxAttempts: 1,
          attemptScoring: 'last',
          selection: [{ bankId: bank.id, types: ['essay'], count: 1 }],
          shuffleQuestions: false,
          shuffleOptions: false,
          leaderboard: { visibility: 'hidden' },
          entry: 'enrolled',
          prizes: [
            { name: 'Giải Nhất', count: 1 },
            { name: 'Giải Nhì', count: 1 },
            { name: 'Giải Ba', count: 2 },
          ],
        },
      ],
    );
    for (const c of [election, rapporteur]) await api.assignJudge(organiser, c.roundIds, judge.user.id);
    await api.ensureJury(organiser, election.roundIds[2], { rubric: ESSAY_RUBRIC, headJudgeUserId: judge.user.id });
    await api.ensureJury(organiser, rapporteur.roundIds[1], {
      rubric: PRESENTATION_RUBRIC,
      headJudgeUserId: judge.user.id,
      // 15 minutes to present; each started minute over costs a point.
      penalties: [{ kind: 'overtime', limitSeconds: 15 * 60, points: 1, per: 'started-minute', maxPoints: 10 }],
      reconciliationGap: 15,
    });
    for (const r of residents) await api.ensureRegistration(r, election.id, { unit: r.unit });
    await seedActivity(api, { organiser, judge, residents, electionRoundIds: election.roundIds });

    const logins = [
      'Demo logins (password after the slash):',
      `    admin       ${config.adminEmail} / ${config.adminPassword}`,
      `    organiser   ${ORGANISER.email} / ${ORGANISER.password}`,
      `    judge       ${JUDGE.email} / ${JUDGE.password}`,
      ...RESIDENTS.map((r) => `    resident    ${r.phone} / ${RESIDENT_PASSWORD}   (${r.fullName}, ${r.unit})`),
      `  Contests: /api/v1/contests/${election.slug}  and  /api/v1/contests/${rapporteur.slug}`,
    ].join('\n');
    mkdirSync(join(process.cwd(), '.run'), { recursive: true });
    writeFileSync(join(process.cwd(), '.run', 'demo-logins.txt'), `  ${logins}\n`);
    process.stdout.write(`demo seeded: ${ORG_NAME}; ${added} question(s) added to the bank; contests ${election.slug}, ${rapporteur.slug}\n`);
  } finally {
    await app.close();
  }
}

/**
 * The living part of the demo: a published week, a week in progress with a flagged bot and an
 * unfinished attempt, essays waiting for the judge (one already marked).
 */
async function seedActivity(api: DemoClient, who: { organiser: Login; judge: Login; residents: Login[]; electionRoundIds: string[] }): Promise<void> {
  const activity = new DemoActivity(api, DEMO_QUESTIONS);
  const [week1, week2, essay] = who.electionRoundIds;
  const entrants = who.residents.map((login, i) => ({ login, accuracy: ACCURACY[i] ?? 0.5, device: `demo-phone-${i + 1}` }));

  // The essays first: their hand-in window ends a few seconds into the seed.
  const essayWindow = await activity.window(who.organiser, essay);
  if (essayWindow === 'open') for (let i = 0; i < ESSAYS.length; i++) await activity.handIn(entrants[i].login, essay, ESSAYS[i]);

  if ((await activity.window(who.organiser, week1)) === 'open') {
    for (const [i, e] of entrants.entries()) await activity.attempt(e, week1, { submit: true, thinkMs: 0, prediction: 2 + i, seed: 101 + i });
    await activity.closeAndPublish(who.organiser, who.judge, week1);
  }

  if ((await activity.window(who.organiser, week2)) === 'open') {
    const bot = entrants.length - 1;
    await Promise.all(
      entrants.map((e, i) => {
        if (i === bot) return activity.attempt({ ...e, accuracy: 1 }, week2, { submit: true, thinkMs: 0, prediction: 1, seed: 201 + i });
        if (i === bot - 1) return activity.attempt(e, week2, { submit: false, thinkMs: 0, seed: 201 + i });
        return activity.attempt(e, week2, { submit: true, thinkMs: 2500, prediction: 3 + i, seed: 201 + i });
      }),
    );
  }

  const closesAt = await activity.closesAt(who.organiser, essay);
  if (closesAt.getTime() - Date.now() < 2 * 60_000) {
    await activity.until(closesAt);
    await activity.markFirstEntry(who.judge, essay, { 'noi-dung': 42, 'sang-tao': 24, 'hinh-thuc': 17 }, 'Ý tưởng thiết thực, trích dẫn đúng điều luật.');
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`seed-demo failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
