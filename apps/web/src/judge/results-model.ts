/** Pure helpers of the results screen: correction diffs, export progress, paging, the correction form, the publish gate. */
import { ApiError } from '../shared/api/errors';
import type { CorrectionView, ExportView, FlaggedWinner, PlaceChange, StaffResults } from '../shared/api/judging-types';
import { describeFlag } from './flags';
import { formatPoints, readPoints } from './marking-model';

const isFlaggedWinner = (v: unknown): v is FlaggedWinner =>
  !!v && typeof v === 'object' && typeof (v as FlaggedWinner).attemptId === 'string' && Array.isArray((v as FlaggedWinner).flags);

/**
 * Who stops publication: the server's 409 names them (freshest), else the list the results
 * carry. Reviewed ones (voided or cleared since) are left out by the caller reloading.
 */
export function publishBlockers(
  results: Pick<StaffResults, 'flaggedWinners'>,
  error: unknown,
  /** Attempts a judge has just voided or kept here: gone from the list before the results are read again. */
  reviewed: ReadonlySet<string> = new Set(),
): FlaggedWinner[] {
  const named =
    error instanceof ApiError && error.code === 'flagged_winners_unreviewed' && Array.isArray(error.details)
      ? error.details.filter(isFlaggedWinner)
      : (results.flaggedWinners ?? []);
  return named.filter((w) => !reviewed.has(w.attemptId));
}

/** "Nguyễn V. A. — Giải Nhất — lượt 1: Làm bài nhanh bất thường" */
export function describeBlocker(w: FlaggedWinner): { who: string; prize: string; flags: string } {
  return {
    who: w.displayName,
    prize: w.prize.name ?? w.prize.code,
    flags: w.flags.map((f) => describeFlag(f)).join('; ') || 'Dấu hiệu bất thường',
  };
}

const FIELD_VI: Record<string, string> = {
  rank: 'Hạng',
  score: 'Điểm',
  award: 'Giải',
  attemptId: 'Lượt thi được tính',
  advanced: 'Vào vòng sau',
};

const show = (field: string, v: unknown): string => {
  if (v === null || v === undefined || v === '') return '—';
  if (field === 'score' && typeof v === 'number') return formatPoints(v);
  if (field === 'advanced') return v ? 'có' : 'không';
  if (field === 'attemptId') return `#${String(v).slice(0, 8)}`;
  return String(v);
};

/**
 * What a correction changed for one person, in words: "Hạng: 3 → 2", "Giải: Giải Ba → —".
 * Awards come as prize codes; `prizeNames` (code → name) says them by name when known.
 */
export function describeChange(c: PlaceChange, prizeNames: Record<string, string> = {}): string[] {
  const prize = (code: string | null | undefined) => (code ? (prizeNames[code] ?? code) : code);
  if (c.changed.includes('added'))
    return [`Thêm vào bảng xếp hạng: hạng ${c.after?.rank ?? '—'}, ${formatPoints(c.after?.score)} điểm${c.after?.award ? `, ${prize(c.after.award)}` : ''}`];
  if (c.changed.includes('removed'))
    return [`Bị loại khỏi bảng xếp hạng (trước đó hạng ${c.before?.rank ?? '—'}${c.before?.award ? `, ${prize(c.before.award)}` : ''})`];
  return c.changed.map((f) => {
    const get = (p: PlaceChange['before']) => {
      const v = (p as Record<string, unknown> | null)?.[f];
      return f === 'award' ? prize(v as string | null | undefined) : v;
    };
    return `${FIELD_VI[f] ?? f}: ${show(f, get(c.before))} → ${show(f, get(c.after))}`;
  });
}

/** What was asked of a correction, in words. */
export function describeRequest(c: CorrectionView): string {
  const q = c.request ?? {};
  const parts: string[] = [];
  if (q.voidAttemptIds?.length) parts.push(`hủy ${q.voidAttemptIds.length} lượt thi`);
  if (q.reinstateAttemptIds?.length) parts.push(`khôi phục ${q.reinstateAttemptIds.length} lượt thi`);
  if (q.predictionActual !== undefined) parts.push(`sửa đáp án câu dự đoán thành ${formatPoints(q.predictionActual)}`);
  return parts.join(', ') || 'xếp hạng lại theo điểm hiện tại';
}

export type ExportPhase = 'waiting' | 'running' | 'done' | 'failed';

export function exportPhase(e: Pick<ExportView, 'status'>): ExportPhase {
  if (e.status === 'done') return 'done';
  if (e.status === 'failed') return 'failed';
  return e.status === 'running' ? 'running' : 'waiting';
}

/** "Đã ghi 1.200/5.000 dòng (24%)" for the progress bar's label. */
export function exportProgressText(e: ExportView): string {
  const n = (x: number) => x.toLocaleString('vi-VN');
  switch (exportPhase(e)) {
    case 'waiting':
      return 'Đang chờ đến lượt xử lý…';
    case 'failed':
      return 'Không tạo được tệp. Vui lòng thử lại.';
    case 'done':
      return `Xong: ${n(e.progress.rowsWritten)} dòng${e.bytes ? `, ${formatBytes(e.bytes)}` : ''}.`;
    default:
      return e.progress.rowsTotal
        ? `Đã ghi ${n(e.progress.rowsWritten)}/${n(e.progress.rowsTotal)} dòng${e.progress.percent !== null ? ` (${e.progress.percent}%)` : ''}`
        : `Đã ghi ${n(e.progress.rowsWritten)} dòng`;
  }
}

export function formatBytes(b: number): string {
  if (b < 1024) return `${b} B`;
  if (b < 1024 * 1024) return `${(b / 1024).toFixed(0)} KB`;
  return `${(b / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

/** Page n (from 0) of a paged list; what the pager shows. */
export function pageInfo(total: number, limit: number, offset: number): { page: number; pages: number; from: number; to: number } {
  const pages = Math.max(1, Math.ceil(total / limit));
  return { page: Math.floor(offset / limit), pages, from: total ? offset + 1 : 0, to: Math.min(total, offset + limit) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CorrectionCheck {
  body: { reason: string; voidAttemptIds?: string[]; reinstateAttemptIds?: string[]; predictionActual?: number } | null;
  errors: Record<string, string>;
}

/** Attempt ids pasted one per line or separated by commas / spaces. */
export function readIds(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * The correction form: a reason (≥ 5 characters, it goes to the audit log) and for a quiz
 * round at least one of: attempts to void, attempts to reinstate, a new prediction value.
 * A judged round's correction re-ranks the jury's current marks and needs only the reason.
 */
export function checkCorrection(
  kind: 'quiz' | 'judged',
  f: { reason: string; voidIds: string; reinstateIds: string; predictionActual: string },
): CorrectionCheck {
  const errors: Record<string, string> = {};
  const reason = f.reason.trim();
  if (reason.length < 5) errors.reason = 'Ghi rõ lý do đính chính (ít nhất 5 ký tự). Lý do được lưu vào nhật ký.';
  const voids = readIds(f.voidIds);
  const reinstates = readIds(f.reinstateIds);
  const bad = [...voids, ...reinstates].filter((id) => !UUID.test(id));
  if (bad.length) errors[voids.some((id) => bad.includes(id)) ? 'voidIds' : 'reinstateIds'] = `Mã lượt thi không hợp lệ: ${bad.slice(0, 3).join(', ')}`;
  const both = voids.filter((id) => reinstates.includes(id));
  if (both.length) errors.reinstateIds = 'Một lượt thi không thể vừa hủy vừa khôi phục.';
  let predictionActual: number | undefined;
  if (f.predictionActual.trim()) {
    const n = readPoints(f.predictionActual);
    if (n === null) errors.predictionActual = 'Đáp án câu dự đoán phải là một số.';
    else predictionActual = n;
  }
  if (kind === 'quiz' && !voids.length && !reinstates.length && predictionActual === undefined && !errors.predictionActual)
    errors.voidIds = 'Chọn ít nhất một việc: hủy lượt thi, khôi phục lượt thi hoặc sửa đáp án câu dự đoán.';
  if (Object.keys(errors).length) return { body: null, errors };
  return {
    body: {
      reason,
      ...(voids.length ? { voidAttemptIds: voids } : {}),
      ...(reinstates.length ? { reinstateAttemptIds: reinstates } : {}),
      ...(predictionActual !== undefined ? { predictionActual } : {}),
    },
    errors,
  };
}
