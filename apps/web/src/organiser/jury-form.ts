import type { JuryView } from '../shared/api/judging-types';
import type { JuryInput, PenaltyRule } from '../shared/api/jury-types';

/** One rubric row as the organiser edits it; `key` is kept once saved (marks and tie-breaks name it). */
export interface CriterionRow {
  rowId: number;
  key: string | null;
  label: string;
  maxPoints: string;
}

export interface JuryForm {
  criteria: CriterionRow[];
  aggregate: 'mean' | 'trimmed-mean';
  trimmedMeanThreshold: string;
  overtime: boolean;
  overtimeLimitMinutes: string;
  overtimePoints: string;
  overtimeMax: string;
  reconciliationGap: string;
  headJudgeUserId: string;
  /** Row ids, in rubric order. */
  tieBreak: number[];
  /** Penalties this screen does not edit (fixed deductions set through the API), kept as they are. */
  otherPenalties: PenaltyRule[];
}

let nextRowId = 1;
const row = (label = '', maxPoints = '', key: string | null = null): CriterionRow => ({ rowId: nextRowId++, key, label, maxPoints });

export function emptyJury(): JuryForm {
  return {
    criteria: [row()],
    aggregate: 'trimmed-mean',
    trimmedMeanThreshold: '5',
    overtime: false,
    overtimeLimitMinutes: '',
    overtimePoints: '1',
    overtimeMax: '',
    reconciliationGap: '',
    headJudgeUserId: '',
    tieBreak: [],
    otherPenalties: [],
  };
}

const num = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n).replace('.', ','));

export function juryToForm(v: JuryView): JuryForm {
  const criteria = v.rubric.map((c) => row(c.label, num(c.maxPoints), c.key));
  // The document types penalties loosely (free-form objects); the server validated them on save.
  const penalties = (v.penalties ?? []) as unknown as PenaltyRule[];
  const ot = penalties.find((p): p is Extract<PenaltyRule, { kind: 'overtime' }> => p.kind === 'overtime');
  return {
    criteria,
    aggregate: v.aggregate === 'mean' ? 'mean' : 'trimmed-mean',
    trimmedMeanThreshold: String(v.trimmedMeanThreshold ?? 5),
    overtime: Boolean(ot),
    overtimeLimitMinutes: ot ? num(ot.limitSeconds / 60) : '',
    overtimePoints: ot ? num(ot.points) : '1',
    overtimeMax: ot ? num(ot.maxPoints) : '',
    reconciliationGap: num(v.reconciliationGap),
    headJudgeUserId: v.headJudgeUserId ?? '',
    tieBreak: v.tieBreakCriteria.map((k) => criteria.find((c) => c.key === k)?.rowId).filter((x): x is number => x !== undefined),
    otherPenalties: penalties.filter((p) => p.kind !== 'overtime'),
  };
}

export function addCriterion(f: JuryForm): JuryForm {
  return { ...f, criteria: [...f.criteria, row()] };
}

export function removeCriterion(f: JuryForm, rowId: number): JuryForm {
  return { ...f, criteria: f.criteria.filter((c) => c.rowId !== rowId), tieBreak: f.tieBreak.filter((t) => t !== rowId) };
}

/** Moves a row one place up (-1) or down (+1); the ends stay put. */
export function moveCriterion(f: JuryForm, rowId: number, by: -1 | 1): JuryForm {
  const i = f.criteria.findIndex((c) => c.rowId === rowId);
  const j = i + by;
  if (i < 0 || j < 0 || j >= f.criteria.length) return f;
  const criteria = [...f.criteria];
  [criteria[i], criteria[j]] = [criteria[j], criteria[i]];
  return { ...f, criteria };
}

/** A number as typed in Vietnam: "2,5" or "2.5"; NaN when it is not one. */
export function parseNumber(s: string): number {
  const t = s.trim().replace(',', '.');
  return t && /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}

/** The rubric's total over the rows with a valid maximum. */
export function rubricTotal(rows: readonly CriterionRow[]): number {
  return Math.round(rows.reduce((s, c) => s + (parseNumber(c.maxPoints) > 0 ? parseNumber(c.maxPoints) : 0), 0) * 100) / 100;
}

/** A key for a new criterion from its label: "Nội dung pháp lý" → "noi-dung-phap-ly", unique among `taken`. */
export function criterionKey(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 36)
      .replace(/-+$/, '') || 'tieu-chi';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  return key;
}

const twoDecimals = (x: number) => Math.abs(Math.round(x * 100) - x * 100) < 1e-6;

/** Problems by field, in Vietnamese; empty when the form can be sent. */
export function validateJury(f: JuryForm): Record<string, string> {
  const e: Record<string, string> = {};
  if (f.criteria.length === 0) e.criteria = 'Thêm ít nhất một tiêu chí chấm.';
  const labels = new Set<string>();
  f.criteria.forEach((c) => {
    const label = c.label.trim();
    if (!label) e[`label-${c.rowId}`] = 'Nhập tên tiêu chí.';
    else if (label.length > 200) e[`label-${c.rowId}`] = 'Tên tiêu chí tối đa 200 ký tự.';
    else if (labels.has(label.toLowerCase())) e[`label-${c.rowId}`] = 'Tên tiêu chí bị trùng.';
    labels.add(label.toLowerCase());
    const m = parseNumber(c.maxPoints);
    if (!(m > 0 && m <= 1000 && twoDecimals(m))) e[`max-${c.rowId}`] = 'Điểm tối đa là số lớn hơn 0, không quá 1000, tối đa 2 chữ số thập phân.';
  });
  if (f.aggregate === 'trimmed-mean') {
    const t = parseNumber(f.trimmedMeanThreshold);
    if (!(Number.isInteger(t) && t >= 5)) e.trimmedMeanThreshold = 'Số giám khảo tối thiểu để bỏ điểm cao nhất và thấp nhất phải là số nguyên từ 5 trở lên.';
  }
  if (f.overtime) {
    const limit = parseNumber(f.overtimeLimitMinutes);
    if (!(limit > 0 && Number.isInteger(limit * 60))) e.overtimeLimitMinutes = 'Nhập thời gian cho phép (phút), lớn hơn 0.';
    const p = parseNumber(f.overtimePoints);
    if (!(p > 0)) e.overtimePoints = 'Nhập số điểm trừ cho mỗi phút vượt, lớn hơn 0.';
    if (f.overtimeMax.trim() && !(parseNumber(f.overtimeMax) > 0)) e.overtimeMax = 'Mức trừ tối đa phải lớn hơn 0, hoặc để trống.';
  }
  if (f.reconciliationGap.trim() && !(parseNumber(f.reconciliationGap) >= 0)) e.reconciliationGap = 'Độ chênh lệch là số từ 0 trở lên, hoặc để trống.';
  return e;
}

/** The PUT /rounds/:id/jury body: saved keys are kept, new rows get one from their label. */
export function juryBody(f: JuryForm): JuryInput {
  const taken = new Set(f.criteria.map((c) => c.key).filter((k): k is string => Boolean(k)));
  const keyOf = new Map<number, string>();
  const rubric = f.criteria.map((c) => {
    let key = c.key;
    if (!key) {
      key = criterionKey(c.label, taken);
      taken.add(key);
    }
    keyOf.set(c.rowId, key);
    return { key, label: c.label.trim(), maxPoints: parseNumber(c.maxPoints) };
  });
  const penalties: PenaltyRule[] = [...f.otherPenalties];
  if (f.overtime) {
    const max = f.overtimeMax.trim() ? parseNumber(f.overtimeMax) : undefined;
    penalties.unshift({
      kind: 'overtime',
      limitSeconds: Math.round(parseNumber(f.overtimeLimitMinutes) * 60),
      points: parseNumber(f.overtimePoints),
      per: 'started-minute',
      ...(max !== undefined ? { maxPoints: max } : {}),
    });
  }
  return {
    rubric,
    aggregate: f.aggregate,
    ...(f.aggregate === 'trimmed-mean' ? { trimmedMeanThreshold: parseNumber(f.trimmedMeanThreshold) } : {}),
    penalties,
    reconciliationGap: f.reconciliationGap.trim() ? parseNumber(f.reconciliationGap) : null,
    headJudgeUserId: f.headJudgeUserId || null,
    // Tie-breaks go in rubric order.
    tieBreakCriteria: f.criteria.filter((c) => f.tieBreak.includes(c.rowId)).map((c) => keyOf.get(c.rowId)!),
  };
}

/** The jury's rules in one Vietnamese sentence each, for the summary above the form. */
export function describeAggregate(f: Pick<JuryForm, 'aggregate' | 'trimmedMeanThreshold'>): string {
  if (f.aggregate === 'mean') return 'Điểm của bài là trung bình cộng điểm của các giám khảo.';
  return `Khi có từ ${f.trimmedMeanThreshold || 5} giám khảo trở lên, bỏ một điểm cao nhất và một điểm thấp nhất rồi lấy trung bình; ít hơn thì lấy trung bình cộng.`;
}
