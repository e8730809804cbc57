import { createHash } from 'node:crypto';
import type { PoolQuestion } from '@lc/question-bank';

/** A question as a live final shows it: opaque ids (per round), the key kept beside them for the server. */
export interface LiveQuestion {
  /** Opaque per round: players never learn the bank's version or option ids. */
  id: string;
  versionId: string;
  type: PoolQuestion['type'];
  stem: string;
  points: number;
  explanation: string | null;
  options: { id: string; ref: string; text: string; correct: boolean }[];
}

const token = (prefix: string, ...parts: string[]) => `${prefix}${createHash('sha256').update(parts.join(':')).digest('base64url').slice(0, 16)}`;

/**
 * The round's view of a frozen version. The ids are derived (not stored), so every instance
 * gives the same ones, and they say nothing about the bank or the key.
 */
export function liveQuestion(roundId: string, q: PoolQuestion): LiveQuestion {
  return {
    id: token('q', roundId, q.versionId),
    versionId: q.versionId,
    type: q.type,
    stem: q.stem,
    points: q.points,
    explanation: q.explanation ?? null,
    options: q.options.map((o) => ({ id: token('o', roundId, q.versionId, o.id), ref: o.id, text: o.text, correct: o.correct })),
  };
}

export const correctIds = (q: LiveQuestion) => q.options.filter((o) => o.correct).map((o) => o.id);
