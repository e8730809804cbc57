/**
 * The live final as the three screens see it, and the pure rules they share: folding the
 * socket's pushes into the state read over HTTP, the time left on the server's clock, the
 * answer distribution in percent. No DOM, no fetch: tested in live-model.test.ts.
 */
import { remainingMs } from '../shared/clock';
import type { LiveBoardRow, LiveFinalEvents, LiveMe, LiveQuestion, LiveReveal, LiveState, LiveStatus } from './live-types';

export interface LiveView {
  status: LiveStatus;
  /** 0-based; -1 before the first question. */
  index: number;
  total: number;
  question: LiveQuestion | null;
  closesAt: string | null;
  /** While paused: what it resumes to, and a paused question's time left. */
  pausedFrom: LiveStatus | null;
  pausedRemainingMs: number | null;
  reveal: LiveReveal | null;
  board: { top: LiveBoardRow[]; total: number } | null;
  me: LiveMe | null;
  /** Staff only: accepted answers to the current question. */
  answered: number | null;
}

/** The screen's state from GET /rounds/:id/live/state: the one source after every (re)connection. */
export function fromState(s: LiveState): LiveView {
  const question = s.question ?? null;
  return {
    status: s.status,
    index: s.index,
    total: s.total,
    question,
    closesAt: s.closesAt ?? null,
    pausedFrom: s.pausedFrom ?? null,
    pausedRemainingMs: s.remainingMs ?? null,
    // A reveal of another question (the previous one, read while the next shows) is not this one's.
    reveal: s.reveal && question && s.reveal.questionId === question.id ? s.reveal : null,
    board: s.board ?? null,
    me: s.me ?? null,
    answered: s.answered ?? null,
  };
}

/**
 * A question shown: a new one clears the last reveal and answer; an older or repeated push
 * (events may arrive after the HTTP read that already has them) changes nothing.
 */
export function applyQuestion(v: LiveView, e: LiveFinalEvents['live:question']): LiveView {
  if (e.index < v.index) return v;
  if (e.index === v.index && v.question?.id === e.question.id) {
    // The same question again (after a resume: its moved deadline); its answer and reveal stay.
    if (v.status === 'revealed' || v.status === 'ended') return v;
    return { ...v, status: 'question', closesAt: e.closesAt, pausedFrom: null, pausedRemainingMs: null };
  }
  return {
    ...v,
    status: 'question',
    index: e.index,
    total: e.total,
    question: e.question,
    closesAt: e.closesAt,
    pausedFrom: null,
    pausedRemainingMs: null,
    reveal: null,
    answered: v.answered === null ? null : 0,
    me: v.me ? { ...v.me, optionIds: null } : v.me,
  };
}

export function applyReveal(v: LiveView, e: LiveFinalEvents['live:reveal']): LiveView {
  if (!v.question || v.question.id !== e.questionId) return v;
  return {
    ...v,
    status: v.status === 'paused' || v.status === 'ended' ? v.status : 'revealed',
    reveal: { questionId: e.questionId, correctOptionIds: e.correctOptionIds, distribution: e.distribution, explanation: e.explanation ?? null },
  };
}

export function applyBoard(v: LiveView, e: LiveFinalEvents['live:board']): LiveView {
  return { ...v, board: { top: e.top, total: e.total } };
}

export function applyStatus(v: LiveView, e: LiveFinalEvents['live:status']): LiveView {
  if (e.status === v.status) return v;
  return { ...v, status: e.status, pausedFrom: e.status === 'paused' ? v.status : null };
}

/**
 * Time left to answer on the server's clock (the phone's own clock is never trusted: only
 * the offset to the server's): while a question shows, to its closesAt; while paused, the
 * time it had left; otherwise none.
 */
export function timeLeftMs(v: LiveView, offsetMs: number, localNowMs: number = Date.now()): number | null {
  if (v.status === 'question' && v.closesAt) return remainingMs(v.closesAt, offsetMs, localNowMs);
  if (v.status === 'paused' && v.pausedFrom === 'question') return v.pausedRemainingMs;
  return null;
}

/** Whole seconds shown on a stage countdown: rounded up, so 0 shows only when time is out. */
export function secondsShown(ms: number | null): number | null {
  return ms === null ? null : Math.max(0, Math.ceil(ms / 1000));
}

export interface DistributionBar {
  optionId: string;
  text: string;
  /** A, B, C… as players see the option. */
  letter: string;
  count: number;
  /** Whole percent of the answers; the bars of one question add up to 100 (largest remainder). */
  percent: number;
  correct: boolean;
}

export const optionLetter = (i: number) => String.fromCharCode(65 + (i % 26));

export function distributionBars(question: LiveQuestion, reveal: LiveReveal | null): DistributionBar[] {
  const counts = question.options.map((o) => Math.max(0, Math.floor(reveal?.distribution[o.id] ?? 0)));
  const percents = wholePercents(counts);
  const correct = new Set(reveal?.correctOptionIds ?? []);
  return question.options.map((o, i) => ({
    optionId: o.id,
    text: o.text,
    letter: optionLetter(i),
    count: counts[i],
    percent: percents[i],
    correct: correct.has(o.id),
  }));
}

/**
 * Counts as whole percents that add up to exactly 100 (0s when nobody answered): each gets
 * its floor, then the largest remainders get the points left over (ties: the earlier option).
 */
export function wholePercents(counts: number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c * 100) / total);
  const out = exact.map(Math.floor);
  let left = 100 - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i]++;
    left--;
  }
  return out;
}

/** Did the player's answer match the key exactly (the live final scores all or nothing)? null: no answer. */
export function answerCorrect(optionIds: string[] | null | undefined, reveal: LiveReveal): boolean | null {
  if (!optionIds || optionIds.length === 0) return null;
  const key = new Set(reveal.correctOptionIds);
  return optionIds.length === key.size && optionIds.every((id) => key.has(id));
}

export const STATUS_LABEL: Record<LiveStatus, string> = {
  waiting: 'Chờ câu hỏi',
  question: 'Đang trả lời',
  revealed: 'Đã công bố đáp án',
  paused: 'Tạm dừng',
  ended: 'Đã kết thúc',
};

/** "Câu 3/10" (index is 0-based). */
export function questionLabel(index: number, total: number): string {
  return index < 0 ? `${total} câu hỏi` : `Câu ${index + 1}/${total}`;
}

/** What the host may press now, as the server's moves allow them (libs/live-finals live-state.ts). */
export interface HostMoves {
  start: boolean;
  next: boolean;
  reveal: boolean;
  pause: boolean;
  resume: boolean;
  end: boolean;
}

export function hostMoves(v: LiveView | null): HostMoves {
  if (!v) return { start: true, next: false, reveal: false, pause: false, resume: false, end: false };
  const s = v.status;
  return {
    // The state reads "waiting" before the room is opened too; opening is idempotent on the server.
    start: s === 'waiting' && v.index < 0,
    next: (s === 'waiting' || s === 'revealed') && v.index + 1 < v.total,
    reveal: s === 'question',
    pause: s === 'waiting' || s === 'question' || s === 'revealed',
    resume: s === 'paused',
    end: s !== 'ended',
  };
}

/** A short random delay before a player rereads the state after a reveal, so thousands of phones do not ask in the same millisecond. */
export function rereadDelayMs(random: number = Math.random(), spreadMs = 1500): number {
  return Math.floor(Math.max(0, Math.min(1, random)) * spreadMs);
}

/**
 * What is known of the offset to the server's clock (server − local, ms): each server stamp
 * S read between sending at A and receiving at B (local clock) says A + offset ≤ S ≤ B + offset,
 * so offset ∈ [S − B, S − A]; a push (no request) gives the lower end only. Intersecting
 * the samples keeps the countdown right even when one read was slow (a loaded room network,
 * a cold server), where the round trip's midpoint alone could be off by seconds.
 */
export interface ClockBounds {
  low: number;
  high: number;
}

export function narrowClock(b: ClockBounds | null, serverTime: string | number, receivedAtLocal: number, sentAtLocal?: number): ClockBounds | null {
  const server = typeof serverTime === 'number' ? serverTime : Date.parse(serverTime);
  if (!Number.isFinite(server)) return b;
  const fresh = { low: server - receivedAtLocal, high: sentAtLocal !== undefined && sentAtLocal <= receivedAtLocal ? server - sentAtLocal : Infinity };
  if (!b) return fresh;
  const n = { low: Math.max(b.low, fresh.low), high: Math.min(b.high, fresh.high) };
  // No offset fits every sample: the phone's clock was set meanwhile. Start again from this one.
  return n.low <= n.high ? n : fresh;
}

/** The offset to use: the middle of what is known, or the lower end when only pushes were seen. */
export function offsetOf(b: ClockBounds | null): number {
  if (!b) return 0;
  return Math.round(Number.isFinite(b.high) ? (b.low + b.high) / 2 : b.low);
}
