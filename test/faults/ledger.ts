/**
 * What the server acknowledged, as the clients saw it. The checker holds PostgreSQL to it.
 */

export interface AckedSubmission {
  attemptId: string;
  roundId: string;
  userId: string;
  status: 'submitted' | 'expired';
  score: number;
  maxScore: number;
  at: number;
}

export interface AckedAutosave {
  attemptId: string;
  questionId: string;
  seq: number;
  body: { optionIds?: string[]; value?: string | number | null };
  /** Client time of the acknowledgement. */
  at: number;
  /** Confirmed by a retry's "stale" answer naming this very seq, rather than a 200. */
  viaRetry: boolean;
}

export interface AckedStaffAction {
  kind: 'question.create';
  id: string;
  bankId: string;
  stem: string;
  at: number;
}

export class Ledger {
  readonly submissions = new Map<string, AckedSubmission>();
  readonly autosaves: AckedAutosave[] = [];
  readonly staff: AckedStaffAction[] = [];
  /** Every attempt a client learned of (started or resumed), per round and user. */
  readonly attempts = new Map<string, { roundId: string; userId: string }>();
  /** The highest seq ever sent per attempt and question (acknowledged or not). */
  readonly sentSeq = new Map<string, number>();
  /** Stems of questions whose creation was sent, acknowledged or not. */
  readonly sentStems = new Map<string, string>();
  /** Writes the server answered differently than a healthy server would: reported, and failed on. */
  readonly anomalies: string[] = [];

  submission(s: AckedSubmission): void {
    const prev = this.submissions.get(s.attemptId);
    if (prev && (prev.score !== s.score || prev.status !== s.status)) {
      this.anomalies.push(`attempt ${s.attemptId} acknowledged twice with different results: ${JSON.stringify(prev)} then ${JSON.stringify(s)}`);
    }
    if (!prev) this.submissions.set(s.attemptId, s);
  }

  sent(attemptId: string, questionId: string, seq: number): void {
    const k = `${attemptId}/${questionId}`;
    this.sentSeq.set(k, Math.max(seq, this.sentSeq.get(k) ?? 0));
  }

  autosave(a: AckedAutosave): void {
    this.autosaves.push(a);
  }

  /** Latest acknowledged autosave per attempt and question. */
  latestAutosaves(): Map<string, AckedAutosave> {
    const out = new Map<string, AckedAutosave>();
    for (const a of this.autosaves) {
      const k = `${a.attemptId}/${a.questionId}`;
      const prev = out.get(k);
      if (!prev || a.seq > prev.seq) out.set(k, a);
    }
    return out;
  }

  get writes(): number {
    return this.submissions.size + this.autosaves.length + this.staff.length;
  }
}
