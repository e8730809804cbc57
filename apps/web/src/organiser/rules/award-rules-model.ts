import { ApiError } from '../../shared/api/errors';
import {
  DOCUMENT_KEYS,
  type AcrossRounds,
  type AwardDocuments,
  type AwardRulesBody,
  type AwardRulesView,
  type DocumentKey,
  type PrizeTier,
  type UnitPrizeFormula,
} from '../../shared/api/rules-types';

/**
 * The contest's award rules ("giải thưởng toàn cuộc thi") as a form, mapped to and from
 * PUT /contests/:id/award-rules. The PUT replaces the whole set, so the form carries
 * every setting, including the ones it shows folded away.
 */
export interface UnitTierRow {
  code: string;
  name: string;
  count: string;
}

export interface HeadcountRow {
  unit: string;
  count: string;
  /** From the contest's unit list (the name is not edited). */
  listed: boolean;
}

export interface AwardRulesForm {
  acrossRounds: AcrossRounds;
  unitEnabled: boolean;
  countBy: 'people' | 'attempts';
  points: string;
  perHeadcount: boolean;
  minEntrants: string;
  /** Points per individual prize won by a member, by prize code. */
  winnerPoints: Record<string, string>;
  unitTiers: UnitTierRow[];
  headcounts: HeadcountRow[];
  documents: Record<DocumentKey, string>;
}

/** An individual prize the contest's rounds award, for the winner-points table. */
export interface PrizeChoice {
  code: string;
  names: string[];
}

export const DOCUMENT_LABEL: Record<DocumentKey, { label: string; hint?: string }> = {
  issuerParent: { label: 'Cơ quan cấp trên', hint: 'Dòng trên cùng bên trái, ví dụ: UBND TỈNH THỪA THIÊN HUẾ.' },
  issuerName: { label: 'Cơ quan ban hành quyết định', hint: 'Để trống: dùng tên đơn vị tổ chức.' },
  place: { label: 'Địa danh', hint: 'Ví dụ: Huế. Để trống: dùng tỉnh của đơn vị tổ chức.' },
  decisionNumber: { label: 'Số quyết định', hint: 'Để trống: để chỗ trống điền số tay sau khi in (…/QĐ-BTC).' },
  authority: { label: 'Thẩm quyền ban hành', hint: 'Để trống: “Trưởng Ban Tổ chức” và tên cơ quan ban hành.' },
  signerTitle: { label: 'Chức danh người ký', hint: 'Để trống: TRƯỞNG BAN TỔ CHỨC.' },
  signerName: { label: 'Họ tên người ký' },
};

const MAX_DOC = 300;
const fold = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
const int = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN);
const decimal = (s: string) => (s.trim() ? Number(s.trim().replace(',', '.')) : NaN);
const emptyDocs = (): Record<DocumentKey, string> => Object.fromEntries(DOCUMENT_KEYS.map((k) => [k, ''])) as Record<DocumentKey, string>;

/** The headcount table: one row per unit of the contest's list, then saved units that are not on it. */
function headcountRows(saved: Record<string, number>, unitList: readonly string[]): HeadcountRow[] {
  const byKey = new Map(Object.entries(saved).map(([u, n]) => [fold(u), { unit: u, n }]));
  const rows: HeadcountRow[] = unitList.map((u) => {
    const hit = byKey.get(fold(u));
    byKey.delete(fold(u));
    return { unit: u, count: hit ? String(hit.n) : '', listed: true };
  });
  for (const { unit, n } of byKey.values()) rows.push({ unit, count: String(n), listed: false });
  return rows;
}

export function fromAwardRules(v: AwardRulesView, unitList: readonly string[]): AwardRulesForm {
  const u = v.unitPrizes;
  return {
    acrossRounds: v.acrossRounds,
    unitEnabled: !!u,
    countBy: u?.countBy ?? 'people',
    points: String(u?.points ?? 1),
    perHeadcount: u?.perHeadcount ?? false,
    minEntrants: String(u?.minEntrants ?? 1),
    winnerPoints: Object.fromEntries(Object.entries(u?.winnerPoints ?? {}).map(([k, n]) => [k, String(n)])),
    unitTiers: (u?.tiers ?? []).map((t) => ({ code: t.code, name: t.name, count: String(t.count) })),
    headcounts: headcountRows(v.headcounts ?? {}, unitList),
    documents: { ...emptyDocs(), ...(v.documents ?? {}) },
  };
}

/** The individual prizes of the contest's rounds, by code (a code may carry another name in another round). */
export function prizeChoices(plans: readonly (readonly Pick<PrizeTier, 'code' | 'name'>[] | null | undefined)[]): PrizeChoice[] {
  const by = new Map<string, PrizeChoice>();
  for (const tiers of plans)
    for (const t of tiers ?? []) {
      const c = by.get(t.code) ?? { code: t.code, names: [] };
      if (!c.names.includes(t.name)) c.names.push(t.name);
      by.set(t.code, c);
    }
  return [...by.values()];
}

export function addUnitTier(f: AwardRulesForm): AwardRulesForm {
  const used = new Set(f.unitTiers.map((t) => t.code));
  let n = f.unitTiers.length + 1;
  while (used.has(`u${n}`)) n++;
  return { ...f, unitTiers: [...f.unitTiers, { code: `u${n}`, name: '', count: '1' }] };
}

export function validateAward(f: AwardRulesForm): Record<string, string> {
  const e: Record<string, string> = {};
  if (f.unitEnabled) {
    if (!(decimal(f.points) >= 0)) e.points = 'Điểm cho mỗi người dự thi là một số từ 0 trở lên.';
    if (!(int(f.minEntrants) >= 0)) e.minEntrants = 'Số người dự thi tối thiểu là số nguyên từ 0 trở lên.';
    for (const [code, v] of Object.entries(f.winnerPoints)) if (v.trim() && !(decimal(v) >= 0)) e[`winnerPoints.${code}`] = 'Điểm cộng là một số từ 0 trở lên.';
    f.unitTiers.forEach((t, i) => {
      if (!t.name.trim()) e[`unitTiers.${i}.name`] = `Nhập tên giải tập thể ${i + 1}.`;
      if (!(int(t.count) >= 0)) e[`unitTiers.${i}.count`] = `${t.name.trim() || `Giải tập thể ${i + 1}`}: số lượng là số nguyên từ 0 trở lên.`;
    });
  }
  const seen = new Set<string>();
  f.headcounts.forEach((h, i) => {
    const named = h.unit.trim();
    if (!h.count.trim() && (h.listed || !named)) return;
    if (!named) e[`headcounts.${i}.unit`] = 'Nhập tên đơn vị.';
    else if (seen.has(fold(named))) e[`headcounts.${i}.unit`] = `Đơn vị “${named}” bị lặp.`;
    seen.add(fold(named));
    if (!(int(h.count) >= 1)) e[`headcounts.${i}.count`] = `${named || `Dòng ${i + 1}`}: số người là số nguyên từ 1 trở lên.`;
  });
  for (const k of DOCUMENT_KEYS) if (f.documents[k].length > MAX_DOC) e[`documents.${k}`] = `${DOCUMENT_LABEL[k].label}: tối đa ${MAX_DOC} ký tự.`;
  return e;
}

/** Units counted "per headcount" without a headcount are left out of the unit ranking (the server's no_headcount). */
export function unitsWithoutHeadcount(f: AwardRulesForm): string[] {
  if (!f.unitEnabled || !f.perHeadcount) return [];
  return f.headcounts.filter((h) => h.unit.trim() && !(int(h.count) >= 1)).map((h) => h.unit.trim());
}

/** The body of PUT /contests/:id/award-rules (the form must be valid). */
/** The form sends the whole set, every key as the server then returns it (an AwardRulesBody). */
export type AwardRulesSent = Pick<AwardRulesView, 'acrossRounds' | 'unitPrizes' | 'headcounts' | 'documents'> & AwardRulesBody;

export function awardBody(f: AwardRulesForm): AwardRulesSent {
  const unitPrizes: UnitPrizeFormula | null = f.unitEnabled
    ? {
        countBy: f.countBy,
        points: decimal(f.points),
        perHeadcount: f.perHeadcount,
        minEntrants: int(f.minEntrants),
        winnerPoints: Object.fromEntries(
          Object.entries(f.winnerPoints)
            .filter(([, v]) => v.trim())
            .map(([k, v]) => [k, decimal(v)]),
        ),
        tiers: f.unitTiers.map((t) => ({ code: t.code, name: t.name.trim(), count: int(t.count) })),
      }
    : null;
  const headcounts = Object.fromEntries(f.headcounts.filter((h) => h.unit.trim() && h.count.trim()).map((h) => [h.unit.trim(), int(h.count)]));
  // An empty setting is left out, not sent as "": the documents then use their defaults (the organisation's name…).
  const documents: AwardDocuments = Object.fromEntries(DOCUMENT_KEYS.filter((k) => f.documents[k].trim()).map((k) => [k, f.documents[k].trim()]));
  return { acrossRounds: f.acrossRounds, unitPrizes, headcounts, documents };
}

const UNIT_KEYS: Record<string, string> = { countBy: 'countBy', points: 'points', perHeadcount: 'perHeadcount', minEntrants: 'minEntrants' };

function formField(code: string | undefined, field: string, f: AwardRulesForm): string {
  if (code === 'invalid_unit_prizes') {
    if (UNIT_KEYS[field]) return UNIT_KEYS[field];
    const wp = /^winnerPoints\.(.+)$/.exec(field);
    if (wp) return `winnerPoints.${wp[1]}`;
    const t = /^tiers\[(\d+)\](?:\.(\w+))?/.exec(field);
    if (t) return `unitTiers.${t[1]}.${t[2] === 'count' ? 'count' : 'name'}`;
    return 'unitTiers';
  }
  const hc = /^headcounts\.(.+)$/.exec(field);
  if (hc) {
    const i = f.headcounts.findIndex((h) => h.unit.trim() === hc[1] || fold(h.unit) === fold(hc[1]));
    return i >= 0 ? `headcounts.${i}.count` : 'headcounts';
  }
  if (/^documents\.\w+$/.test(field)) return field;
  return field === 'acrossRounds' ? 'acrossRounds' : 'form';
}

/** A refused save as messages on the form's fields, plus one for the whole form. */
export function awardSaveProblems(error: unknown, f: AwardRulesForm): { fields: Record<string, string>; form: string | null } {
  if (!(error instanceof ApiError)) return { fields: {}, form: null };
  if (error.code === 'rules_locked')
    return { fields: {}, form: 'Mọi vòng thi của cuộc thi đã công bố kết quả nên giải thưởng toàn cuộc thi không đổi được nữa.' };
  const fields: Record<string, string> = {};
  if (Array.isArray(error.details))
    for (const d of error.details as { field?: unknown; problems?: unknown }[]) {
      if (typeof d?.field !== 'string') continue;
      const k = formField(error.code, d.field, f);
      const text = `Máy chủ từ chối: ${(Array.isArray(d.problems) ? d.problems : []).filter((p): p is string => typeof p === 'string').join('; ')}`;
      fields[k] = fields[k] ? `${fields[k]} ${text}` : text;
    }
  const form = fields.form ?? null;
  delete fields.form;
  return { fields, form };
}
