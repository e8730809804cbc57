import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttemptHotStore } from '../hot/attempt-hot-store';
import { type AnswerToWrite, writeAnswers } from './answer-store';

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
    const rows: AnswerToWrite[] = [];
    for (const [attemptId, { answers }] of byAttempt) {
      for (const [questionKey, x] of answers)
        rows.push({ attemptId, questionKey, answer: x.answer, seq: x.seq, rev: x.rev, receivedAt: new Date(x.receivedAt) });
    }
    if (rows.length) await writeAnswers(this.db, rows);
    await this.hot.written(ids, new Map([...byAttempt].map(([id, x]) => [id, x.rev])));
    this.log.debug(`wrote ${rows.length} answers of ${ids.length} attempts`);
    return rows.length;
  }
}
