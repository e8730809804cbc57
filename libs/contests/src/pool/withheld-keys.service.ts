import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, ClockService } from '@lc/platform';
import { sqlRows } from '../common/sql';
import { type DrawingRound, type KeyWithheld, withheldKeys } from './key-withholding';

/** A question of a round's pool whose key stays withheld, for staff deciding to publish. */
export interface WithheldQuestion {
  questionId: string;
  stem: string;
  until: string;
  reason: KeyWithheld['reason'];
  /** The rounds still drawing it, latest closing first. */
  rounds: { id: string; contestId: string; seq: number; title: string; status: string; closesAt: string }[];
}

interface Row {
  question_id: string;
  round_id: string;
  contest_id: string;
  seq: number;
  title: string;
  status: string;
  closes_at: Date;
  closed_at: Date | null;
}

/**
 * Which answer keys stay withheld because another round still draws the question (the rule
 * is in key-withholding.ts). Reads start from the few running rounds (status index), then
 * their pools by primary key, so a review under a publication surge costs one small query.
 */
@Injectable()
export class WithheldKeysService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly config: AppConfig,
  ) {}

  /** Keys of these questions withheld because of a round other than `roundId`. */
  async forQuestions(questionIds: string[], roundId: string): Promise<Map<string, KeyWithheld>> {
    if (!questionIds.length) return new Map();
    return withheldKeys((await this.drawing(questionIds, roundId)).map(toDrawing), this.clock.now(), this.config.answerGraceMs);
  }

  /** The round's whole pool: which keys publishing it would still withhold, and until when. */
  async forRoundPool(roundId: string): Promise<WithheldQuestion[]> {
    const pool = await sqlRows<{ question_id: string; stem: string }>(
      this.db,
      `SELECT DISTINCT ON (question_id) question_id, content->>'stem' AS stem FROM round_question WHERE round_id = $1 ORDER BY question_id, question_version_id`,
      [roundId],
    );
    const rows = await this.drawing(
      pool.map((p) => p.question_id),
      roundId,
    );
    const keys = withheldKeys(rows.map(toDrawing), this.clock.now(), this.config.answerGraceMs);
    return pool
      .filter((p) => keys.has(p.question_id))
      .map((p) => ({
        questionId: p.question_id,
        stem: p.stem,
        ...keys.get(p.question_id)!,
        rounds: rows
          .filter((r) => r.question_id === p.question_id)
          .sort((a, b) => b.closes_at.getTime() - a.closes_at.getTime())
          .map((r) => ({ id: r.round_id, contestId: r.contest_id, seq: r.seq, title: r.title, status: r.status, closesAt: r.closes_at.toISOString() })),
      }))
      .sort((a, b) => b.until.localeCompare(a.until) || a.stem.localeCompare(b.stem));
  }

  /** Rounds other than `roundId` whose pools hold these questions and that may still draw them (a superset; the rule decides). */
  private drawing(questionIds: string[], roundId: string): Promise<Row[]> {
    if (!questionIds.length) return Promise.resolve([]);
    const cutoff = new Date(this.clock.now() - this.config.answerGraceMs);
    return sqlRows<Row>(
      this.db,
      `SELECT DISTINCT rq.question_id, r.id AS round_id, r.contest_id, r.seq, r.title, r.status, r.closes_at, r.closed_at
         FROM round r JOIN round_question rq ON rq.round_id = r.id
        WHERE (r.status IN ('scheduled', 'open') OR (r.status = 'closed' AND r.closed_at > $3))
          AND r.id <> $2 AND rq.question_id = ANY($1::uuid[])`,
      [questionIds, roundId, cutoff],
    );
  }
}

const toDrawing = (r: Row): DrawingRound => ({
  questionId: r.question_id,
  roundId: r.round_id,
  status: r.status,
  closesAt: r.closes_at,
  closedAt: r.closed_at,
});
