import type { RubricCriterion } from '../../shared/api/judging-types';

/** Pure rules of the rapporteur's hand-in form (the server's are in libs/judging/src/judged-entries/entry). */

/** The server's default limit (ENTRY_MAX_BYTES); a 413 names the real one in `details.maxBytes`. */
export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
export const MAX_TEXT = 50_000;
export const MAX_LINK = 2000;

/** What the server accepts, told from the bytes; the extension check here only saves a wasted upload. */
export const ACCEPTED_EXTENSIONS = ['pdf', 'docx', 'pptx', 'odt', 'odp', 'mp4', 'mov', 'm4a', 'webm', 'mkv', 'mp3', 'png', 'jpg', 'jpeg'] as const;
export const ACCEPT_ATTR = ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(',');
export const FILE_HINT =
  'PDF, Word (DOCX), PowerPoint (PPTX), ODT/ODP, video MP4/MOV/WebM/MKV, âm thanh MP3/M4A, ảnh PNG/JPEG. Không nhận tệp có macro và tệp Office 97-2003 (.doc, .ppt): hãy lưu thành PDF hoặc DOCX/PPTX.';

export interface HandInFields {
  text: string;
  link: string;
  file: { name: string; size: number } | null;
}

export interface HandInCheck {
  errors: Record<string, string>;
  text: string | null;
  link: string | null;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

const ext = (name: string) => (/\.([^.]+)$/.exec(name)?.[1] ?? '').toLowerCase();

export function checkHandIn(f: HandInFields, maxBytes = DEFAULT_MAX_BYTES): HandInCheck {
  const errors: Record<string, string> = {};
  // Counted as the server counts: composed (NFC), so a text typed with combining marks is not overcounted.
  const text = f.text.normalize('NFC').trim();
  if (text.length > MAX_TEXT) errors.text = `Nội dung tối đa ${MAX_TEXT.toLocaleString('vi-VN')} ký tự (hiện ${text.length.toLocaleString('vi-VN')}).`;
  let link: string | null = null;
  const l = f.link.trim();
  if (l) {
    let ok = false;
    try {
      const u = new URL(l);
      ok = u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      ok = false;
    }
    if (!ok || l.length > MAX_LINK) errors.link = 'Đường dẫn phải bắt đầu bằng https:// hoặc http://, ví dụ https://youtu.be/…';
    else link = l;
  }
  if (f.file) {
    if (f.file.size === 0) errors.file = 'Tệp rỗng. Vui lòng chọn tệp khác.';
    else if (f.file.size > maxBytes) errors.file = `Tệp ${formatSize(f.file.size)} vượt giới hạn ${formatSize(maxBytes)}.`;
    else if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(ext(f.file.name))) errors.file = `Định dạng .${ext(f.file.name) || '?'} không được nhận.`;
  }
  if (!text && !l && !f.file) errors.text = 'Nhập nội dung, dán đường dẫn hoặc chọn tệp bài dự thi.';
  return { errors, text: text || null, link };
}

export type HandInPhase = 'upcoming' | 'open' | 'closed';

/** Hand-ins and replacements are taken from opensAt until closesAt, while the round is not closed. */
export function handInPhase(r: { status?: string; opensAt: string; closesAt: string }, nowMs: number): HandInPhase {
  if (r.status === 'closed' || r.status === 'published') return 'closed';
  if (nowMs < Date.parse(r.opensAt)) return 'upcoming';
  return nowMs < Date.parse(r.closesAt) ? 'open' : 'closed';
}

export interface MarkColumn {
  key: string;
  label: string;
  maxPoints: number | null;
}

/**
 * The columns of the author's marks table: the rubric's criteria in its order, by label;
 * a key the rubric does not name (an older server) still gets a column, under its key.
 */
export function markColumns(rubric: readonly RubricCriterion[] | undefined, marks: readonly { scores: Record<string, number> }[]): MarkColumn[] {
  const cols: MarkColumn[] = (rubric ?? []).map((c) => ({ key: c.key, label: c.label || c.key, maxPoints: c.maxPoints }));
  const known = new Set(cols.map((c) => c.key));
  for (const m of marks)
    for (const k of Object.keys(m.scores))
      if (!known.has(k)) {
        known.add(k);
        cols.push({ key: k, label: k, maxPoints: null });
      }
  return cols;
}
