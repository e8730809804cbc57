import { API_PREFIX } from '@lc/platform';
import type { JudgedEntry } from './judged-entry.entity';

export interface EntryFileView {
  name: string;
  type: string;
  size: number;
  sha256: string;
  url: string;
}

export interface EntryView {
  id: string;
  roundId: string;
  userId: string;
  text: string | null;
  link: string | null;
  file: EntryFileView | null;
  durationSeconds: number | null;
  breaches: string[];
  version: number;
  submittedAt: string;
  updatedAt: string;
  /** Who handed it in, as the round's entry list shows them (GET/PATCH /entries/:id only): the marking screen names the entry. */
  author?: EntryAuthorView;
}

export interface EntryAuthorView {
  fullName: string;
  unit: string | null;
}

export function entryView(e: JudgedEntry): EntryView {
  return {
    id: e.id,
    roundId: e.roundId,
    userId: e.userId,
    text: e.text,
    link: e.link,
    file: e.fileKey
      ? {
          name: e.fileName ?? 'file',
          type: e.fileType ?? 'application/octet-stream',
          size: e.fileSize ?? 0,
          sha256: e.fileSha256 ?? '',
          url: `/${API_PREFIX}/entries/${e.id}/file`,
        }
      : null,
    durationSeconds: e.durationSeconds,
    breaches: e.breaches,
    version: e.version,
    submittedAt: e.submittedAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
