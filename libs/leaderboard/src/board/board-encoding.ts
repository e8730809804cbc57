/**
 * How a ranked entry is written into a Redis sorted set so that ZREVRANGE / ZREVRANK give
 * the live ranking (SPEC.md "Ranking", rules 1, 3, 4) without sorting in Node:
 *
 *   score  = the attempt's score (a double: exact, no bit packing, no precision lost)
 *   member = <999999999 - timeTakenMs : 9 digits><9999999999999 - submittedAtMs : 13 digits>:<userId>
 *
 * Redis orders equal scores by member bytes, and ZREV* reverses that, so among equal scores
 * the lexicographically larger member comes first: the shorter time, then the earlier
 * submission, then (a total order, so ranks are stable across rebuilds) the user id.
 */
export const MAX_TIME_MS = 999_999_999;
export const MAX_SUBMITTED_MS = 9_999_999_999_999;
const TIME_DIGITS = 9;
const SUBMITTED_DIGITS = 13;
/** Offset of the userId inside a member (after both fixed-width fields and the colon). */
export const USER_OFFSET = TIME_DIGITS + SUBMITTED_DIGITS + 1;

export interface EncodedEntry {
  score: number;
  member: string;
}

export interface DecodedEntry {
  userId: string;
  score: number;
  timeTakenMs: number;
  submittedAtMs: number;
}

/**
 * Scores are sums of fractional points (partial credit); two equal scores reached in a
 * different order must compare equal, and a board rebuilt from PostgreSQL must equal the
 * live one, so scores are rounded to the 4 decimals of `attempt.score numeric(12,4)`.
 */
export const SCORE_DECIMALS = 4;
export function normaliseScore(score: number): number {
  if (!Number.isFinite(score)) throw new RangeError(`score must be a finite number (got ${score})`);
  const r = Math.round(score * 10 ** SCORE_DECIMALS) / 10 ** SCORE_DECIMALS;
  return r === 0 ? 0 : r; // no -0
}

const clamp = (n: number, max: number) => Math.min(max, Math.max(0, Math.floor(n)));

export function encodeEntry(e: { userId: string; score: number; timeTakenMs: number; submittedAtMs: number }): EncodedEntry {
  if (!e.userId || e.userId.includes(':')) throw new RangeError('userId must be non-empty and without ":"');
  const t = String(MAX_TIME_MS - clamp(e.timeTakenMs, MAX_TIME_MS)).padStart(TIME_DIGITS, '0');
  const s = String(MAX_SUBMITTED_MS - clamp(e.submittedAtMs, MAX_SUBMITTED_MS)).padStart(SUBMITTED_DIGITS, '0');
  return { score: normaliseScore(e.score), member: `${t}${s}:${e.userId}` };
}

export function decodeEntry(member: string, score: number | string): DecodedEntry {
  return {
    userId: member.slice(USER_OFFSET),
    score: Number(score),
    timeTakenMs: MAX_TIME_MS - Number(member.slice(0, TIME_DIGITS)),
    submittedAtMs: MAX_SUBMITTED_MS - Number(member.slice(TIME_DIGITS, TIME_DIGITS + SUBMITTED_DIGITS)),
  };
}

export type Scoring = 'best' | 'last';

/**
 * Does `next` replace `current` as the user's entry? The same rule as the Lua script in
 * board.scripts.ts (rebuild reduces attempts in Node with this, records go through Lua;
 * the rebuild test proves both agree).
 *  - best: the better entry by the ranking order;
 *  - last: the later submission (same instant: the better one, so replays are stable).
 */
export function replaces(scoring: Scoring, next: EncodedEntry, current: EncodedEntry | null): boolean {
  if (!current) return true;
  if (next.member === current.member && next.score === current.score) return false;
  if (scoring === 'last') {
    const ns = next.member.slice(TIME_DIGITS, TIME_DIGITS + SUBMITTED_DIGITS);
    const cs = current.member.slice(TIME_DIGITS, TIME_DIGITS + SUBMITTED_DIGITS);
    // Inverted times: the smaller string is the later submission.
    if (ns !== cs) return ns < cs;
  }
  if (next.score !== current.score) return next.score > current.score;
  return next.member > current.member;
}

/** Ranking order as a comparator (best first), for tests and in-memory checks. */
export function compareEntries(a: EncodedEntry, b: EncodedEntry): number {
  if (a.score !== b.score) return b.score - a.score;
  return a.member < b.member ? 1 : a.member > b.member ? -1 : 0;
}
