import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AfterCommit } from '@lc/platform';
import { EntryFileStore } from '../files/entry-file-store';

/** A hand-in as the person's data export shows it (the file itself downloads from `file.url`). */
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

const FILE_KEY = /^[0-9a-f]{32}$/;

/** The person's hand-ins to judged rounds: their export, and erasure's part in them. */
@Injectable()
export class JudgedEntryPersonalData {
  constructor(
    private readonly files: EntryFileStore,
    private readonly afterCommit: AfterCommit,
  ) {}

  async export(q: EntityManager, userId: string): Promise<ExportedJudgedEntry[]> {
    const rows: Record<string, never>[] = await q.query(
      `SELECT e.id, r.contest_id, e.round_id, r.title AS round_title, e.text, e.link, e.file_key, e.file_name, e.file_type, e.file_size, e.file_sha256, e.version, e.submitted_at
         FROM judged_entry e JOIN round r ON r.id = e.round_id
        WHERE e.user_id = $1 ORDER BY e.submitted_at`,
      [userId],
    );
    return rows.map((r) => ({
      id: r.id,
      contestId: r.contest_id,
      roundId: r.round_id,
      roundTitle: r.round_title,
      text: r.text,
      link: r.link,
      file: r.file_key
        ? { name: r.file_name, type: r.file_type, size: r.file_size, sha256: r.file_sha256, url: `/api/v1/entries/${r.id as string}/file` }
        : null,
      version: r.version,
      submittedAt: new Date(r.submitted_at).toISOString(),
    }));
  }

  /**
   * In the caller's transaction: hand-ins say who wrote or presented them, so their content
   * goes and their marks (others' places) stay. The files go once it commits; a file that
   * outlives a crash there is swept as an orphan (no row names it any more).
   */
  async erase(m: EntityManager, userId: string): Promise<void> {
    const rows: { file_key: string }[] = await m.query(`SELECT file_key FROM judged_entry WHERE user_id = $1 AND file_key IS NOT NULL`, [userId]);
    await m.query(
      `UPDATE judged_entry SET text = NULL, link = NULL, file_key = NULL, file_name = NULL, file_type = NULL, file_size = NULL, file_sha256 = NULL WHERE user_id = $1`,
      [userId],
    );
    const keys = rows.map((r) => r.file_key).filter((k) => FILE_KEY.test(k));
    if (keys.length) await this.afterCommit.run(m, () => Promise.all(keys.map((k) => this.files.remove(k))).then(() => undefined));
  }
}
