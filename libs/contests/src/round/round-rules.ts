import { DomainError, type FieldProblem } from '@lc/platform';
import {
  type Advancement,
  type AttemptScoring,
  type IntegritySettings,
  type LeaderboardSettings,
  LIVE_QUESTION_TYPES,
  type LiveSettings,
  type PredictionQuestion,
  type Prize,
  type StoredRankingRules,
  type RoundEntry,
  type RoundKind,
  type RoundStatus,
  type SelectionRule,
} from './round.types';

/** Everything an organiser sets on a round, as the rules below see it. */
export interface RoundSettings {
  title: string;
  description: string | null;
  kind: RoundKind;
  opensAt: Date;
  closesAt: Date;
  durationSeconds: number;
  maxAttempts: number;
  attemptScoring: AttemptScoring;
  selection: SelectionRule[];
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  partialCredit: boolean;
  predictionQuestion: PredictionQuestion | null;
  leaderboard: LeaderboardSettings;
  advancement: Advancement | null;
  prizes: Prize[];
  rankingRules: StoredRankingRules | null;
  integrity: Partial<IntegritySettings> | null;
  entry: RoundEntry;
  /** Kind `live` only. */
  live: LiveSettings | null;
}

export const MIN_DURATION_SECONDS = 10;
export const MAX_DURATION_SECONDS = 86400;
/** Judged rounds have no timed attempts; their "duration" is the whole window, capped. */
const JUDGED_DEFAULT_DURATION = MAX_DURATION_SECONDS;

/** Fields that change what an entrant faces; frozen once the round has opened. */
const LOCKED_FIELDS = [
  'kind',
  'live',
  'opensAt',
  'durationSeconds',
  'attemptScoring',
  'selection',
  'shuffleQuestions',
  'shuffleOptions',
  'partialCredit',
  'entry',
  'integrity',
] as const;

type Input = Partial<Omit<RoundSettings, 'opensAt' | 'closesAt' | 'leaderboard' | 'predictionQuestion'>> & {
  opensAt?: string | Date;
  closesAt?: string | Date;
  leaderboard?: Partial<LeaderboardSettings>;
  predictionQuestion?: Partial<PredictionQuestion> | null;
};

/** The settings after applying `input` to `base` (or to the defaults for a new round). */
export function mergeRoundSettings(input: Input, base?: RoundSettings): RoundSettings {
  const kind = input.kind ?? base?.kind ?? 'quiz';
  const pq = input.predictionQuestion === undefined ? (base?.predictionQuestion ?? null) : input.predictionQuestion;
  return {
    title: (input.title ?? base?.title ?? '').normalize('NFC').trim(),
    description: input.description === undefined ? (base?.description ?? null) : input.description,
    kind,
    opensAt: input.opensAt !== undefined ? new Date(input.opensAt) : base!.opensAt,
    closesAt: input.closesAt !== undefined ? new Date(input.closesAt) : base!.closesAt,
    durationSeconds: input.durationSeconds ?? base?.durationSeconds ?? (kind === 'judged' ? JUDGED_DEFAULT_DURATION : 0),
    maxAttempts: input.maxAttempts ?? base?.maxAttempts ?? 1,
    attemptScoring: input.attemptScoring ?? base?.attemptScoring ?? 'best',
    selection: (input.selection ?? base?.selection ?? []).map(cleanRule),
    shuffleQuestions: input.shuffleQuestions ?? base?.shuffleQuestions ?? true,
    shuffleOptions: input.shuffleOptions ?? base?.shuffleOptions ?? true,
    partialCredit: input.partialCredit ?? base?.partialCredit ?? false,
    predictionQuestion: pq
      ? { prompt: String(pq.prompt ?? '').trim(), target: pq.target ?? 'perfect-score-entrants', countBy: pq.countBy ?? 'people', actual: pq.actual ?? null }
      : null,
    leaderboard: input.leaderboard
      ? {
          visibility: input.leaderboard.visibility ?? 'live',
          freezeAt: input.leaderboard.freezeAt ?? null,
          hidePredictionFigures: input.leaderboard.hidePredictionFigures ?? base?.leaderboard.hidePredictionFigures ?? true,
        }
      : (base?.leaderboard ?? { visibility: 'live', freezeAt: null, hidePredictionFigures: true }),
    advancement: input.advancement === undefined ? (base?.advancement ?? null) : input.advancement,
    prizes: input.prizes ?? base?.prizes ?? [],
    rankingRules: input.rankingRules ?? base?.rankingRules ?? null,
    integrity: input.integrity ?? base?.integrity ?? null,
    entry: input.entry ?? base?.entry ?? 'open',
    live: kind === 'live' ? (input.live === undefined ? (base?.live ?? null) : input.live) : null,
  };
}

export const MIN_SECONDS_PER_QUESTION = 5;
export const MAX_SECONDS_PER_QUESTION = 600;

/** The live-final fields of a round body (SPEC "Live finals"), as the request names them. */
export interface LiveRoundInput {
  kind?: RoundKind;
  questions?: { bankId: string; count: number; topic?: string; difficulty?: number }[] | null;
  /** The questions by id, shown in this order (instead of `questions`). */
  questionIds?: string[] | null;
  secondsPerQuestion?: number;
  speedBonus?: { maxPoints: number } | null;
}

/**
 * A live round's body in the round's own terms: `questions` are selection rules limited to
 * choice questions, `secondsPerQuestion` / `speedBonus` its `live` settings. Its
 * durationSeconds is the whole window (as for judged rounds): nobody has a timed attempt.
 * Other kinds pass through unchanged.
 */
export function liveRoundInput<T extends LiveRoundInput & { selection?: SelectionRule[]; durationSeconds?: number }>(
  dto: T,
  base?: RoundSettings,
  pinned?: { questionId: string; bankId: string }[],
): T & { live?: LiveSettings | null } {
  const kind = dto.kind ?? base?.kind;
  if (kind !== 'live') return dto;
  const out: T & { live?: LiveSettings | null } = { ...dto };
  if (dto.questions) out.selection = dto.questions.map((q) => ({ ...q, types: [...LIVE_QUESTION_TYPES] }));
  // One rule per pinned question, in the given order: the pool keeps rule order, and a rule
  // of one candidate drawing one shows exactly it, so the live final shows them as listed.
  if (pinned) out.selection = pinned.map((q) => ({ bankId: q.bankId, questionId: q.questionId, count: 1, types: [...LIVE_QUESTION_TYPES] }));
  if (dto.secondsPerQuestion !== undefined || dto.speedBonus !== undefined || !base?.live) {
    out.live = {
      secondsPerQuestion: dto.secondsPerQuestion ?? base?.live?.secondsPerQuestion ?? 0,
      speedBonus: dto.speedBonus === undefined ? (base?.live?.speedBonus ?? null) : dto.speedBonus ? { maxPoints: dto.speedBonus.maxPoints } : null,
    };
  }
  if (dto.durationSeconds === undefined && !base) out.durationSeconds = MAX_DURATION_SECONDS;
  return out;
}

/**
 * SPEC "Live finals": a live round's questions come from exactly one of `questions` (bank
 * rules) or `questionIds` (named questions, in order). A new live round needs one; a change
 * (`base` given) may leave both out to keep what the round has. Ids are listed once each.
 * null is "not this source" (a form switching from one to the other sends the old one as null).
 * The refusal (400) to throw, or null; no bank is read here.
 */
export function liveSourceRefusal(dto: LiveRoundInput, base?: { kind: RoundKind }): DomainError | null {
  const kind = dto.kind ?? base?.kind;
  const hasIds = dto.questionIds != null;
  if (hasIds && kind !== 'live') return new DomainError('live_questions_not_live', 400, 'questionIds is for live rounds only (quiz rounds use selection)');
  if (kind !== 'live') return null;
  const hasRules = dto.questions != null;
  if (hasIds && hasRules)
    return new DomainError('live_questions_conflict', 400, 'Give the questions either as bank rules (questions) or by id (questionIds), not both');
  if (!hasIds && !hasRules && (!base || base.kind !== 'live'))
    return new DomainError('live_questions_missing', 400, 'A live round needs its questions: bank rules (questions) or ids (questionIds)');
  if (hasIds) {
    const seen = new Set<string>();
    const dups = new Set<string>();
    for (const id of dto.questionIds!) {
      const k = id.toLowerCase();
      if (seen.has(k)) dups.add(id);
      seen.add(k);
    }
    if (dups.size)
      return new DomainError('live_questions_duplicate', 400, `questionIds lists these more than once: ${[...dups].join(', ')}`, { questionIds: [...dups] });
  }
  return null;
}

/** Of pinned questions, those a live final cannot show (not single, multiple or true/false). */
export function notChoiceQuestions(pinned: { questionId: string; type: string }[]): string[] {
  return pinned.filter((q) => !(LIVE_QUESTION_TYPES as readonly string[]).includes(q.type)).map((q) => q.questionId);
}

function cleanRule(r: SelectionRule): SelectionRule {
  const out: SelectionRule = { bankId: r.bankId, count: r.count };
  if (r.questionId) out.questionId = r.questionId;
  if (r.topic !== undefined && r.topic !== null && r.topic !== '') out.topic = r.topic.normalize('NFC').trim();
  if (r.difficulty !== undefined && r.difficulty !== null) out.difficulty = r.difficulty;
  if (r.types?.length) out.types = [...new Set(r.types)];
  return out;
}

/**
 * Problems with a round's settings, one per field. `now` is given when the round is about
 * to go live (publish), so a window already over is refused then but drafts may be edited.
 */
export function roundProblems(s: RoundSettings, ctx: { seq: number; now?: number }): FieldProblem[] {
  const out: FieldProblem[] = [];
  const add = (field: string, problem: string) => out.push({ field, problems: [problem] });
  if (!s.title) add('title', 'title must not be empty');
  if (Number.isNaN(s.opensAt.getTime())) add('opensAt', 'opensAt is not a valid time');
  if (Number.isNaN(s.closesAt.getTime())) add('closesAt', 'closesAt is not a valid time');
  else if (s.opensAt.getTime() >= s.closesAt.getTime()) add('closesAt', 'closesAt must be after opensAt');
  if (ctx.now !== undefined && s.closesAt.getTime() <= ctx.now) add('closesAt', 'closesAt is already past');
  if (!Number.isInteger(s.durationSeconds) || s.durationSeconds < MIN_DURATION_SECONDS || s.durationSeconds > MAX_DURATION_SECONDS) {
    add('durationSeconds', `durationSeconds must be between ${MIN_DURATION_SECONDS} and ${MAX_DURATION_SECONDS} seconds`);
  }
  if (!Number.isInteger(s.maxAttempts) || s.maxAttempts < 1) add('maxAttempts', 'maxAttempts must be at least 1');
  if (s.kind === 'live') {
    const sec = s.live?.secondsPerQuestion;
    if (!Number.isInteger(sec) || sec! < MIN_SECONDS_PER_QUESTION || sec! > MAX_SECONDS_PER_QUESTION)
      add('secondsPerQuestion', `a live round needs secondsPerQuestion between ${MIN_SECONDS_PER_QUESTION} and ${MAX_SECONDS_PER_QUESTION}`);
    const bonus = s.live?.speedBonus;
    if (bonus && !(Number.isFinite(bonus.maxPoints) && bonus.maxPoints > 0 && bonus.maxPoints <= 1000))
      add('speedBonus.maxPoints', 'speedBonus.maxPoints must be above 0 and at most 1000');
    if (!s.selection.length) add('questions', 'a live round needs at least one question rule');
    if (s.selection.some((r) => r.types?.some((t) => !(LIVE_QUESTION_TYPES as readonly string[]).includes(t))))
      add('questions', 'a live round draws choice questions only (single, multiple, true_false)');
    const total = s.selection.reduce((n, r) => n + r.count, 0);
    if (total > 200) add('questions', `a live round shows at most 200 questions (these rules draw ${total})`);
  }
  if (s.kind === 'quiz') {
    if (!s.selection.length) add('selection', 'a quiz round needs at least one selection rule');
    s.selection.forEach((r, i) => {
      if (!Number.isInteger(r.count) || r.count < 1) add(`selection.${i}.count`, 'count must be at least 1');
    });
    const total = s.selection.reduce((n, r) => n + r.count, 0);
    if (total > 500) add('selection', `a round draws at most 500 questions (these rules draw ${total})`);
  }
  if (s.leaderboard.visibility === 'frozen') {
    const at = s.leaderboard.freezeAt ? new Date(s.leaderboard.freezeAt).getTime() : NaN;
    if (Number.isNaN(at)) add('leaderboard.freezeAt', 'a frozen leaderboard needs freezeAt');
    else if (at < s.opensAt.getTime() || at > s.closesAt.getTime()) add('leaderboard.freezeAt', 'freezeAt must fall between opensAt and closesAt');
  }
  if (s.predictionQuestion && s.predictionQuestion.prompt.trim().length < 3) add('predictionQuestion.prompt', 'the prediction question needs a prompt');
  const adv = s.advancement;
  if (adv) {
    if (adv.mode === 'top' && !(adv.topN && adv.topN >= 1)) add('advancement.topN', 'top-N advancement needs topN');
    if (adv.mode === 'threshold' && typeof adv.minScore !== 'number') add('advancement.minScore', 'threshold advancement needs minScore');
    if (adv.toRoundSeq !== undefined && adv.toRoundSeq <= ctx.seq) add('advancement.toRoundSeq', 'entrants can only advance to a later round');
  }
  if (s.entry === 'enrolled' && ctx.seq === 1) add('entry', 'the first round cannot be limited to enrolled entrants: nobody could have advanced to it');
  const names = new Set<string>();
  s.prizes.forEach((p, i) => {
    const k = p.name.trim().toLowerCase();
    if (names.has(k)) add(`prizes.${i}.name`, `prize "${p.name}" is listed twice`);
    names.add(k);
  });
  return out;
}

/**
 * Once entrants may have started, only what does not change the contest they face may
 * change: titles, prizes, the leaderboard, advancement, later closing, more attempts.
 */
export function lockedChanges(before: RoundSettings, after: RoundSettings): string[] {
  const changed: string[] = LOCKED_FIELDS.filter((f) => !sameValue(before[f], after[f]));
  if (after.closesAt.getTime() < before.closesAt.getTime()) changed.push('closesAt (it may only move later)');
  if (after.maxAttempts < before.maxAttempts) changed.push('maxAttempts (it may only grow)');
  const pb = before.predictionQuestion;
  const pa = after.predictionQuestion;
  if (!!pb !== !!pa || (pb && pa && (pb.prompt !== pa.prompt || pb.target !== pa.target || pb.countBy !== pa.countBy))) changed.push('predictionQuestion');
  return changed;
}

function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** JSON with object keys sorted: PostgreSQL's jsonb does not keep the order they were written in. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v ?? null, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>)
            .filter(([, y]) => y !== undefined)
            .sort(([p], [q]) => (p < q ? -1 : 1)),
        )
      : x,
  );
}

/** Entrants may have started once the round opened, whether or not the job has run yet. */
export function isRoundLocked(status: RoundStatus, opensAt: Date, now: number): boolean {
  if (status === 'draft') return false;
  if (status === 'scheduled') return opensAt.getTime() <= now;
  return true;
}

/** Whether attempts may start right now (the times decide; jobs only update the status). */
export function isRoundAcceptingEntries(r: { status: RoundStatus; opensAt: Date; closesAt: Date }, now: number): boolean {
  return (r.status === 'scheduled' || r.status === 'open') && r.opensAt.getTime() <= now && now < r.closesAt.getTime();
}

/** Over for entrants: closed by staff or by the clock. */
export function isRoundOver(r: { status: RoundStatus; closesAt: Date }, now: number): boolean {
  return r.status === 'closed' || r.status === 'published' || (r.status !== 'draft' && r.closesAt.getTime() <= now);
}

const VN_OFFSET_MS = 7 * 3600_000;
/** Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving), so display time is a fixed offset. */
export function vietnamTime(d: Date | null): string | null {
  if (!d) return null;
  return new Date(d.getTime() + VN_OFFSET_MS).toISOString().replace(/\.\d{3}Z$/, '+07:00');
}
