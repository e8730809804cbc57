import type { AnswerValue } from './api/types';
import type { SaveOutcome } from './api/errors';
import { readJson, type KeyValueStorage } from './storage';

/**
 * Keeps every answer of an attempt in localStorage until the server has acknowledged it, so
 * answers survive network loss, a reload or a crashed in-app browser. Only the latest answer
 * per question is kept; each gets a sequence number higher than any before it for that
 * question, so the server can refuse an older answer that arrives after a newer one.
 */

export interface PendingAnswer {
  questionId: string;
  answer: AnswerValue;
  seq: number;
  queuedAt: number;
}

interface OutboxState {
  /** Highest seq used or seen per question. */
  seq: Record<string, number>;
  /** Not yet acknowledged by the server: the latest answer per question. */
  pending: Record<string, PendingAnswer>;
  /** The latest answer per question as the resident left it (sent or not). */
  values: Record<string, AnswerValue>;
}

export interface SendResult {
  outcome: SaveOutcome;
}

export interface FlushResult {
  sent: string[];
  dropped: string[];
  remaining: number;
  /** Why the flush stopped early, if it did. */
  stoppedBy: 'retry' | 'closed' | null;
}

const empty = (): OutboxState => ({ seq: {}, pending: {}, values: {} });

export function sameAnswer(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  if (!a || !b) return a === b;
  const ao = [...(a.optionIds ?? [])].sort().join('\u0000');
  const bo = [...(b.optionIds ?? [])].sort().join('\u0000');
  return ao === bo && (a.value ?? null) === (b.value ?? null);
}

export class Outbox {
  private state: OutboxState;
  private flushing: Promise<FlushResult> | null = null;

  /**
   * @param floorSeq a lower bound for the next seq (e.g. tenths of a second since the attempt
   *   started on the server clock), so another device or a cleared storage still produces
   *   numbers above the ones already sent. Defaults to a plain counter.
   */
  constructor(
    private readonly storage: KeyValueStorage,
    readonly attemptId: string,
    private readonly floorSeq: () => number = () => 0,
    private readonly now: () => number = Date.now,
  ) {
    this.state = { ...empty(), ...(readJson<OutboxState>(storage, this.key) ?? {}) };
  }

  private get key(): string {
    return `lc.outbox.${this.attemptId}`;
  }

  private save(): void {
    this.storage.setItem(this.key, JSON.stringify(this.state));
  }

  /** Records the resident's answer and returns what must be sent. */
  record(questionId: string, answer: AnswerValue): PendingAnswer {
    const seq = Math.max((this.state.seq[questionId] ?? 0) + 1, Math.floor(this.floorSeq()));
    const p: PendingAnswer = { questionId, answer, seq, queuedAt: this.now() };
    this.state.seq[questionId] = seq;
    this.state.pending[questionId] = p;
    this.state.values[questionId] = answer;
    this.save();
    return p;
  }

  /** Takes in answers the server already holds (resume on another device or after a reload). */
  seed(server: Record<string, AnswerValue & { seq?: number }>): void {
    for (const [qid, a] of Object.entries(server)) {
      if (typeof a.seq === 'number') this.state.seq[qid] = Math.max(this.state.seq[qid] ?? 0, a.seq);
      // A local answer not yet sent is newer than what the server has.
      if (!this.state.pending[qid]) this.state.values[qid] = { optionIds: a.optionIds, value: a.value };
    }
    this.save();
  }

  values(): Record<string, AnswerValue> {
    return { ...this.state.values };
  }

  pending(): PendingAnswer[] {
    return Object.values(this.state.pending).sort((a, b) => a.queuedAt - b.queuedAt || a.seq - b.seq);
  }

  isPending(questionId: string): boolean {
    return questionId in this.state.pending;
  }

  get size(): number {
    return Object.keys(this.state.pending).length;
  }

  /** Removes the answer if nothing newer was recorded meanwhile. */
  acknowledge(questionId: string, seq: number): void {
    const p = this.state.pending[questionId];
    if (p && p.seq <= seq) {
      delete this.state.pending[questionId];
      this.save();
    }
  }

  clear(): void {
    this.state = empty();
    this.storage.removeItem(this.key);
  }

  /**
   * Sends pending answers one by one, oldest first, until done or a send says to stop.
   * Answers recorded during the flush are sent in the same flush. Concurrent calls share it.
   */
  flush(send: (p: PendingAnswer) => Promise<SendResult>): Promise<FlushResult> {
    if (!this.flushing) {
      this.flushing = this.run(send).finally(() => {
        this.flushing = null;
      });
    }
    return this.flushing;
  }

  private async run(send: (p: PendingAnswer) => Promise<SendResult>): Promise<FlushResult> {
    const result: FlushResult = { sent: [], dropped: [], remaining: 0, stoppedBy: null };
    const tried = new Map<string, number>();
    for (;;) {
      // Each (question, seq) once per flush: a newer answer recorded meanwhile goes next.
      const next = this.pending().find((p) => tried.get(p.questionId) !== p.seq);
      if (!next) break;
      tried.set(next.questionId, next.seq);
      let outcome: SaveOutcome;
      try {
        outcome = (await send(next)).outcome;
      } catch {
        outcome = 'retry';
      }
      if (outcome === 'retry' || outcome === 'closed') {
        result.stoppedBy = outcome;
        break;
      }
      this.acknowledge(next.questionId, next.seq);
      (outcome === 'ok' ? result.sent : result.dropped).push(next.questionId);
    }
    result.remaining = this.size;
    return result;
  }
}
