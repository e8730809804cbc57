/**
 * SPEC "Anti-cheating": an answer key never reaches entrants while a round still running
 * may draw the same question (weekly rounds share one bank). Keyed by the stable question,
 * not the version: an edit between weeks (a typo fixed) makes a new version with the same key.
 */
export interface KeyWithheld {
  reason: 'in_open_round';
  /** closesAt of the last round still drawing the question (it may move later if that round is extended). */
  until: string;
}

/** A round whose frozen pool holds the question. */
export interface DrawingRound {
  questionId: string;
  roundId: string;
  status: string;
  closesAt: Date;
  closedAt: Date | null;
}

/**
 * Whether a round may still take answers to its questions: scheduled or open, or closed less
 * than the answer grace ago (attempts at their deadline are still accepted for that long).
 * A round closed early by staff ends its attempts then, so its grace runs from that moment.
 */
export function stillDrawing(r: Pick<DrawingRound, 'status' | 'closesAt' | 'closedAt'>, nowMs: number, graceMs: number): boolean {
  if (r.status === 'scheduled' || r.status === 'open') return true;
  if (r.status !== 'closed') return false;
  const ended = Math.min(r.closesAt.getTime(), (r.closedAt ?? r.closesAt).getTime());
  return ended + graceMs > nowMs;
}

/** Per question, why and until when its key is withheld (questions absent from the map are free). */
export function withheldKeys(rounds: DrawingRound[], nowMs: number, graceMs: number): Map<string, KeyWithheld> {
  const until = new Map<string, number>();
  for (const r of rounds) {
    if (!stillDrawing(r, nowMs, graceMs)) continue;
    until.set(r.questionId, Math.max(until.get(r.questionId) ?? 0, r.closesAt.getTime()));
  }
  return new Map([...until].map(([q, ms]) => [q, { reason: 'in_open_round', until: new Date(ms).toISOString() }]));
}
