import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Round, RoundLookup } from '@lc/contests';
import { type Actor } from '@lc/identity';
import { LiveService, RoundInfoService } from '@lc/leaderboard';
import { AuditService, ClockService, conflict } from '@lc/platform';
import { ResultBuilder } from '../close/result-builder';
import { ResultsGate } from '../common/results-gate';
import { RoundResult } from '../entities';
import { lockResults } from '../close/result-store';

/**
 * POST /rounds/:id/results/publish: the provisional result becomes the published one
 * (immutable but for corrections), the round becomes `published` — which is what shows
 * entrants the answer key and the true leaderboard — and watchers get round:status.
 */
@Injectable()
export class PublishResults {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly gate: ResultsGate,
    private readonly builder: ResultBuilder,
    private readonly lookup: RoundLookup,
    private readonly roundInfo: RoundInfoService,
    private readonly live: LiveService,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
  ) {}

  async execute(actor: Actor, roundId: string): Promise<{ roundId: string; status: 'published'; version: number; publishedAt: string }> {
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
      await m.update(RoundResult, { roundId }, { status: 'published', publishedAt: now, publishedBy: actor.id });
      await m.query(`UPDATE round SET status = 'published', updated_at = now() WHERE id = $1`, [roundId]);
      await this.audit.record(actor, { action: 'results.publish', entityType: 'round', entityId: roundId, before: { status: 'provisional', version: r.version }, after: { status: 'published', version: r.version, outputHash: r.audit.outputHash }, organisationId: access.organisationId }, m);
      return r.version;
    });
    this.lookup.invalidate(roundId);
    this.roundInfo.forget(roundId);
    this.live.toRound(roundId, 'round:status', { roundId, status: 'published', at: now.toISOString() });
    return { roundId, status: 'published', version, publishedAt: now.toISOString() };
  }
}
