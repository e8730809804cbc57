import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import { JsonClient, must } from './http-client';

export interface Seed {
  organisationId: string;
  organiserToken: string;
  bankId: string;
  contestId: string;
  roundId: string;
  /** A second open round of the same contest, for the 1,000,000-entry board. */
  bigRoundId: string;
}

const PROVINCES = ['Hà Nội', 'Quảng Ninh', 'Thành phố Hồ Chí Minh', 'Đà Nẵng', 'Nghệ An', 'Cần Thơ'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const GIVEN = ['Thị Bình', 'Văn An', 'Minh Châu', 'Đức Huy', 'Thu Hà', 'Quốc Bảo', 'Ngọc Lan'];

/** An organisation and its organiser, signed in — through the API, as the admin. */
export async function seedOrganiser(
  http: JsonClient,
  admin: { email: string; password: string },
  names: { organisation: string; organiser: string; email: string },
): Promise<{ organisationId: string; token: string }> {
  const a = await must(http.call('seed', 'POST', '/auth/login', { login: admin.email, password: admin.password }), 'admin login');
  const org = await must(
    http.call('seed', 'POST', '/organisations', { name: names.organisation, level: 'province', province: 'Quảng Ninh' }, a.accessToken),
    'organisation',
  );
  await must(
    http.call(
      'seed',
      'POST',
      '/users',
      { fullName: names.organiser, email: names.email, password: 'bench-password-1', role: 'organiser', organisationId: org.id },
      a.accessToken,
    ),
    'organiser',
  );
  const o = await must(http.call('seed', 'POST', '/auth/login', { login: names.email, password: 'bench-password-1' }), 'organiser login');
  return { organisationId: org.id, token: o.accessToken };
}

/** Staff, a bank of `questions` single-choice questions, a published contest and two open rounds — through the API. */
export async function seedContest(http: JsonClient, admin: { email: string; password: string }, questions: number, durationSeconds: number): Promise<Seed> {
  const staff = await seedOrganiser(http, admin, {
    organisation: `Sở Tư pháp bench ${Date.now()}`,
    organiser: 'Cán bộ Bench',
    email: `organiser.${Date.now()}@bench.local`,
  });
  const token = staff.token;
  const bank = await must(
    http.call('seed', 'POST', '/question-banks', { name: 'Luật Bầu cử (bench)', description: 'Câu hỏi trắc nghiệm cho bài đo tải' }, token),
    'bank',
  );
  for (let i = 0; i < questions; i++) {
    const right = i % 4;
    await must(
      http.call(
        'seed',
        'POST',
        `/question-banks/${bank.id}/questions`,
        {
          type: 'single',
          stem: `Câu ${i + 1}: Theo Luật Bầu cử đại biểu Quốc hội và HĐND, điều kiện thứ ${i + 1} là gì?`,
          options: [0, 1, 2, 3].map((k) => ({ text: `Phương án ${String.fromCharCode(65 + k)} của câu ${i + 1}`, correct: k === right })),
          difficulty: (i % 3) + 1,
          points: 1,
          topic: 'Luật Bầu cử 2015',
        },
        token,
      ),
      `question ${i + 1}`,
    );
  }
  const contest = await must(
    http.call(
      'seed',
      'POST',
      '/contests',
      { title: 'Tìm hiểu pháp luật về bầu cử (bench)', slug: `bench-${Date.now().toString(36)}`, description: 'Bài đo tải' },
      token,
    ),
    'contest',
  );
  const now = Date.now();
  const round = (seq: number) =>
    must(
      http.call(
        'seed',
        'POST',
        `/contests/${contest.id}/rounds`,
        {
          title: `Tuần ${seq}`,
          kind: 'quiz',
          opensAt: new Date(now - 1000).toISOString(),
          closesAt: new Date(now + 6 * 3600_000).toISOString(),
          durationSeconds,
          maxAttempts: 3,
          attemptScoring: 'best',
          selection: [{ bankId: bank.id, count: 20 }],
          leaderboard: { visibility: 'live' },
        },
        token,
      ),
      `round ${seq}`,
    );
  const r1 = await round(1);
  const r2 = await round(2);
  await must(http.call('seed', 'POST', `/contests/${contest.id}/publish`, {}, token), 'publish');
  // A round whose opening time has passed opens on publication (else the worker's job opens it).
  for (const r of [r1, r2]) {
    for (let i = 0; ; i++) {
      const got = await must(http.call('seed', 'GET', `/rounds/${r.id}`, undefined, token), 'round');
      if (got.status === 'open') break;
      if (i > 120) throw new Error(`round ${r.id} did not open (status ${got.status})`);
      await new Promise((res) => setTimeout(res, 500));
    }
  }
  return { organisationId: staff.organisationId, organiserToken: token, bankId: bank.id, contestId: contest.id, roundId: r1.id, bigRoundId: r2.id };
}

export interface Resident {
  id: string;
  token: string;
}

/**
 * Residents are inserted in bulk and given tokens signed with the api's secret: sign-up
 * (argon2) is not what this bench measures, and 10,000 sign-ups would take minutes of CPU.
 * Everything they do afterwards goes through the API.
 */
export async function createResidents(databaseUrl: string, jwtSecret: string, count: number, label: string): Promise<Resident[]> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const jwt = new JwtService({ secret: jwtSecret });
  const out: Resident[] = [];
  try {
    for (let i = 0; i < count; i += 5000) {
      const n = Math.min(5000, count - i);
      const ids = Array.from({ length: n }, () => randomUUID());
      const names = ids.map((_, k) => `${FAMILY[(i + k) % FAMILY.length]} ${GIVEN[(i + k) % GIVEN.length]} ${label}${i + k}`);
      const provinces = ids.map((_, k) => PROVINCES[(i + k) % PROVINCES.length]);
      await db.query(
        `INSERT INTO "user" (id, full_name, password_hash, role, province, unit)
         SELECT id, name, 'bench-no-password', 'resident', province, 'Đơn vị bench'
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(id, name, province)`,
        [ids, names, provinces],
      );
      for (const id of ids) {
        const token = jwt.sign(
          { sub: id, role: 'resident', org: null, tv: 0, typ: 'access' },
          { expiresIn: 4 * 3600, jwtid: randomUUID(), algorithm: 'HS256' },
        );
        out.push({ id, token });
      }
    }
  } finally {
    await db.end();
  }
  return out;
}
