import type { ExportedAttempt } from '@lc/attempts';
import type { ExportedRegistration } from '@lc/contests';
import type { ExportedAccount } from '@lc/identity';
import type { ExportedJudgedEntry, ExportedResult } from '@lc/judging';
import type { ExportedAuditEntry } from '@lc/platform';

export type { ExportedAttempt, ExportedJudgedEntry, ExportedResult };

/**
 * What GET /me/data returns: everything the platform keeps about the caller (Decree 13/2023,
 * art. 14), each part given by the module that owns its tables.
 */
export interface PersonalDataExport extends ExportedAccount {
  exportedAt: string;
  registrations: ExportedRegistration[];
  attempts: ExportedAttempt[];
  /** Hand-ins of judged rounds (essays, links, files: the file itself downloads from `fileUrl`). */
  judgedEntries: ExportedJudgedEntry[];
  /** Your places in published round results. */
  results: ExportedResult[];
  auditEntries: ExportedAuditEntry[];
}
