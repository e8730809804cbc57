import { DomainError } from '@lc/platform';
import { isRecord, Problems, rejectUnknownKeys } from '../../common/problems';
import { type JuryPolicy, parseJuryPolicy } from '../../jury/aggregate';
import { parseRubric, type Rubric, rubricMax } from '../../jury/rubric';
import type { PenaltyRule } from '../../jury/penalties';

/** PUT /rounds/:id/jury as the organiser writes it. */
export interface JuryInput {
  rubric: { key: string; label: string; maxPoints: number }[];
  aggregate?: 'mean' | 'trimmed-mean';
  trimmedMeanThreshold?: number;
  penalties?: PenaltyRule[];
  reconciliationGap?: number | null;
  headJudgeUserId?: string | null;
  tieBreakCriteria?: string[];
  decimals?: number;
}

export interface JuryConfig {
  rubric: Rubric;
  policy: JuryPolicy;
  tieBreakCriteria: string[];
  headJudgeUserId: string | null;
}

export interface JuryView {
  roundId: string;
  rubric: { key: string; label: string; maxPoints: number }[];
  maxScore: number;
  aggregate: JuryPolicy['aggregate'];
  trimmedMeanThreshold: number;
  penalties: PenaltyRule[];
  reconciliationGap: number | null;
  decimals: number;
  tieBreakCriteria: string[];
  headJudgeUserId: string | null;
  /** Marks are in: only the head judge may still change. */
  locked: boolean;
  updatedAt: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The organiser's words (rubric criteria have a `key`; the threshold is named for what it
 * does) mapped onto the pure jury core, with every problem named by the organiser's field.
 * Default aggregate: the trimmed mean, which only trims with ≥ threshold (5) judges, as the
 * SPEC's "drop highest and lowest when ≥ 5 judges".
 */
export function parseJuryInput(input: unknown): JuryConfig {
  const p = new Problems();
  if (!isRecord(input)) {
    p.add('jury', 'must be an object');
    p.throwIfAny('invalid_jury', 'jury settings');
  }
  const o = input as Record<string, unknown>;
  rejectUnknownKeys(
    o,
    ['rubric', 'aggregate', 'trimmedMeanThreshold', 'penalties', 'reconciliationGap', 'headJudgeUserId', 'tieBreakCriteria', 'decimals'],
    '',
    p,
  );
  let rubric: Rubric | null = null;
  const criteria = Array.isArray(o.rubric) ? o.rubric.map((c) => (isRecord(c) ? renameKey(c, 'key', 'id') : c)) : o.rubric;
  collect(p, 'criteria', 'rubric', () => (rubric = parseRubric({ criteria })));
  let policy: JuryPolicy | null = null;
  const raw: Record<string, unknown> = { aggregate: o.aggregate ?? 'trimmed-mean' };
  if (o.trimmedMeanThreshold !== undefined) raw.trimFromJudges = o.trimmedMeanThreshold;
  for (const k of ['penalties', 'reconciliationGap', 'decimals']) if (o[k] !== undefined) raw[k] = o[k];
  collect(p, 'trimFromJudges', 'trimmedMeanThreshold', () => (policy = parseJuryPolicy(raw)));
  const head = o.headJudgeUserId;
  if (head !== undefined && head !== null && (typeof head !== 'string' || !UUID.test(head))) p.add('headJudgeUserId', 'must be a user id or null');
  const ties = o.tieBreakCriteria ?? [];
  if (!Array.isArray(ties) || ties.some((t) => typeof t !== 'string')) p.add('tieBreakCriteria', 'must be a list of rubric keys');
  else if (rubric) {
    const keys = new Set((rubric as Rubric).criteria.map((c) => c.id));
    ties.forEach((t: string, i) => {
      if (!keys.has(t)) p.add(`tieBreakCriteria[${i}]`, `"${t}" is not a rubric key`);
    });
    if (new Set(ties).size !== ties.length) p.add('tieBreakCriteria', 'must not repeat a key');
  }
  p.throwIfAny('invalid_jury', 'jury settings');
  return { rubric: rubric!, policy: policy!, tieBreakCriteria: ties as string[], headJudgeUserId: (head as string | null | undefined) ?? null };
}

export function juryView(roundId: string, c: JuryConfig, locked: boolean, updatedAt: Date | null): JuryView {
  return {
    roundId,
    rubric: c.rubric.criteria.map((x) => ({ key: x.id, label: x.label, maxPoints: x.maxPoints })),
    maxScore: rubricMax(c.rubric),
    aggregate: c.policy.aggregate,
    trimmedMeanThreshold: c.policy.trimFromJudges,
    penalties: c.policy.penalties,
    reconciliationGap: c.policy.reconciliationGap,
    decimals: c.policy.decimals,
    tieBreakCriteria: c.tieBreakCriteria,
    headJudgeUserId: c.headJudgeUserId,
    locked,
    updatedAt: updatedAt?.toISOString() ?? null,
  };
}

function renameKey(o: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k === from ? to : k === to ? `${to}?` : k] = v;
  return out;
}

/** Runs a core parser and files its problems under the organiser's field names. */
function collect(p: Problems, coreName: string, ownName: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof DomainError) || e.status !== 400) throw e;
    for (const d of (e.details as { field: string; problems: string[] }[] | undefined) ?? []) {
      let field = d.field
        .replace(/^criteria/, 'rubric')
        .replace(/\.id$/, '.key')
        .replace(/\.id\?$/, '.id');
      if (field === coreName) field = ownName;
      for (const msg of d.problems) p.add(field, msg.replace(/\bid\b/, 'key'));
    }
  }
}
