import type { UserView } from '../users/user-view';

/** What GET /me/data returns: everything the platform keeps about the caller (Decree 13/2023, art. 14). */
export interface PersonalDataExport {
  exportedAt: string;
  /** The user view, but with the owner's own phone and national ID decrypted: the one place they are shown in full. */
  profile: UserView;
  consents: { personalDataConsentAt: string | null; guardianName: string | null; guardianConsentAt: string | null };
  registrations: { contestId: string; contestTitle: string; unit: string | null; fields: Record<string, string>; registeredAt: string }[];
  attempts: ExportedAttempt[];
  /** Hand-ins of judged rounds (essays, links, files: the file itself downloads from `fileUrl`). */
  judgedEntries: ExportedJudgedEntry[];
  /** Your places in published round results. */
  results: ExportedResult[];
  auditEntries: { at: string; action: string; entityType: string; entityId: string; actorRole: string | null; byYou: boolean; reason: string | null }[];
}

export interface ExportedAttempt {
  id: string;
  contestId: string;
  roundId: string;
  roundTitle: string;
  attemptNo: number;
  status: string;
  startedAt: string;
  submittedAt: string | null;
  score: number | null;
  maxScore: number | null;
  timeTakenMs: number | null;
  prediction: number | null;
  ip: string | null;
  userAgent: string | null;
  deviceId: string | null;
  answers: { questionKey: string; value: unknown; receivedAt: string }[];
  events: { kind: string; at: string; ip: string | null }[];
}

export interface ExportedJudgedEntry {
  id: string;
  contestId: string;
  roundId: string;
  roundTitle: string;
  text: string | null;
  link: string | null;
  file: { name: string | null; type: string | null; size: number | null; sha256: string | null; url: string } | null;
  version: number;
  submittedAt: string;
}

export interface ExportedResult {
  contestId: string;
  roundId: string;
  roundTitle: string;
  rank: number;
  score: number;
  maxScore: number;
  timeTakenMs: number;
  prediction: number | null;
  unit: string | null;
  prizeName: string | null;
  publishedAt: string | null;
}
