import { api, buildUrl, seg } from '../shared/api/client';
import { earlySentAt } from '../shared/api/early';
import type { AuthResponse, BoardConcealment, Contest, LeaderboardRow, MyAttempt, MyRank, Page, Round, SubmitResult } from '../shared/api/types';
import { normaliseAttempt } from './attempt/attempt-model';

/** Lists come as { items, total } (SPEC "paged lists"); a bare array is accepted too. */
export function asPage<T>(v: unknown): Page<T> {
  if (Array.isArray(v)) return { items: v as T[], total: v.length };
  const o = (v ?? {}) as { items?: T[]; total?: number; top?: T[]; rows?: T[] };
  const items = o.items ?? o.top ?? o.rows ?? [];
  return { items, total: typeof o.total === 'number' ? o.total : items.length };
}

/** GET /rounds/:id/my-attempts: { items, remaining, inProgress } — the last two when the server says them. */
async function myAttemptsInfo(roundId: string): Promise<{ items: MyAttempt[]; remaining: number | null; inProgress: string | null }> {
  const raw = await api.get<{ remaining?: number; inProgress?: string | null }>(`/rounds/${seg(roundId)}/my-attempts`);
  const page = asPage<MyAttempt>(raw);
  return {
    items: page.items,
    remaining: typeof raw?.remaining === 'number' ? raw.remaining : null,
    inProgress: typeof raw?.inProgress === 'string' ? raw.inProgress : null,
  };
}

export const residentApi = {
  register: (body: Record<string, unknown>) => api.post<AuthResponse>('/auth/register', body, { auth: false }),
  login: (login: string, password: string) => api.post<AuthResponse>('/auth/login', { login, password }, { auth: false }),
  me: () => api.get<AuthResponse['user']>('/me'),

  contests: async (limit = 50, offset = 0) => asPage<Contest>(await api.get('/contests', { limit, offset })),
  contest: (idOrSlug: string) => api.get<Contest>(`/contests/${seg(idOrSlug)}`),
  rounds: async (contestIdOrSlug: string) => asPage<Round>(await api.get(`/contests/${seg(contestIdOrSlug)}/rounds`)).items,
  round: (roundId: string) => api.get<Round>(`/rounds/${seg(roundId)}`),
  joinContest: (contestId: string, body: { unit?: string; fields?: Record<string, string> }) => api.post<unknown>(`/contests/${seg(contestId)}/register`, body),
  myRegistration: (contestId: string) => api.get<{ id: string; unit: string | null }>(`/contests/${seg(contestId)}/registration`),

  startAttempt: async (roundId: string) => {
    const sentAt = Date.now();
    const raw = await api.post<unknown>(`/rounds/${seg(roundId)}/attempts`, {});
    return { attempt: normaliseAttempt(raw), sentAt, receivedAt: Date.now() };
  },
  getAttempt: async (attemptId: string) => {
    const sentAt = Date.now();
    const raw = await api.get<unknown>(`/attempts/${seg(attemptId)}`);
    return { attempt: normaliseAttempt(raw), sentAt: earlySentAt(buildUrl(`/attempts/${seg(attemptId)}`)) ?? sentAt, receivedAt: Date.now() };
  },
  saveAnswer: (attemptId: string, questionId: string, body: Record<string, unknown>) =>
    api.put<{ serverTime?: string; seq?: number } | undefined>(`/attempts/${seg(attemptId)}/answers/${seg(questionId)}`, body, { timeoutMs: 12_000 }),
  submit: (attemptId: string, prediction: number | undefined, idempotencyKey: string) =>
    api.post<SubmitResult>(`/attempts/${seg(attemptId)}/submit`, prediction === undefined ? {} : { prediction }, {
      headers: { 'Idempotency-Key': idempotencyKey },
      timeoutMs: 30_000,
    }),
  myAttemptsInfo,
  /** Integrity signal (focus lost, tab hidden…); keepalive so it leaves even as the page hides. */
  attemptEvent: (attemptId: string, kind: string, at: string) =>
    api.post<unknown>(`/attempts/${seg(attemptId)}/events`, { kind, at }, { keepalive: true, timeoutMs: 10_000 }),

  leaderboard: async (roundId: string, limit = 20, offset = 0) => {
    const raw = await api.get<{ frozen?: boolean; at?: string; total?: number | null; concealed?: BoardConcealment }>(`/rounds/${seg(roundId)}/leaderboard`, {
      limit,
      offset,
    });
    const page = asPage<LeaderboardRow>(raw);
    // null: the server keeps the count back while the round's prediction is open.
    return { items: page.items, total: raw?.total === null ? null : page.total, frozen: Boolean(raw?.frozen), at: raw?.at, concealed: raw?.concealed ?? null };
  },
  myRank: (roundId: string) => api.get<MyRank | null>(`/rounds/${seg(roundId)}/leaderboard/me`),
};
