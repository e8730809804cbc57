import type { ExportFormat, ExportScope } from './export-rows';

export interface ExportNames {
  /** What the file holds, for buttons and lists: "Kết quả vòng 1 — Tuần 1 (XLSX)". */
  label: string;
  /** The name the download gets: "Kết quả vòng 1 - Tuần 1.xlsx" (ASCII fallback: see contentDisposition). */
  fileName: string;
}

/** Characters no file system keeps in a name, and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/**
 * An export named by what it contains — its scope, the round's number and title, the format —
 * rather than by its storage id, so a folder of downloads can be told apart.
 */
export function exportNames(round: { seq: number; title: string }, scope: ExportScope, format: ExportFormat): ExportNames {
  const what = `${scope === 'winners' ? 'Người đạt giải' : 'Kết quả'} vòng ${round.seq}`;
  const title = round.title.normalize('NFC').replace(/\s+/g, ' ').trim();
  const named = title ? `${what} — ${title}` : what;
  const safe = named.replace(/—/g, '-').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim().slice(0, 120).trim();
  return { label: `${named} (${format.toUpperCase()})`, fileName: `${safe}.${format}` };
}
