import { randomUUID } from 'node:crypto';
import { residentInput } from '../factories';
import { entrant, questionInput, quizRound } from '../../libs/contests/test/factories';
import { draftContestOfA, newResident, newStaff, ok, publishedContestOfA, RoleName, roundOfA, World } from './fixtures';
import type { RouteRef } from './routes';

export interface Call {
  /** Replaces the caller's token (e.g. a fresh resident for DELETE /me). */
  token?: string | null;
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  raw?: FormData;
}

type Build = (w: World, role: RoleName) => Promise<Call> | Call;

/** Path parameters by the resource the path names, for routes that need nothing special. */
function defaultParams(w: World, route: RouteRef): Record<string, string> {
  const first = route.path.split('/')[1];
  // Judged-round routes name the judged round; every other round route the quiz round.
  const judged = /^\/rounds\/:id\/(jury|entries|my-entry|brief)$/.test(route.path);
  const id =
    {
      contests: w.contestId,
      rounds: judged ? w.judgedRoundId : w.roundId,
      attempts: w.attempt.id,
      'question-banks': w.a.bankId,
      organisations: w.a.org.id,
      users: w.judgeUnassigned.user.id,
      entries: w.entryId,
    }[first] ?? randomUUID();
  const questionId = first === 'attempts' ? w.attempt.questions[0].id : w.a.questions[0].id;
  return { id, questionId, userId: w.resident.user.id };
}

/** A fresh, empty topic of A's bank (calls rename or delete it). */
const topicOfA = (w: World): Promise<{ id: string }> =>
  ok(w.http.post(`/question-banks/${w.a.bankId}/topics`, { name: `Chủ đề ${randomUUID().slice(0, 8)}` }, w.a.organiser.token), 'topic');

const aiken = () => `Câu hỏi thử quyền ${randomUUID()}?\nA) Có\nB) Không\nANSWER: A\n`;

/**
 * Valid bodies, so a caller who passes the guard reaches the tenancy check (validation runs
 * before the service and would otherwise hide a 404 behind a 400); fresh records for calls
 * that consume or destroy what they touch.
 */
const SPECIAL: Record<string, Build> = {
  // A well-formed answer, so staff reach the role check (400 would hide it); the quiz round answers 409 not_a_live_round.
  'POST /rounds/:id/live/answers': () => ({ body: { questionId: 'q-none', optionIds: ['o-none'] } }),
  'POST /auth/register': () => ({ body: residentInput() }),
  'POST /auth/login': (w) => ({ body: { login: w.resident.input.phone, password: w.resident.input.password } }),
  'POST /auth/refresh': async (w) => ({
    body: { refreshToken: (await ok(w.http.post('/auth/login', { login: w.resident.input.phone, password: w.resident.input.password }))).refreshToken },
  }),
  'POST /auth/logout': async (w) => ({
    body: { refreshToken: (await ok(w.http.post('/auth/login', { login: w.resident.input.phone, password: w.resident.input.password }))).refreshToken },
  }),
  'DELETE /me': async (w, role) => {
    if (role !== 'resident') return { body: { password: 'staff-password-1' } };
    const fresh = await newResident(w.http);
    return { token: fresh.token, body: { password: fresh.input.password } };
  },
  'POST /auth/password-reset/request': (w) => ({ body: { login: w.resident.input.phone } }),
  // A wrong code: refused as such (400), nothing changes.
  'POST /auth/password-reset/confirm': (w) => ({ body: { login: w.resident.input.phone, code: '000000', newPassword: 'mat-khau-moi-rat-kho' } }),
  'PATCH /me': () => ({ body: { unit: 'Trường THPT Hòn Gai' } }),
  // The wrong current password: refused as such (400), the caller's sessions live on.
  'POST /me/password': () => ({ body: { currentPassword: 'not-the-password', newPassword: 'mat-khau-moi-rat-kho' } }),
  // It ends every session: a fresh account of the same kind, never the fixture's.
  'POST /me/sign-out-everywhere': async (w, role) => {
    if (role === 'anonymous') return {};
    if (role === 'resident') return { token: (await newResident(w.http)).token };
    const kind = role === 'admin' ? 'admin' : role.startsWith('organiser') ? 'organiser' : 'judge';
    return { token: (await newStaff(w.http, w.admin, kind, kind === 'admin' ? undefined : w.a.org.id)).token };
  },
  'POST /organisations': () => ({ body: { name: `Sở Tư pháp ${randomUUID().slice(0, 8)}`, level: 'province', province: 'Quảng Ninh' } }),
  'POST /users': (w) => ({
    body: {
      fullName: 'Cán bộ thử',
      email: `authz.${randomUUID().slice(0, 12)}@test.local`,
      password: 'staff-password-1',
      role: 'judge',
      organisationId: w.a.org.id,
    },
  }),
  'DELETE /users/:id': async (w) => ({ params: { id: (await newStaff(w.http, w.admin, 'judge', w.a.org.id)).user.id } }),
  // A no-op edit, so organisation A stays as the other calls expect it.
  'PATCH /organisations/:id': () => ({ body: { level: 'province', province: 'Quảng Ninh' } }),
  'PATCH /users/:id': () => ({ body: { fullName: 'Cán bộ đổi tên' } }),
  // A fresh account: a reset ends the sessions of the one it names.
  'POST /users/:id/password-reset': async (w) => ({ params: { id: (await newStaff(w.http, w.admin, 'judge', w.a.org.id)).user.id }, body: {} }),
  'POST /users/import': () => {
    const form = new FormData();
    form.append(
      'file',
      new Blob([`Họ và tên,Email,Vai trò\r\nCán Bộ Thử,authz.${randomUUID().slice(0, 12)}@test.local,quản trị\r\n`], { type: 'text/csv' }),
      'can-bo.csv',
    );
    return { query: 'dryRun=true', raw: form };
  },
  'GET /users/import-template': () => ({ query: 'format=csv' }),
  // Admins name the owning organisation; for anyone else organisationId is refused (their own is implied).
  'POST /question-banks': (w, role) => ({
    body: { name: `Ngân hàng ${randomUUID().slice(0, 8)}`, ...(role === 'admin' ? { organisationId: w.a.org.id } : {}) },
  }),
  'POST /question-banks/:id/questions': () => ({ body: questionInput(Math.floor(Math.random() * 1e6)) }),
  'PATCH /question-banks/:id/questions/:questionId': () => ({ body: { difficulty: 2 } }),
  'DELETE /question-banks/:id/questions/:questionId': async (w) => {
    const q = await ok(w.http.post(`/question-banks/${w.a.bankId}/questions`, questionInput(Math.floor(Math.random() * 1e6)), w.a.organiser.token), 'question');
    return { params: { questionId: q.id } };
  },
  'POST /question-banks/:id/import': () => {
    const form = new FormData();
    form.append('file', new Blob([aiken()], { type: 'text/plain' }), 'cau-hoi.txt');
    return { query: 'format=aiken&dryRun=true', raw: form };
  },
  'GET /question-banks/:id/export': () => ({ query: 'format=csv' }),
  'POST /question-banks/:id/topics': () => ({ body: { name: `Chủ đề ${randomUUID().slice(0, 8)}` } }),
  'PATCH /question-banks/:id/topics/:topicId': async (w) => ({
    params: { topicId: (await topicOfA(w)).id },
    body: { name: `Đổi tên ${randomUUID().slice(0, 8)}` },
  }),
  'DELETE /question-banks/:id/topics/:topicId': async (w) => ({ params: { topicId: (await topicOfA(w)).id } }),
  'GET /question-banks/import-template': () => ({ query: 'format=csv' }),
  'POST /contests': (w, role) => ({ body: { title: `Cuộc thi ${randomUUID().slice(0, 8)}`, ...(role === 'admin' ? { organisationId: w.a.org.id } : {}) } }),
  'PATCH /contests/:id': () => ({ body: { description: 'Thể lệ cập nhật' } }),
  'POST /contests/:id/publish': async (w) => ({ params: { id: await draftContestOfA(w) } }),
  'POST /contests/:id/close': async (w) => ({ params: { id: await publishedContestOfA(w) } }),
  'POST /contests/:id/archive': async (w) => ({ params: { id: await publishedContestOfA(w) } }),
  'POST /contests/:id/register': () => ({ body: {} }),
  'POST /contests/:id/rounds': async (w) => ({
    params: { id: await draftContestOfA(w) },
    body: quizRound(w.a.bankId, { title: 'Vòng thêm', selection: [{ bankId: w.a.bankId, count: 2 }] }),
  }),
  'PATCH /rounds/:id': () => ({ body: { title: 'Tuần 1 (sửa)' } }),
  'POST /rounds/:id/judges': (w) => ({ body: { userId: w.judgeAssigned.user.id } }),
  // A fresh round with the assigned judge on it, for each caller to take them off.
  'DELETE /rounds/:id/judges/:userId': async (w) => ({ params: { id: await roundOfA(w, w.judgeAssigned.user.id), userId: w.judgeAssigned.user.id } }),
  // Recusing ends the assignment: the judges recuse from a round of their own for this call.
  'DELETE /rounds/:id': async (w, role) => ({ params: { id: await roundOfA(w, role === 'judgeAssigned' ? w.judgeAssigned.user.id : undefined) } }),
  'POST /rounds/:id/judges/me/recuse': async (w, role) => ({
    params: { id: await roundOfA(w, role === 'judgeAssigned' ? w.judgeAssigned.user.id : undefined) },
    body: { reason: 'Người thân dự thi' },
  }),
  'GET /organisations/:id/report': () => ({ query: 'year=2026' }),
  'POST /rounds/:id/entries': () => ({ body: { text: 'Bản sửa đề cương' } }),
  'POST /attempts/:id/void': () => ({ body: { reason: 'Cùng thiết bị với 4 tài khoản khác' } }),
  'POST /attempts/:id/reinstate': () => ({ body: { reason: 'Đã xác minh: không gian lận' } }),
  'POST /attempts/:id/clear': () => ({ body: { reason: 'Đã xác minh: làm bài thật, giữ kết quả' } }),
  'POST /rounds/:id/results/corrections': () => ({ body: { reason: 'Sửa kết quả sau khiếu nại' } }),
  'POST /rounds/:id/results/corrections/preview': () => ({ body: { reason: 'Sửa kết quả sau khiếu nại' } }),
  'POST /rounds/:id/results/exports': () => ({ body: { format: 'xlsx' } }),
  'POST /rounds/:id/winners/:userId/identity': () => ({ body: { reason: 'Xác minh danh tính trước khi trao giải' } }),
  'POST /rounds/:id/winners/:userId/verification': () => ({ body: { status: 'verified', reason: 'Đã đối chiếu CCCD bản gốc' } }),
  'POST /rounds/:id/winners/payout-export': () => ({ body: { reason: 'Lập danh sách chi trả giải thưởng', format: 'csv' } }),
  'GET /rounds/:id/results/export': () => ({ query: 'format=csv' }),
  'POST /rounds/:id/advance': () => ({ body: {} }),
  'POST /rounds/:id/advance/preview': () => ({ body: {} }),
  'PUT /rounds/:id/brief': () => ({ body: { brief: 'Trình bày bốn nguyên tắc bầu cử', handInKinds: ['text'] } }),
  'PUT /attempts/:id/answers/:questionId': (w) => ({ body: { optionIds: [w.attempt.questions[0].options[0].id] } }),
  'POST /attempts/:id/events': () => ({ body: { kind: 'focus_lost' } }),
  // The resident submits an attempt of their own made for this call, so the shared one stays open.
  'POST /attempts/:id/submit': async (w, role) => {
    if (role !== 'resident') return { body: {} };
    const fresh = await entrant(w.http, w.contestId);
    const at = await ok(w.http.post(`/rounds/${w.roundId}/attempts`, {}, fresh.token), 'start');
    return { token: fresh.token, params: { id: at.id }, body: {} };
  },
};

/** The request one role makes to one route. */
export async function buildCall(w: World, route: RouteRef, role: RoleName): Promise<{ path: string; call: Call }> {
  const special = SPECIAL[route.key];
  const call: Call = special ? await special(w, role) : {};
  if (call.body === undefined && call.raw === undefined && ['POST', 'PUT', 'PATCH'].includes(route.method)) call.body = {};
  const params = { ...defaultParams(w, route), ...(call.params ?? {}) };
  const path = route.url.replace(/:(\w+)/g, (_, name: string) => params[name] ?? randomUUID()) + (call.query ? `?${call.query}` : '');
  return { path, call };
}
