import { formatDuration, formatNumber, formatVnDateTime } from '@lc/platform';
import { Separator } from './compare';
import type { RankedResult, RoundRanking } from './rank-round';
import { RankingRules, TieBreakStep } from './rules';

/** One sentence: an i18n key with its parameters, and the sentence in Vietnamese and English. */
export interface ExplanationLine {
  key: string;
  params: Record<string, string | number>;
  vi: string;
  en: string;
}

/**
 * Who reads the explanation: the person concerned ("Bạn xếp hạng…") or staff, who read it
 * in the third person with the person's short name ("Nguyễn V. A. xếp hạng…").
 */
export type Perspective = { reader: 'self' } | { reader: 'staff'; name: string };

export interface PlaceExplanation {
  personId: string;
  perspective: Perspective['reader'];
  rank: number;
  total: number;
  lines: ExplanationLine[];
  vi: string;
  en: string;
}

export interface NeighbourView {
  me: RankedResult;
  previous: RankedResult | null;
  next: RankedResult | null;
  total: number;
  rules: RankingRules;
  actual: number | null;
  /** Default: the person concerned. */
  perspective?: Perspective;
}

/** The person as subject of a sentence ("Bạn" / the name), in both languages. */
interface Subject {
  vi: string;
  en: string;
  /** English possessive: "your" / "Nguyễn V. A.'s". */
  enOf: string;
  /** Vietnamese "of": "của bạn" / "của Nguyễn V. A.". */
  viOf: string;
  params: Record<string, string>;
}

function subjectOf(p: Perspective | undefined): Subject {
  if (!p || p.reader === 'self') return { vi: 'Bạn', en: 'You', enOf: 'your', viOf: 'của bạn', params: {} };
  return { vi: p.name, en: p.name, enOf: `${p.name}'s`, viOf: `của ${p.name}`, params: { name: p.name } };
}

const STEP_VI: Record<TieBreakStep, string> = {
  score: 'điểm cao hơn',
  prediction: 'dự đoán gần kết quả hơn',
  'under-before-over': 'cùng độ chênh lệch thì dự đoán không vượt quá kết quả xếp trước (dưới trước trên)',
  'time-taken': 'thời gian làm bài ngắn hơn',
  'since-open': 'nộp bài sớm hơn tính từ lúc mở vòng thi',
  'submitted-at': 'nộp bài sớm hơn',
};
const STEP_EN: Record<TieBreakStep, string> = {
  score: 'higher score',
  prediction: 'prediction closer to the actual value',
  'under-before-over': 'at equal distance, a guess at or under the actual value first (under before over)',
  'time-taken': 'shorter time taken',
  'since-open': 'earlier submission counted from the round opening',
  'submitted-at': 'earlier submission',
};

function line(key: string, params: Record<string, string | number>, vi: string, en: string): ExplanationLine {
  return { key, params, vi, en };
}

/** Explains a person's place from a ranking held in memory. Null if they are not ranked. */
export function explainPlace(ranking: RoundRanking, personId: string, perspective?: Perspective): PlaceExplanation | null {
  const i = ranking.results.findIndex((r) => r.personId === personId);
  if (i < 0) return null;
  const res = ranking.results;
  return explainFromNeighbours({
    me: res[i],
    previous: i > 0 ? res[i - 1] : null,
    next: i + 1 < res.length ? res[i + 1] : null,
    total: res.length,
    rules: ranking.rules,
    actual: ranking.context.actual,
    perspective,
  });
}

/** Explains a place from the person's row and their two neighbours (what a stored ranking can load). */
export function explainFromNeighbours(v: NeighbourView): PlaceExplanation {
  const { me, rules } = v;
  const who = subjectOf(v.perspective);
  const lines: ExplanationLine[] = [];
  lines.push(
    line(
      'ranking.explain.place',
      { rank: me.rank, total: v.total, ...who.params },
      `${who.vi} xếp hạng ${me.rank} trên ${v.total} người dự thi.`,
      `${who.en} placed ${me.rank} of ${v.total} entrants.`,
    ),
  );
  lines.push(
    line(
      'ranking.explain.rules',
      { chain: rules.chain.join(',') },
      `Thể lệ xếp hạng lần lượt theo: ${rules.chain.map((s) => STEP_VI[s]).join('; ')}.`,
      `The rules rank by, in order: ${rules.chain.map((s) => STEP_EN[s]).join('; ')}.`,
    ),
  );
  lines.push(attemptLine(me, rules, who));
  if (rules.chain.includes('prediction') && rules.prediction !== null && v.actual !== null) lines.push(predictionLine(me, v.actual, who));
  if (v.previous) lines.push(compareLine('behind', me, v.previous, me.vsPrevious ?? 'tie', rules));
  if (v.previous) lines.push(...fellThrough(me, v.previous, me.vsPrevious ?? 'tie', rules));
  if (v.next) lines.push(compareLine('ahead', me, v.next, v.next.vsPrevious ?? 'tie', rules));
  if (v.next) lines.push(...fellThrough(me, v.next, v.next.vsPrevious ?? 'tie', rules));
  return {
    personId: me.personId,
    perspective: v.perspective?.reader ?? 'self',
    rank: me.rank,
    total: v.total,
    lines,
    vi: lines.map((l) => l.vi).join(' '),
    en: lines.map((l) => l.en).join(' '),
  };
}

function attemptLine(me: RankedResult, rules: RankingRules, who: Subject): ExplanationLine {
  const which = rules.representative === 'best' ? { vi: 'tốt nhất', en: 'best' } : { vi: 'cuối cùng', en: 'last' };
  const params = {
    attemptNo: me.attemptNo ?? '',
    attemptsCounted: me.attemptsCounted,
    score: me.score,
    maxScore: me.maxScore,
    timeTakenMs: me.timeTakenMs,
    ...who.params,
  };
  return line(
    'ranking.explain.attempt',
    params,
    `Bài được tính là bài ${which.vi} trong ${me.attemptsCounted} lượt thi hợp lệ: ${formatNumber(me.score, 'vi')}/${formatNumber(me.maxScore, 'vi')} điểm, thời gian làm bài ${formatDuration(me.timeTakenMs, 'vi')}, nộp lúc ${formatVnDateTime(me.submittedAt)} (giờ Việt Nam).`,
    `The attempt counted is ${who.enOf} ${which.en} of ${me.attemptsCounted} valid attempts: ${formatNumber(me.score, 'en')}/${formatNumber(me.maxScore, 'en')} points, time taken ${formatDuration(me.timeTakenMs, 'en')}, submitted ${formatVnDateTime(me.submittedAt)} (Vietnam time).`,
  );
}

function predictionLine(me: RankedResult, actual: number, who: Subject): ExplanationLine {
  if (me.prediction === null)
    return line(
      'ranking.explain.noPrediction',
      { actual, ...who.params },
      `${who.vi} không trả lời câu hỏi dự đoán (kết quả: ${formatNumber(actual, 'vi')}).`,
      `${who.en} gave no prediction (actual value: ${formatNumber(actual, 'en')}).`,
    );
  return line(
    'ranking.explain.prediction',
    { prediction: me.prediction, actual, distance: me.distance ?? 0, ...who.params },
    `Dự đoán ${who.viOf}: ${formatNumber(me.prediction, 'vi')}; kết quả: ${formatNumber(actual, 'vi')}; chênh lệch ${formatNumber(me.distance ?? 0, 'vi')}.`,
    `${who.enOf.charAt(0).toUpperCase()}${who.enOf.slice(1)} prediction: ${formatNumber(me.prediction, 'en')}; actual value: ${formatNumber(actual, 'en')}; distance ${formatNumber(me.distance ?? 0, 'en')}.`,
  );
}

type Side = 'behind' | 'ahead';

/** "Behind place 2 because …" / "Ahead of place 4 because …", with both sides' values. */
function compareLine(side: Side, me: RankedResult, other: RankedResult, sep: Separator, rules: RankingRules): ExplanationLine {
  const key = `ranking.explain.${side}.${sep}`;
  const pre =
    side === 'behind'
      ? { vi: `Xếp sau người hạng ${other.rank}`, en: `Behind place ${other.rank}` }
      : { vi: `Xếp trên người hạng ${other.rank}`, en: `Ahead of place ${other.rank}` };
  if (sep === 'tie')
    return line(
      key,
      { otherRank: other.rank },
      `Bằng người hạng ${other.rank} ở mọi tiêu chí của thể lệ nên đồng hạng.`,
      `Equal with place ${other.rank} on every rule, so the rank is shared.`,
    );
  const { mine, theirs, vi, en } = reason(side, me, other, sep, rules);
  return line(
    key,
    { otherRank: other.rank, mine: mine.vi, theirs: theirs.vi },
    `${pre.vi} vì ${vi}: ${mine.vi} so với ${theirs.vi}.`,
    `${pre.en}: ${en}: ${mine.en} vs ${theirs.en}.`,
  );
}

/**
 * Two people equally far from the actual value, one under and one over it, whom a later
 * step separated: says why, since people expect the lower guess first (SPEC, Ranking).
 */
function fellThrough(me: RankedResult, other: RankedResult, sep: Separator, rules: RankingRules): ExplanationLine[] {
  const at = rules.chain.indexOf('prediction');
  if (at < 0 || rules.chain.includes('under-before-over') || sep === 'prediction-equal-distance') return [];
  if (sep !== 'tie' && rules.chain.indexOf(sep) < at) return [];
  if (me.distance === null || me.distance !== other.distance || me.prediction === null || other.prediction === null || me.prediction === other.prediction)
    return [];
  return [
    line(
      'ranking.explain.equalDistance',
      { otherRank: other.rank },
      `Dự đoán ${formatNumber(me.prediction, 'vi')} và ${formatNumber(other.prediction, 'vi')} cùng chênh lệch ${formatNumber(me.distance, 'vi')} so với kết quả (một dưới, một trên); thể lệ không có tiêu chí “dưới trước trên” nên xét tiếp tiêu chí sau.`,
      `Predictions ${formatNumber(me.prediction, 'en')} and ${formatNumber(other.prediction, 'en')} are equally far (${formatNumber(me.distance, 'en')}) from the actual value, one under and one over; the rules have no "under before over" step, so the next rule decides.`,
    ),
  ];
}

interface Shown {
  vi: string;
  en: string;
}

function shownValue(r: RankedResult, sep: Exclude<Separator, 'tie'>): Shown {
  switch (sep) {
    case 'score':
      return { vi: `${formatNumber(r.score, 'vi')} điểm`, en: `${formatNumber(r.score, 'en')} points` };
    case 'prediction':
      return r.distance === null
        ? { vi: 'không dự đoán', en: 'no prediction' }
        : { vi: `chênh lệch ${formatNumber(r.distance, 'vi')}`, en: `distance ${formatNumber(r.distance, 'en')}` };
    case 'under-before-over':
      return { vi: `dự đoán ${formatNumber(r.prediction ?? 0, 'vi')}`, en: `prediction ${formatNumber(r.prediction ?? 0, 'en')}` };
    case 'prediction-equal-distance':
      return {
        vi: `dự đoán ${formatNumber(r.prediction ?? 0, 'vi')}, nộp lúc ${formatVnDateTime(r.submittedAt)}`,
        en: `prediction ${formatNumber(r.prediction ?? 0, 'en')}, submitted ${formatVnDateTime(r.submittedAt)}`,
      };
    case 'time-taken':
      return { vi: formatDuration(r.timeTakenMs, 'vi'), en: formatDuration(r.timeTakenMs, 'en') };
    case 'since-open':
      return { vi: formatDuration(r.sinceOpenMs ?? 0, 'vi'), en: formatDuration(r.sinceOpenMs ?? 0, 'en') };
    case 'submitted-at':
      return { vi: formatVnDateTime(r.submittedAt), en: formatVnDateTime(r.submittedAt) };
  }
}

function reason(side: Side, me: RankedResult, other: RankedResult, sep: Exclude<Separator, 'tie'>, rules: RankingRules) {
  const mine = shownValue(me, sep);
  const theirs = shownValue(other, sep);
  const better = side === 'ahead';
  if (sep === 'under-before-over')
    return {
      mine,
      theirs,
      vi: 'cùng độ chênh lệch, thể lệ xếp dự đoán không vượt quá kết quả trước dự đoán vượt quá kết quả (dưới trước trên)',
      en: 'equal distance; the rules put a guess at or under the actual value before one over it (under before over)',
    };
  if (sep === 'prediction-equal-distance') {
    // Results stored before version 2 of the audit, under the equal-distance setting of that time.
    const policy =
      (rules as { equalDistance?: string }).equalDistance === 'earlier'
        ? { vi: 'cùng độ chênh lệch, thể lệ xếp người nộp bài sớm hơn trước', en: 'equal distance; the rules put the earlier submission first' }
        : {
            vi: 'cùng độ chênh lệch, thể lệ xếp dự đoán không vượt kết quả trước dự đoán vượt kết quả',
            en: 'equal distance; the rules put a guess at or under the actual value before one over it',
          };
    return { mine, theirs, ...policy };
  }
  const label = better ? { vi: STEP_VI[sep], en: STEP_EN[sep] } : { vi: worseVi(sep), en: worseEn(sep) };
  return { mine, theirs, ...label };
}

function worseVi(s: TieBreakStep): string {
  switch (s) {
    case 'score':
      return 'điểm thấp hơn';
    case 'prediction':
      return 'dự đoán xa kết quả hơn';
    case 'under-before-over':
      return 'cùng độ chênh lệch nhưng dự đoán vượt quá kết quả (dưới trước trên)';
    case 'time-taken':
      return 'thời gian làm bài dài hơn';
    case 'since-open':
      return 'nộp bài muộn hơn tính từ lúc mở vòng thi';
    case 'submitted-at':
      return 'nộp bài muộn hơn';
  }
}

function worseEn(s: TieBreakStep): string {
  switch (s) {
    case 'score':
      return 'lower score';
    case 'prediction':
      return 'prediction further from the actual value';
    case 'under-before-over':
      return 'equal distance but a guess over the actual value (under before over)';
    case 'time-taken':
      return 'longer time taken';
    case 'since-open':
      return 'later submission counted from the round opening';
    case 'submitted-at':
      return 'later submission';
  }
}
