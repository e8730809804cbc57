import { ApiError } from '../../shared/api/errors';
import type { PrizePlan, PrizeTier, RankingRules, AttemptScoring, RoundRulesBody, RoundRulesView, TieBreakStep } from '../../shared/api/rules-types';
import { allowedSteps, STEP_WORDS } from './chain-words';

/**
 * The round's "thể lệ xếp hạng và giải thưởng" as a form, mapped to and from
 * PUT /rounds/:id/rules, with the server's checks (ranking/rules.ts, awards/prize-plan.ts,
 * rules/effective-rules.ts) repeated so most mistakes show before saving.
 */
export interface TierRow {
  /** Kept from the saved plan, or generated: winner points of unit prizes refer to it. */
  code: string;
  name: string;
  count: string;
  /** Prizes per group, in the order of `RoundRulesForm.groups`. */
  perGroup: string[];
  /** Compares prizes across rounds; kept from the saved plan, else the next level down. */
  level?: number;
}

export interface RoundRulesForm {
  chain: TieBreakStep[];
  attemptScoring: AttemptScoring;
  /** Comes from the round's prediction question; sent back unchanged. */
  prediction: RankingRules['prediction'];
  tiers: TierRow[];
  minScore: string;
  grouped: boolean;
  /** The values of the group field that get their own quotas, e.g. "Cấp tỉnh". */
  groups: string[];
  groupField: string;
}

export const MAX_PRIZES = 100_000;
const CODE = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const GROUP_FIELD = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

const int = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN);
const decimal = (s: string) => (s.trim() ? Number(s.trim().replace(',', '.')) : NaN);

export function fromRules(v: RoundRulesView): RoundRulesForm {
  const tiers = v.prizes?.tiers ?? [];
  const groups = [...new Set(tiers.flatMap((t) => Object.keys(t.perGroup ?? {})))];
  return {
    chain: [...v.rankingRules.chain],
    attemptScoring: v.rankingRules.attemptScoring,
    prediction: v.rankingRules.prediction,
    tiers: tiers.map((t) => ({
      code: t.code,
      name: t.name,
      count: t.count !== undefined ? String(t.count) : '',
      perGroup: groups.map((g) => String(t.perGroup?.[g] ?? 0)),
      level: t.level,
    })),
    minScore: v.prizes?.minScore !== undefined ? String(v.prizes.minScore) : '',
    grouped: groups.length > 0,
    groups,
    groupField: v.groupField ?? '',
  };
}

/** A code no other tier uses: p1, p2, … (the codes the server gives the round form's prizes). */
export function nextTierCode(tiers: readonly TierRow[]): string {
  const used = new Set(tiers.map((t) => t.code));
  let n = tiers.length + 1;
  while (used.has(`p${n}`)) n++;
  return `p${n}`;
}

export function addTier(f: RoundRulesForm): RoundRulesForm {
  return { ...f, tiers: [...f.tiers, { code: nextTierCode(f.tiers), name: '', count: '1', perGroup: f.groups.map(() => '0') }] };
}

export function removeTier(f: RoundRulesForm, i: number): RoundRulesForm {
  return { ...f, tiers: f.tiers.filter((_, j) => j !== i) };
}

export function addGroup(f: RoundRulesForm): RoundRulesForm {
  return { ...f, groups: [...f.groups, ''], tiers: f.tiers.map((t) => ({ ...t, perGroup: [...t.perGroup, '0'] })) };
}

export function removeGroup(f: RoundRulesForm, j: number): RoundRulesForm {
  return { ...f, groups: f.groups.filter((_, k) => k !== j), tiers: f.tiers.map((t) => ({ ...t, perGroup: t.perGroup.filter((_, k) => k !== j) })) };
}

/** Moves step i one place up (-1) or down (+1); out of range leaves the chain as it is. */
export function moveStep(chain: readonly TieBreakStep[], i: number, by: -1 | 1): TieBreakStep[] {
  const j = i + by;
  if (i < 0 || i >= chain.length || j < 0 || j >= chain.length) return [...chain];
  const out = [...chain];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

export function removeStep(chain: readonly TieBreakStep[], i: number): TieBreakStep[] {
  return chain.filter((_, j) => j !== i);
}

export function addStep(chain: readonly TieBreakStep[], step: TieBreakStep): TieBreakStep[] {
  return chain.includes(step) ? [...chain] : [...chain, step];
}

/** Problems of the chain alone: shown as the organiser edits it. Keys: `chain`, `chain.<i>`. */
export function validateChain(chain: readonly TieBreakStep[], kind: 'quiz' | 'judged'): Record<string, string> {
  const e: Record<string, string> = {};
  if (!chain.length) e.chain = 'Thêm ít nhất một tiêu chí xếp hạng.';
  const allowed = allowedSteps(kind);
  chain.forEach((s, i) => {
    if (!allowed.includes(s))
      e[`chain.${i}`] = `Vòng chấm điểm không dùng tiêu chí “${STEP_WORDS[s].label}”: bài dự thi không có dự đoán và thời gian làm bài.`;
    else if (chain.indexOf(s) !== i) e[`chain.${i}`] = `Tiêu chí “${STEP_WORDS[s].label}” bị lặp.`;
  });
  const ubo = chain.indexOf('under-before-over');
  if (ubo >= 0 && !chain.slice(0, ubo).includes('prediction'))
    e[`chain.${ubo}`] = '“Dưới trước trên” chỉ phân định những người dự đoán cùng chênh lệch: đặt tiêu chí này sau tiêu chí dự đoán.';
  return e;
}

/** Every problem of the form, keyed like the fields (`tiers.<i>.count`, `tiers.<i>.perGroup.<j>`, `groups.<j>`, …). */
export function validateRules(f: RoundRulesForm, kind: 'quiz' | 'judged'): Record<string, string> {
  const e = validateChain(f.chain, kind);
  if (f.minScore.trim() && !(decimal(f.minScore) >= 0)) e.minScore = 'Điểm tối thiểu là một số từ 0 trở lên.';
  if (f.grouped) {
    if (!f.groups.length) e.groups = 'Thêm ít nhất một nhóm, hoặc bỏ chọn chia giải theo nhóm.';
    const seen = new Set<string>();
    f.groups.forEach((g, j) => {
      const k = g.trim();
      if (!k) e[`groups.${j}`] = `Nhập tên nhóm ${j + 1}.`;
      else if (seen.has(k)) e[`groups.${j}`] = `Nhóm “${k}” bị lặp.`;
      seen.add(k);
    });
    if (!f.groupField.trim()) e.groupField = 'Chọn trường đăng ký ghi nhóm của người dự thi.';
    else if (!GROUP_FIELD.test(f.groupField.trim())) e.groupField = 'Tên trường chỉ gồm chữ không dấu, số, _ hoặc -, bắt đầu bằng chữ.';
  } else if (f.groupField.trim() && !GROUP_FIELD.test(f.groupField.trim())) e.groupField = 'Tên trường chỉ gồm chữ không dấu, số, _ hoặc -, bắt đầu bằng chữ.';
  f.tiers.forEach((t, i) => {
    const label = t.name.trim() || `Giải ${i + 1}`;
    if (!t.name.trim()) e[`tiers.${i}.name`] = `Nhập tên giải ${i + 1}.`;
    if (!CODE.test(t.code)) e[`tiers.${i}.name`] = `${label}: mã giải không hợp lệ; xóa giải này và thêm lại.`;
    const bad = (s: string) => !(int(s) >= 0 && int(s) <= MAX_PRIZES);
    if (!f.grouped && bad(t.count)) e[`tiers.${i}.count`] = `${label}: số lượng là số nguyên từ 0 đến 100.000.`;
    if (f.grouped)
      t.perGroup.forEach(
        (n, j) => bad(n) && (e[`tiers.${i}.perGroup.${j}`] = `${label}, nhóm ${f.groups[j]?.trim() || j + 1}: số lượng là số nguyên từ 0 đến 100.000.`),
      );
  });
  return e;
}

/** The levels sent: a saved tier keeps its own, a new one comes next below the one above it. */
function levels(tiers: readonly TierRow[]): number[] {
  const out: number[] = [];
  tiers.forEach((t, i) => {
    const prev = i ? out[i - 1] : 0;
    out.push(t.level !== undefined && t.level >= Math.max(prev, 1) ? t.level : prev + 1);
  });
  return out;
}

/** The body of PUT /rounds/:id/rules (the form must be valid). */
/** The form sends the whole set, every key as the server then returns it (a RoundRulesBody). */
export type RoundRulesSent = Pick<RoundRulesView, 'rankingRules' | 'prizes' | 'groupField'> & RoundRulesBody;

export function rulesBody(f: RoundRulesForm): RoundRulesSent {
  const lv = levels(f.tiers);
  const groups = f.groups.map((g) => g.trim());
  const tiers: PrizeTier[] = f.tiers.map((t, i) => ({
    code: t.code,
    name: t.name.trim(),
    level: lv[i],
    ...(f.grouped ? { perGroup: Object.fromEntries(groups.map((g, j) => [g, int(t.perGroup[j] ?? '0')])) } : { count: int(t.count) }),
  }));
  const prizes: PrizePlan | null = tiers.length ? { tiers, ...(f.minScore.trim() ? { minScore: decimal(f.minScore) } : {}) } : null;
  return {
    rankingRules: { chain: [...f.chain], attemptScoring: f.attemptScoring, prediction: f.prediction },
    prizes,
    groupField: f.grouped && f.groupField.trim() ? f.groupField.trim() : null,
  };
}

/** The server's field names ("tiers[0].perGroup.Cấp tỉnh") as the form's (`tiers.0.perGroup.2`). */
function formField(code: string | undefined, field: string, f: RoundRulesForm): string {
  if (code === 'invalid_ranking_rules') {
    const m = /^chain\[(\d+)\]/.exec(field);
    if (m) return `chain.${m[1]}`;
    if (field === 'attemptScoring') return 'attemptScoring';
    return 'chain';
  }
  if (field === 'groupField') return 'groupField';
  const m = /^tiers\[(\d+)\](?:\.(\w+))?(?:\.(.+))?$/.exec(field);
  if (m) {
    const [, i, key, group] = m;
    if (key === 'count') return `tiers.${i}.count`;
    if (key === 'perGroup') {
      const j = group === undefined ? -1 : f.groups.findIndex((g) => g.trim() === group);
      return j >= 0 ? `tiers.${i}.perGroup.${j}` : 'groups';
    }
    return `tiers.${i}.name`;
  }
  if (field === 'minScore') return 'minScore';
  return 'tiers';
}

/** The server's English problem in Vietnamese when it is a known one. */
function problemText(problem: string): string {
  if (/whole number 0-100000/.test(problem)) return 'Số lượng là số nguyên từ 0 đến 100.000.';
  if (/number of at least 0/.test(problem)) return 'Nhập một số từ 0 trở lên.';
  if (/is required/.test(problem)) return 'Không được để trống.';
  if (/repeats/.test(problem)) return `Bị lặp (${problem}).`;
  if (/after prediction/.test(problem)) return '“Dưới trước trên” phải đặt sau tiêu chí dự đoán.';
  if (/every tier must use count, or every tier perGroup/.test(problem)) return 'Mọi giải phải cùng chia theo nhóm, hoặc cùng không chia.';
  return `Máy chủ từ chối: ${problem}`;
}

/**
 * A refused save as messages on the form's fields, plus one for the whole form: the
 * ranking rules and the prize plan each answer 400 with `details: [{ field, problems }]`,
 * the group field with a code alone, and published results with 409 rules_locked.
 */
export function rulesSaveProblems(error: unknown, f: RoundRulesForm): { fields: Record<string, string>; form: string | null } {
  if (!(error instanceof ApiError)) return { fields: {}, form: null };
  if (error.code === 'rules_locked')
    return {
      fields: {},
      form: 'Kết quả vòng thi đã công bố nên thể lệ không đổi được nữa. Muốn sửa kết quả, dùng chức năng đính chính (có ghi lý do) ở trang kết quả.',
    };
  if (error.code === 'group_field_required') return { fields: { groupField: 'Chia giải theo nhóm cần trường đăng ký ghi nhóm của người dự thi.' }, form: null };
  if (error.code === 'invalid_group_field') return { fields: { groupField: 'Tên trường chỉ gồm chữ không dấu, số, _ hoặc -, bắt đầu bằng chữ.' }, form: null };
  const fields: Record<string, string> = {};
  if (Array.isArray(error.details))
    for (const d of error.details as { field?: unknown; problems?: unknown }[]) {
      if (typeof d?.field !== 'string') continue;
      const k = formField(error.code, d.field, f);
      const text = (Array.isArray(d.problems) ? d.problems : [])
        .filter((p): p is string => typeof p === 'string')
        .map(problemText)
        .join(' ');
      fields[k] = fields[k] ? `${fields[k]} ${text}` : text;
    }
  return {
    fields,
    form: Object.keys(fields).length
      ? null
      : error.status === 409
        ? 'Thể lệ vừa được người khác thay đổi hoặc không còn sửa được. Tải lại trang để xem bản mới nhất.'
        : null,
  };
}
