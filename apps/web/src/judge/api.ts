import { api, seg } from '../shared/api/client';
import type {
  CloseOutcome,
  CorrectionView,
  EntryFacts,
  EntryMarks,
  EntryView,
  ExportView,
  JudgeAssignment,
  JudgedEntryRow,
  JuryView,
  MarkingSummary,
  PlaceExplanation,
  StaffResults,
  WithheldQuestion,
} from '../shared/api/judging-types';
import type { CorrectionCandidate, CorrectionPreview } from '../shared/api/staff-console-types';
import type { components } from '../shared/api/schema';
import type { Page } from '../shared/api/types';
import { asPage } from '../resident/api';

/** A quiz round's attempt as GET /rounds/:id/entries lists it for staff (with integrity data and the judges' review). */
export type StaffAttemptRow = components['schemas']['StaffAttemptResponse'];

const r = (roundId: string) => `/rounds/${seg(roundId)}`;

export const judgeApi = {
  /** The rounds the signed-in judge works on (assigned, or head judge), never drafts. */
  assignments: () => api.get<JudgeAssignment[]>('/me/assignments'),
  /** Quiz rounds: the attempts (flagged first, or only); judged rounds: entries with marking state. */
  entries: async (roundId: string, flagged: boolean, limit = 50, offset = 0): Promise<Page<StaffAttemptRow>> =>
    asPage<StaffAttemptRow>(await api.get(`${r(roundId)}/entries`, { flagged: flagged ? 'true' : undefined, limit, offset })),
  judgedEntries: async (roundId: string, flagged: boolean, limit = 50, offset = 0): Promise<Page<JudgedEntryRow>> =>
    asPage<JudgedEntryRow>(await api.get(`${r(roundId)}/entries`, { flagged: flagged ? 'true' : undefined, limit, offset })),
  voidAttempt: (attemptId: string, reason: string) => api.post<unknown>(`/attempts/${seg(attemptId)}/void`, { reason }),
  reinstate: (attemptId: string, reason: string) => api.post<unknown>(`/attempts/${seg(attemptId)}/reinstate`, { reason }),
  /** Reviewed and kept: the flagged attempt may then win a prize. */
  clearAttempt: (attemptId: string, reason: string) => api.post<unknown>(`/attempts/${seg(attemptId)}/clear`, { reason }),

  jury: (roundId: string) => api.get<JuryView>(`${r(roundId)}/jury`),
  entry: (entryId: string) => api.get<EntryView>(`/entries/${seg(entryId)}`),
  /** Organisers: the presentation time and breaches the penalties are computed from. */
  recordFacts: (entryId: string, body: EntryFacts) => api.patch<EntryView>(`/entries/${seg(entryId)}`, body),
  marks: (entryId: string) => api.get<EntryMarks>(`/entries/${seg(entryId)}/scores`),
  submitMarks: (entryId: string, scores: Record<string, number>, comment: string | null) =>
    api.post<EntryMarks>(`/entries/${seg(entryId)}/scores`, comment ? { scores, comment } : { scores }),
  reconcile: (entryId: string, body: { reason: string; scores?: Record<string, number>; acceptAggregate?: true }) =>
    api.post<{ entryId: string; marking: MarkingSummary }>(`/entries/${seg(entryId)}/reconcile`, body),
  /** The organiser records how long the presentation ran (feeds the overtime penalty). */
  recordPresentationTime: (entryId: string, durationSeconds: number | null) => api.patch<EntryView>(`/entries/${seg(entryId)}`, { durationSeconds }),
  recuse: (roundId: string, reason: string) => api.post<unknown>(`${r(roundId)}/judges/me/recuse`, { reason }),

  closeRound: (roundId: string, body: { force?: boolean; predictionActual?: number } = {}) => api.post<CloseOutcome>(`${r(roundId)}/close`, body),
  publishResults: (roundId: string) =>
    api.post<{ roundId: string; status: string; version: number; publishedAt: string; withheldKeys?: WithheldQuestion[] }>(`${r(roundId)}/results/publish`),
  withheldKeys: (roundId: string) => api.get<{ roundId: string; questions: WithheldQuestion[] }>(`${r(roundId)}/results/withheld-keys`),
  results: (roundId: string, limit = 50, offset = 0, winners = false) =>
    api.get<StaffResults>(`${r(roundId)}/results`, { limit, offset, winners: winners ? 'true' : undefined }),
  explain: (roundId: string, userId: string) => api.get<PlaceExplanation>(`${r(roundId)}/results/explain/${seg(userId)}`),
  corrections: async (roundId: string, limit = 20, offset = 0) => asPage<CorrectionView>(await api.get(`${r(roundId)}/results/corrections`, { limit, offset })),
  correct: (roundId: string, body: { reason: string; voidAttemptIds?: string[]; reinstateAttemptIds?: string[]; predictionActual?: number }) =>
    api.post<CorrectionView>(`${r(roundId)}/results/corrections`, body),
  /** Whom a correction can concern: found by name, masked phone digits or rank, with their attempts. */
  correctionPeople: async (roundId: string, q: string, limit = 10, offset = 0) =>
    asPage<CorrectionCandidate>(await api.get(`${r(roundId)}/results/people`, { q: q || undefined, limit, offset })),
  /** What a correction would change; nothing is stored. */
  previewCorrection: (roundId: string, body: { reason: string; voidAttemptIds?: string[]; reinstateAttemptIds?: string[]; predictionActual?: number }) =>
    api.post<CorrectionPreview>(`${r(roundId)}/results/corrections/preview`, body),
  requestExport: (roundId: string, format: 'xlsx' | 'csv', scope: 'ranking' | 'winners' = 'ranking') =>
    api.post<ExportView>(`${r(roundId)}/results/exports`, { format, scope }),
  exportStatus: (exportId: string) => api.get<ExportView>(`/exports/${seg(exportId)}`),
};

/** Paths of the files staff download (through downloadFile: a plain link cannot carry the token). */
export const judgeFiles = {
  export: (roundId: string) => `${r(roundId)}/results/export`,
  decision: (roundId: string) => `${r(roundId)}/results/decision.pdf`,
  certificates: (roundId: string) => `${r(roundId)}/results/certificates.pdf`,
  exportJob: (exportId: string) => `/exports/${seg(exportId)}/download`,
  entryFile: (entryId: string) => `/entries/${seg(entryId)}/file`,
};
