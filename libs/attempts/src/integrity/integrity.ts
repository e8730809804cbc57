import { createHash } from 'node:crypto';
import type { SavedAnswer } from '../attempt/attempt-answer.entity';
import type { DrawnQuestion } from '../draw/draw';
import type { QuestionScore } from '../scoring/scoring';

export const FLAG_CODES = ['too_fast', 'shared_device', 'shared_ip', 'identical_answers'] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

/** Why an attempt deserves a judge's look; stored on the attempt, shown to staff only. */
export interface AttemptFlag {
  code: FlagCode;
  at: string;
  detail?: Record<string, unknown>;
}

/** Answered faster than a person can read: under `minSecondsPerQuestion` per answered question. */
export function tooFast(timeTakenMs: number, answeredCount: number, minSecondsPerQuestion: number): boolean {
  return answeredCount > 0 && minSecondsPerQuestion > 0 && timeTakenMs < answeredCount * minSecondsPerQuestion * 1000;
}

/** Below this many answers, two equal patterns are likely chance. */
const MIN_ANSWERED_FOR_PATTERN = 3;
/**
 * Below this many wrong answers, too: where every entrant gets the same questions, the strong
 * ones who fell for the same popular trap in one question (19 of 20) all look alike, and each
 * flag holds the round's publication back until a judge clears it.
 */
const MIN_WRONG_FOR_PATTERN = 2;

/**
 * A fingerprint of the answers (by question version and the bank's option ids, so it is
 * independent of each attempt's order and opaque ids), or null when a match would mean
 * nothing: too few answers, or fewer than two wrong (all strong entrants look alike).
 */
export function answerPattern(draw: DrawnQuestion[], answers: Record<string, SavedAnswer | undefined>, scored: QuestionScore[]): string | null {
  const answered = scored.filter((s) => s.answered);
  if (answered.length < MIN_ANSWERED_FOR_PATTERN) return null;
  if (answered.filter((s) => s.correct === false).length < MIN_WRONG_FOR_PATTERN) return null;
  const parts = draw
    .map((d) => {
      const a = answers[d.key];
      if (!a) return `${d.versionId}:-`;
      const refOf = new Map(d.options.map((o) => [o.id, o.ref]));
      const refs = (a.optionIds ?? [])
        .map((id) => refOf.get(id) ?? '?')
        .sort()
        .join(',');
      return `${d.versionId}:${refs}|${a.value ?? ''}`;
    })
    .sort();
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

export function flag(code: FlagCode, at: Date, detail?: Record<string, unknown>): AttemptFlag {
  return detail ? { code, at: at.toISOString(), detail } : { code, at: at.toISOString() };
}
