import { api, seg } from '../shared/api/client';
import { ApiError } from '../shared/api/errors';
import type { Page } from '../shared/api/types';
import { asPage } from '../resident/api';

export interface EntryRow {
  id: string;
  attemptId?: string;
  userId?: string;
  fullName?: string;
  displayName?: string;
  unit?: string | null;
  province?: string | null;
  status?: string;
  score?: number | null;
  maxScore?: number | null;
  timeTakenMs?: number | null;
  submittedAt?: string | null;
  flags?: unknown;
  evidence?: unknown;
  voidReason?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  deviceId?: string | null;
  events?: number;
  attemptNo?: number;
}

export const judgeApi = {
  /**
   * A round's attempts with their integrity flags. The attempts module serves them at
   * /rounds/:id/attempts; SPEC names /rounds/:id/entries, tried when the first is not routed.
   */
  entries: async (roundId: string, flagged: boolean, limit = 50, offset = 0): Promise<Page<EntryRow>> => {
    const query = { flagged: flagged ? 'true' : undefined, limit, offset };
    try {
      return asPage<EntryRow>(await api.get(`/rounds/${seg(roundId)}/attempts`, query));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404 && e.code !== 'not_found') return asPage<EntryRow>(await api.get(`/rounds/${seg(roundId)}/entries`, query));
      throw e;
    }
  },
  voidAttempt: (attemptId: string, reason: string) => api.post<unknown>(`/attempts/${seg(attemptId)}/void`, { reason }),
  reinstate: (attemptId: string, reason: string) => api.post<unknown>(`/attempts/${seg(attemptId)}/reinstate`, { reason }),
  closeRound: (roundId: string) => api.post<unknown>(`/rounds/${seg(roundId)}/close`),
  publishResults: (roundId: string) => api.post<unknown>(`/rounds/${seg(roundId)}/results/publish`),
  results: (roundId: string) => api.get<unknown>(`/rounds/${seg(roundId)}/results`),
};
