import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '@lc/identity';
import { AuditService, ClockService, conflict, forbidden } from '@lc/platform';
import { isRecord, Problems, rejectUnknownKeys } from '../../common/problems';
import { validateJudgeMarks } from '../../jury/rubric';
import { allJudgesFiled } from '../../jury/visibility';
import { EntryAccess } from '../entry/entry-access.service';
import { JudgedEntry, type Reconciliation } from '../entry/judged-entry.entity';
import { marksBasis } from '../standing/entry-standing';
import { RoundMarkingService } from '../standing/round-marking.service';
import { markingSummary, type MarkingSummary } from './marking-view';
import { requireMarkingOpen } from './marking-window';

/**
 * The head judge settles an entry the judges disagree on (gap above the jury's
 * reconciliationGap): accept the aggregate as it is, or give their own final marks,
 * always with a reason, once every judge has filed. Audited with the marks it settled.
 */
@Injectable()
export class ReconcileService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: EntryAccess,
    private readonly marking: RoundMarkingService,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
  ) {}

  async reconcile(actor: Actor, entryId: string, input: unknown): Promise<{ entryId: string; marking: MarkingSummary }> {
    const ctx = await this.access.entry(actor, entryId);
    if (ctx.role !== 'head') throw forbidden('Only the head judge of this round reconciles marks');
    const { config, marking, marks, activeJudgeIds } = await this.marking.entry(ctx.entry);
    if (!config) throw conflict('jury_not_configured', 'The organiser has not set the rubric for this round yet');
    const p = new Problems();
    const o = isRecord(input) ? input : {};
    rejectUnknownKeys(o, ['reason', 'scores', 'acceptAggregate'], '', p);
    if (typeof o.reason !== 'string' || o.reason.trim().length < 3 || o.reason.length > 2000) p.add('reason', 'give a reason of 3 to 2000 characters');
    if ((o.scores === undefined) === (o.acceptAggregate !== true)) p.add('scores', 'give either your final scores or acceptAggregate: true');
    if (o.acceptAggregate !== undefined && typeof o.acceptAggregate !== 'boolean') p.add('acceptAggregate', 'must be true or absent');
    p.throwIfAny('invalid_reconciliation', 'reconciliation');
    const final = o.scores !== undefined ? validateJudgeMarks(config.rubric, actor.id, { scores: o.scores }) : null;
    requireMarkingOpen(ctx.round, this.clock.now());
    // Reconciling is due once every judge has filed: only then are the marks shown to the head judge (blind marking).
    if (!allJudgesFiled({ activeJudgeIds, markedBy: marks.map((m) => m.judgeUserId) })) {
      throw conflict('marking_incomplete', 'Not every judge of the round has marked this entry yet: reconcile once they have', {
        judges: activeJudgeIds.size,
        marked: marking.counted.length,
      });
    }
    if (!marking.aggregate.needsReconciliation)
      throw conflict('not_flagged', 'The judges do not differ by more than the reconciliation gap: nothing to reconcile');

    const rec: Reconciliation = {
      mode: final ? 'head-judge-marks' : 'accept-aggregate',
      byUserId: actor.id,
      at: this.clock.nowDate().toISOString(),
      reason: (o.reason as string).trim(),
      basis: marksBasis(marking.counted),
      ...(final ? { scores: final.scores, total: final.total } : {}),
    };
    await this.db.transaction(async (m) => {
      const repo = m.getRepository(JudgedEntry);
      const before = await repo.findOne({ where: { id: entryId }, lock: { mode: 'pessimistic_write' } });
      await repo.update({ id: entryId }, { reconciliation: rec });
      await this.audit.record(
        actor,
        {
          action: 'entry.reconcile',
          entityType: 'judged_entry',
          entityId: entryId,
          before: {
            reconciliation: before?.reconciliation ?? null,
            aggregate: marking.aggregate.aggregate,
            gap: marking.aggregate.spread?.gap ?? null,
            marks: rec.basis,
          },
          after: rec,
          reason: rec.reason,
          organisationId: ctx.organisationId,
        },
        m,
      );
    });
    const after = await this.marking.entry(await this.db.getRepository(JudgedEntry).findOneByOrFail({ id: entryId }));
    return { entryId, marking: markingSummary(after.marking) };
  }
}
