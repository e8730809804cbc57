import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttemptHotStore } from '../hot/attempt-hot-store';

const BATCH = 200;
/** Leave time before the next tick (every 500 ms) so a backlog never piles up runs. */
const BUDGET_MS = 400;

/**
 * Write-behind of autosaved answers: attempts marked dirty by the autosave script are taken
 * in batches; their answers changed since the last flush are upserted into attempt_answer.
 * A row is only replaced by a newer write (rev), so a slow batch can never undo the final
 * answers a submit wrote.
 */
@Injectable()
export class AnswerWritebackService {
  private readonly log = new Logger(AnswerWritebackService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hot: AttemptHotStore,
  ) {}

  async flush(): Promise<number> {
    const started = Date.now();
    let written = 0;
    while (Date.now() - started < BUDGET_MS) {
      const ids = await this.hot.takeDirty(BATCH);
      if (!ids.length) break;
      try {
        written += await this.write(ids);
        await this.hot.doneWith(ids);
      } catch (e) {
        await this.hot.redirty(ids);
        throw e;
      }
      if (ids.length < BATCH) break;
    }
    return written;
  }

  recoverInflight(): Promise<void> {
    return this.hot.recoverInflight();
  }

  private async write(ids: string[]): Promise<number> {
    const byAttempt = await this.hot.unwrittenAnswersOf(ids);
    const a: string[] = [];
    const k: string[] = [];
    const v: string[] = [];
    const s: number[] = [];
    const r: number[] = [];
    const t: Date[] = [];
    for (const [attemptId, { answers }] of byAttempt) {
      for (const [key, x] of answers) {
        a.push(attemptId);
        k.push(key);
        v.push(JSON.stringify(x.answer));
        s.push(x.seq);
        r.push(x.rev);
        t.push(new Date(x.receivedAt));
      }
    }
    if (!a.length) return 0;
    // Attempts deleted meanwhile (the join) are skipped rather than failing the batch.
    await this.db.query(
      `INSERT INTO attempt_answer (attempt_id, question_key, value, seq, rev, received_at)
       SELECT x.a, x.k, x.v, x.s, x.r, x.t
         FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::int[], $5::int[], $6::timestamptz[]) AS x(a, k, v, s, r, t)
         JOIN attempt ON attempt.id = x.a
       ON CONFLICT (attempt_id, question_key) DO UPDATE
          SET value = EXCLUDED.value, seq = EXCLUDED.seq, rev = EXCLUDED.rev, received_at = EXCLUDED.received_at
        WHERE attempt_answer.rev < EXCLUDED.rev`,
      [a, k, v, s, r, t],
    );
    await this.hot.markWritten(new Map([...byAttempt].map(([id, x]) => [id, x.rev])));
    this.log.debug(`wrote ${a.length} answers of ${ids.length} attempts`);
    return a.length;
  }
}
