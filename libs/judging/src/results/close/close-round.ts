import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttemptFinaliser } from '@lc/attempts';
import { isRoundOver, Round, RoundLifecycle, RoundStore } from '@lc/contests';
import { type Actor } from '@lc/identity';
import { AuditService, ClockService, conflict, forbidden } from '@lc/platform';
import { RoundResult } from '../entities';
import { ResultsGate } from '../common/results-gate';
import { finaliseOpenAttempts } from './open-attempts';
import { ResultBuilder } from './result-builder';
import { lockResults, storeResult } from './result-store';

export interface CloseCommand {
  force?: boolean;
  predictionActual?: number;
}

export interface CloseOutcome {
  roundId: string;
  status: 'provisional';
  version: number;
  rankedCount: number;
  winnerCount: number;
  predictionActual: number | null;
  finalisedAttempts: number;
  inputHash: string;
  outputHash: string;
  /** Milliseconds per step (diagnostics). */
  timings: { finaliseMs: number; readMs: number; rankMs: number; allocateMs: number; storeMs: number };
}

/**
 * POST /rounds/:id/close: the round stops taking entries, attempts in progress end with
 * what they saved, and the final ranking, prizes and ranking audit are stored as a
 * provisional result. Closing again while provisional recomputes from the same inputs.
 */
@Injectable()
export class CloseRound {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly gate: ResultsGate,
    private readonly builder: ResultBuilder,
    private readonly finaliser: AttemptFinaliser,
    private readonly lifecycle: RoundLifecycle,
    private readonly rounds: RoundStore,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
  ) {}

  async execute(actor: Actor, roundId: string, cmd: CloseCommand): Promise<CloseOutcome> {
    const access = await this.gate.organiserOrJudge(actor, roundId);
    const round = await this.db.getRepository(Round).findOneByOrFail({ id: roundId });
    if (round.status === 'draft') throw conflict('round_draft', 'A draft round has nothing to close');
    const now = this.clock.nowDate();
    if (!isRoundOver(round, now.getTime())) {
      if (!cmd.force)
        throw conflict('round_not_over', 'The round closes at its closing time; organisers may close it early with force: true', {
          closesAt: round.closesAt.toISOString(),
          serverTime: now.toISOString(),
        });
      if (!access.organiser) throw forbidden('Only organisers may close a round early');
    }
    const previous = await this.db.getRepository(RoundResult).findOneBy({ roundId });
    if (previous?.status === 'published') throw conflict('results_published', 'The results are published; change them with a correction');
    this.builder.checkPredictionInput(round, cmd.predictionActual, previous);
    const judged = await this.builder.judgedRows(round);

    const wasOpen = round.status === 'scheduled' || round.status === 'open';
    // Acknowledged only after this: from here no instance starts, saves or submits in the round.
    // (The lifecycle announces the close: caches drop, watchers get round:status.)
    await this.lifecycle.close(roundId, { force: true });
    const t0 = performance.now();
    const finalised = round.kind === 'quiz' ? await finaliseOpenAttempts(this.db, this.finaliser, roundId, !!cmd.force) : 0;

    const finaliseMs = Math.round(performance.now() - t0);
    const out = await this.db.transaction(async (m) => {
      await lockResults(m, roundId);
      const current = await m.findOneBy(RoundResult, { roundId });
      if (current?.status === 'published') throw conflict('results_published', 'The results are published; change them with a correction');
      const fresh = await m.findOneByOrFail(Round, { id: roundId });
      const built = await this.builder.build(m, fresh, { predictionActual: cmd.predictionActual, previous: current, judged });
      const t1 = performance.now();
      const { version } = await storeResult(m, this.rounds, fresh, built, {
        status: 'provisional',
        closedAt: now,
        closedBy: actor.id,
        publishedAt: null,
        publishedBy: null,
      });
      const storeMs = Math.round(performance.now() - t1);
      const summary = {
        version,
        forced: !!cmd.force && wasOpen,
        predictionActual: built.actual,
        rankedCount: built.ranking.results.length,
        winnerCount: built.awards.size,
        inputHash: built.ranking.audit.inputHash,
        outputHash: built.ranking.audit.outputHash,
        finalisedAttempts: finalised,
      };
      await this.audit.record(
        actor,
        {
          action: current ? 'results.recompute' : 'round.close',
          entityType: 'round',
          entityId: roundId,
          before: current ? { version: current.version, outputHash: current.audit.outputHash } : { status: round.status },
          after: summary,
          organisationId: access.organisationId,
        },
        m,
      );
      return { ...summary, timings: { finaliseMs, ...built.timings, storeMs } };
    });
    return {
      roundId,
      status: 'provisional',
      version: out.version,
      rankedCount: out.rankedCount,
      winnerCount: out.winnerCount,
      predictionActual: out.predictionActual,
      finalisedAttempts: finalised,
      inputHash: out.inputHash,
      outputHash: out.outputHash,
      timings: out.timings,
    };
  }
}
