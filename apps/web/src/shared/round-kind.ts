import type { Round } from './api/types';

export type RoundKind = Round['kind'];

/**
 * How a round's results read: a live final ends as attempts scored by the server, ranked,
 * awarded and published like a quiz round's (SPEC "Live finals"), so the result, rules and
 * correction screens treat it as one; only judged rounds differ.
 */
export const resultKind = (kind: RoundKind): 'quiz' | 'judged' => (kind === 'judged' ? 'judged' : 'quiz');

/** The round's kind in the organiser's words. */
export const ROUND_KIND_LABEL: Record<RoundKind, string> = {
  quiz: 'Trắc nghiệm',
  judged: 'Chấm điểm',
  live: 'Trực tiếp',
};
