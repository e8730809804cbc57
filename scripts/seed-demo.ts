import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfigOrExit } from '@lc/platform';
import { createApi } from '../apps/api/src/bootstrap';
import { DEMO_QUESTIONS } from './seed/demo-questions';
import { DemoClient } from './seed/demo-client';

/**
 * Seeds the demo through the public API (the same contract clients use), so the demo shows
 * exactly what the product does. Safe to run again: every step finds what exists first.
 */
const ORG_NAME = 'Sở Tư pháp tỉnh Quảng Ninh (demo)';
const ORGANISER = { email: 'bantochuc@demo.gov.vn', password: 'BanToChuc@2026', fullName: 'Trần Minh Tổ Chức' };
const JUDGE = { email: 'giamkhao@demo.gov.vn', password: 'GiamKhao@2026', fullName: 'Lê Thị Giám Khảo' };
const RESIDENT_PASSWORD = 'CuDan@2026';
const RESIDENTS = [
  { fullName: 'Nguyễn Văn An', phone: '0912000001', nationalId: '022090000001', unit: 'UBND phường Hạ Long' },
  { fullName: 'Phạm Thị Bình', phone: '0912000002', nationalId: '022090000002', unit: 'Trường THPT Hòn Gai' },
  { fullName: 'Hoàng Văn Cường', phone: '0912000003', nationalId: '022090000003', unit: 'Công an phường Bãi Cháy' },
  { fullName: 'Đỗ Thị Dung', phone: '0912000004', nationalId: '022090000004', unit: 'UBND phường Hạ Long' },
  { fullName: 'Vũ Quang Em', phone: '0912000005', nationalId: '022090000005', unit: 'Trường THPT Hòn Gai' },
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
        await api.ensureResident({ ...r, password: RESIDENT_PASSWORD, dateOfBirth: '1992-03-15', province: 'Quảng Ninh', commune: 'Phường Hạ Long', consent: true }),
      );
    }

    const bank = await api.ensureBank(organiser, { name: 'Ngân hàng câu hỏi Pháp luật bầu cử và Phòng, chống tham nhũng', description: 'Câu hỏi mẫu cho cuộc thi trực tuyến' });
    const added = await api.ensureQuestions(organiser, bank.id, DEMO_QUESTIONS);

    const now = Date.now();
    const election = await api.ensureContest(organiser, {
      title: 'Cuộc thi trực tuyến "Tìm hiểu pháp luật về bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân các cấp"',
      slug: 'tim-hieu-phap-luat-bau-cu',
      description: 'Cuộc thi dành cho mọi người dân trong tỉnh. Mỗi tuần một đợt thi; mỗi người được thi tối đa 3 lần mỗi tuần, lấy kết quả cao nhất.',
      unitList: UNITS,
      requiredFields: ['unit'],
    }, [
      {
        title: 'Tuần 1',
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
        predictionQuestion: { prompt: 'Dự đoán: tuần này có bao nhiêu người trả lời đúng tất cả các câu hỏi?', target: 'perfect-score-entrants', countBy: 'people' },
        leaderboard: { visibility: 'live' },
        prizes: [
          { name: 'Giải Nhất', count: 1 },
          { name: 'Giải Nhì', count: 2 },
          { name: 'Giải Ba', count: 3 },
          { name: 'Giải Khuyến khích', count: 10 },
        ],
      },
      {
        title: 'Tuần 2',
        kind: 'quiz',
        opensAt: new Date(now + 7 * DAY).toISOString(),
        closesAt: new Date(now + 14 * DAY).toISOString(),
        durationSeconds: 20 * 60,
        maxAttempts: 3,
        attemptScoring: 'best',
        selection: [{ bankId: bank.id, types: ['single'], count: 20 }],
        shuffleQuestions: true,
        shuffleOptions: true,
        predictionQuestion: { prompt: 'Dự đoán: tuần này có bao nhiêu người trả lời đúng tất cả các câu hỏi?', target: 'perfect-score-entrants', countBy: 'people' },
        leaderboard: { visibility: 'frozen', freezeAt: new Date(now + 13 * DAY).toISOString() },
        prizes: [{ name: 'Giải Nhất', count: 1 }, { name: 'Giải Nhì', count: 2 }],
      },
      {
        title: 'Bài dự thi tự luận: sáng kiến tuyên truyền pháp luật về bầu cử',
        kind: 'judged',
        opensAt: new Date(now - HOUR).toISOString(),
        closesAt: new Date(now + 14 * DAY).toISOString(),
        durationSeconds: 24 * 3600,
        maxAttempts: 1,
        attemptScoring: 'last',
        selection: [{ bankId: bank.id, types: ['essay'], count: 1 }],
        shuffleQuestions: false,
        shuffleOptions: false,
        leaderboard: { visibility: 'hidden' },
        prizes: [{ name: 'Giải Nhất', count: 1 }],
      },
    ]);

    const rapporteur = await api.ensureContest(organiser, {
      title: 'Hội thi "Báo cáo viên, tuyên truyền viên pháp luật giỏi về phòng, chống tham nhũng"',
      slug: 'bao-cao-vien-phong-chong-tham-nhung',
      description: 'Vòng 1 thi trắc nghiệm trực tuyến; những người đứng đầu vào vòng thuyết trình do Ban giám khảo chấm.',
      unitList: UNITS,
      requiredFields: ['unit'],
    }, [
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
        prizes: [{ name: 'Giải Nhất', count: 1 }, { name: 'Giải Nhì', count: 1 }, { name: 'Giải Ba', count: 2 }],
      },
    ]);
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

main().catch((e: unknown) => {
  process.stderr.write(`seed-demo failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
