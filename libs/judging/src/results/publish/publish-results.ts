import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Round, RoundLifecycle, type WithheldQuestion, WithheldKeysService } from '@lc/contests';
import { type Actor } from '@lc/identity';
import { AuditService, ClockService, conflict } from '@lc/platform';
import { ResultBuilder } from '../close/result-builder';
import { ResultsGate } from '../common/results-gate';
import { RoundResult } from '../entities';
import { acrossRoundsOf, lockResults } from '../close/result-store';
import { refuseFlaggedWinners } from '../review/flagged-winners';

export interface PublishOutcome {
  roundId: string;
  status: 'published';
  version: number;
  publishedAt: string;
  /** Keys entrants will not see yet: another round still draws these questions. */
  withheldKeys: WithheldQuestion[];
}

/**
 * POST /rounds/:id/results/publish: the provisional result becomes the published one
 * (immutable but for corrections), the round becomes `published` — which is what shows
 * entrants the answer key (but for questions another round still draws) and the true
 * leaderboard — and watchers get round:status.
 * Refused while a prize winner's attempt is flagged and no judge has voided or cleared it.
 */
@Injectable()
export class PublishResults {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly gate: ResultsGate,
    private readonly builder: ResultBuilder,
    private readonly lifecycle: RoundLifecycle,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
    private readonly withheld: WithheldKeysService,
  ) {}

  /** GET /rounds/:id/results/withheld-keys: what publishing now would still keep from entrants, and until when. */
  async withheldKeys(actor: Actor, roundId: string): Promise<{ roundId: string; questions: WithheldQuestion[] }> {
    await this.gate.organiserOrJudge(actor, roundId);
    return { roundId, questions: await this.withheld.forRoundPool(roundId) };
  }

  async execute(actor: Actor, roundId: string): Promise<PublishOutcome> {
    const access = await this.gate.organiserOrJudge(actor, roundId);
    const round = await this.db.getRepository(Round).findOneByOrFail({ id: roundId });
    await this.builder.judgedRows(round); // a judged round with unreconciled marks is not publishable
    const now = this.clock.nowDate();
    const version = await this.db.transaction(async (m) => {
      await lockResults(m, roundId);
      const r = await m.findOneBy(RoundResult, { roundId });
      if (!r) throw conflict('round_not_closed', 'Close the round first: there are no results to publish');
      if (r.status === 'published') throw conflict('results_published', 'The results are already published');
      if (r.stale) throw conflict('results_stale', 'Attempts were voided or reinstated since the round was closed: close it again to recompute, then publish');
      await this.refuseDoublePrizes(m, round);
      // Under the results lock: a void (which makes the results stale) cannot slip in between.
      await refuseFlaggedWinners(m, roundId, 'publishing');
      await m.update(RoundResult, { roundId }, { status: 'published', publishedAt: now, publishedBy: actor.id });
      await this.lifecycle.publish(m, roundId, now); // announced once this commits: caches drop, watchers get round:status
      await this.audit.record(
        actor,
        {
          action: 'results.publish',
          entityType: 'round',
          entityId: roundId,
          before: { status: 'provisional', version: r.version },
          after: { status: 'published', version: r.version, outputHash: r.audit.outputHash },
          organisationId: access.organisationId,
        },
        m,
      );
      return r.version;
    });
    return { roundId, status: 'published', version, publishedAt: now.toISOString(), withheldKeys: await this.withheld.forRoundPool(roundId) };
  }

  /**
   * With one prize per person, a round closed while another was still provisional may give a
   * prize to someone who has since had one published elsewhere: that prize must pass to the
   * next person, which only a new close does (it locks the published prizes).
   */
  private async refuseDoublePrizes(m: EntityManager, round: Round): Promise<void> {
    if ((await acrossRoundsOf(m, round.contestId)) !== 'highest-only') return;
    const rows: { user_id: string; round_id: string }[] = await m.query(
      `SELECT mine.user_id, other.round_id
         FROM result_entry mine
         JOIN result_entry other ON other.user_id = mine.user_id AND other.round_id <> mine.round_id AND other.prize_code IS NOT NULL
         JOIN round_result rr ON rr.round_id = other.round_id AND rr.status = 'published' AND rr.contest_id = $2
        WHERE mine.round_id = $1 AND mine.prize_code IS NOT NULL`,
      [round.id, round.contestId],
    );
    if (!rows.length) return;
    throw conflict(
      'results_stale',
      `${new Set(rows.map((r) => r.user_id)).size} prize winner(s) of this round already hold a prize published in another round (one prize per person): close this round again to pass those prizes on, then publish`,
      { userIds: [...new Set(rows.map((r) => r.user_id))].slice(0, 50), roundIds: [...new Set(rows.map((r) => r.round_id))] },
    );
  }
}
