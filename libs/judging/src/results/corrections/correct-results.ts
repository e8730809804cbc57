import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Round, RoundStore } from '@lc/contests';
import { type Actor } from '@lc/identity';
import { AuditService, badRequest, conflict, Page } from '@lc/platform';
import { diffRankings, type PlaceChangeView, placeChangeView } from '../../ranking/diff';
import { ResultBuilder } from '../close/result-builder';
import { builtSnapshots, lockResults, storedSnapshots, storeResult } from '../close/result-store';
import { ResultsGate } from '../common/results-gate';
import { ResultCorrection, RoundResult } from '../entities';
import { BoardSync } from '../review/board-sync';
import { changeAttemptStatus } from '../review/attempt-status';
import { refuseFlaggedWinners } from '../review/flagged-winners';

export interface CorrectionCommand {
  reason: string;
  voidAttemptIds?: string[];
  reinstateAttemptIds?: string[];
  predictionActual?: number;
}

export interface CorrectionView {
  id: string;
  roundId: string;
  version: number;
  reason: string;
  request: Record<string, unknown>;
  changes: PlaceChangeView[];
  beforeHash: string;
  afterHash: string;
  createdBy: string | null;
  createdAt: string;
}

/** POST …/corrections/preview: what confirming would change; nothing is stored. */
export interface CorrectionPreview {
  roundId: string;
  dryRun: true;
  /** The result version confirming would create. */
  version: number;
  request: Record<string, unknown>;
  changes: PlaceChangeView[];
  /** Prize code → name, for the awards the changes name by code. */
  prizeNames: Record<string, string>;
}

async function prizeNames(m: EntityManager, roundId: string): Promise<Record<string, string>> {
  const [r]: { prize_plan: { tiers?: { code: string; name: string }[] } | null }[] = await m.query('SELECT prize_plan FROM round_rules WHERE round_id = $1', [
    roundId,
  ]);
  return Object.fromEntries((r?.prize_plan?.tiers ?? []).map((t) => [t.code, t.name]));
}

/** Thrown inside the transaction to roll a preview back, carrying what it found. */
class DryRun extends Error {
  constructor(readonly preview: CorrectionPreview) {
    super('dry run');
  }
}

const view = (c: ResultCorrection): CorrectionView => ({
  id: c.id,
  roundId: c.roundId,
  version: c.version,
  reason: c.reason,
  request: c.request,
  changes: c.changes.map(placeChangeView),
  beforeHash: c.beforeHash,
  afterHash: c.afterHash,
  createdBy: c.createdBy,
  createdAt: c.createdAt.toISOString(),
});

/**
 * POST /rounds/:id/results/corrections: published results change only this way. In one
 * transaction the attempts are voided / reinstated (each audited), the round is re-ranked
 * and its prizes re-allocated, and the correction is stored with exactly whose place,
 * attempt, score or prize changed. A judged round is re-ranked from the jury's current marks.
 */
@Injectable()
export class CorrectResults {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly gate: ResultsGate,
    private readonly builder: ResultBuilder,
    private readonly audit: AuditService,
    private readonly boards: BoardSync,
    private readonly rounds: RoundStore,
  ) {}

  /**
   * `alongside` runs in the correction's transaction, after the results are locked and known
   * to be published, before anything changes: a caller's own record (e.g. a winner's
   * disqualification) commits or rolls back with the correction it causes.
   */
  async execute(actor: Actor, roundId: string, cmd: CorrectionCommand, alongside?: (m: EntityManager) => Promise<void>): Promise<CorrectionView> {
    const out = await this.apply(actor, roundId, cmd, false, alongside);
    if (!('correction' in out)) throw new Error('unreachable: a correction that was not a dry run stored nothing');
    await this.boards.refresh(roundId, out.users);
    return view(out.correction);
  }

  /**
   * What a correction would change, without changing anything: the same transaction as
   * execute — the same checks, the same re-ranking — rolled back at the end, so the preview
   * cannot drift from what confirming will do.
   */
  async preview(actor: Actor, roundId: string, cmd: CorrectionCommand): Promise<CorrectionPreview> {
    const out = await this.apply(actor, roundId, cmd, true);
    if ('correction' in out) throw new Error('unreachable: a dry run stored a correction');
    return out;
  }

  private async apply(
    actor: Actor,
    roundId: string,
    cmd: CorrectionCommand,
    dryRun: boolean,
    alongside?: (m: EntityManager) => Promise<void>,
  ): Promise<{ correction: ResultCorrection; users: string[] } | CorrectionPreview> {
    const access = await this.gate.organiserOrJudge(actor, roundId);
    const voids = [...new Set(cmd.voidAttemptIds ?? [])];
    const reinstates = [...new Set(cmd.reinstateAttemptIds ?? [])];
    const round = await this.db.getRepository(Round).findOneByOrFail({ id: roundId });
    if (round.kind === 'quiz' && !voids.length && !reinstates.length && cmd.predictionActual === undefined)
      throw badRequest('nothing_to_correct', 'Give voidAttemptIds, reinstateAttemptIds or predictionActual');
    if (round.kind === 'judged' && (voids.length || reinstates.length))
      throw badRequest('not_a_quiz', "A judged round has no attempts to void: its correction re-ranks the jury's current marks");
    const both = voids.filter((id) => reinstates.includes(id));
    if (both.length) throw badRequest('contradictory_correction', 'An attempt cannot be voided and reinstated at once', { attemptIds: both });
    await this.checkInRound(roundId, [...voids, ...reinstates]);
    if (cmd.predictionActual !== undefined) this.builder.checkPredictionInput(round, cmd.predictionActual, null);
    const judged = await this.builder.judgedRows(round);

    try {
      return await this.db.transaction(async (m) => {
        await lockResults(m, roundId);
        const current = await m.findOneBy(RoundResult, { roundId });
        if (!current || current.status !== 'published')
          throw conflict('results_not_published', 'Only published results are corrected; before publication void, reinstate or close again');
        if (alongside) await alongside(m);
        const before = await storedSnapshots(m, roundId);
        const changed = [];
        for (const id of voids) changed.push(await changeAttemptStatus(m, this.audit, actor, access.organisationId, id, 'void', cmd.reason));
        for (const id of reinstates) changed.push(await changeAttemptStatus(m, this.audit, actor, access.organisationId, id, 'reinstate', cmd.reason));
        const built = await this.builder.build(m, round, { predictionActual: cmd.predictionActual, previous: current, judged });
        const { version } = await storeResult(m, this.rounds, round, built, {
          status: 'published',
          closedAt: current.closedAt,
          closedBy: current.closedBy,
          publishedAt: current.publishedAt,
          publishedBy: current.publishedBy,
        });
        // A prize passed on to a flagged, unreviewed attempt would be published unseen: roll it all back.
        await refuseFlaggedWinners(m, roundId, 'correcting published results (or void it in the same correction)');
        const changes = diffRankings(before, builtSnapshots(built));
        const request = {
          voidAttemptIds: voids,
          reinstateAttemptIds: reinstates,
          ...(cmd.predictionActual !== undefined ? { predictionActual: cmd.predictionActual } : {}),
        };
        if (dryRun)
          throw new DryRun({ roundId, dryRun: true, version, request, changes: changes.map(placeChangeView), prizeNames: await prizeNames(m, roundId) });
        const saved = await m.save(
          m.create(ResultCorrection, {
            roundId,
            reason: cmd.reason,
            request,
            changes,
            beforeHash: current.audit.outputHash,
            afterHash: built.ranking.audit.outputHash,
            version,
            createdBy: actor.id,
          }),
        );
        await this.audit.record(
          actor,
          {
            action: 'results.correct',
            entityType: 'round',
            entityId: roundId,
            reason: cmd.reason,
            before: { version: current.version, outputHash: current.audit.outputHash, predictionActual: current.predictionActual },
            after: { version, outputHash: built.ranking.audit.outputHash, predictionActual: built.actual, correctionId: saved.id, changed: changes.length },
            organisationId: access.organisationId,
          },
          m,
        );
        return { correction: saved, users: changed.map((c) => c.userId) };
      });
    } catch (e) {
      if (e instanceof DryRun) return e.preview;
      throw e;
    }
  }

  async list(actor: Actor, roundId: string, q: { limit: number; offset: number }): Promise<Page<CorrectionView>> {
    await this.gate.resultsReader(actor, roundId);
    const [rows, total] = await this.db
      .getRepository(ResultCorrection)
      .findAndCount({ where: { roundId }, order: { createdAt: 'DESC' }, take: q.limit, skip: q.offset });
    return { items: rows.map(view), total };
  }

  private async checkInRound(roundId: string, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const rows: { id: string }[] = await this.db.query('SELECT id FROM attempt WHERE id = ANY($1::uuid[]) AND round_id = $2', [ids, roundId]);
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw badRequest('not_in_round', `${missing.length} attempt(s) are not in this round`, { attemptIds: missing });
  }
}
