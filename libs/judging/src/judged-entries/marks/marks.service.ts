import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '@lc/identity';
import { AuditService, ClockService, conflict, forbidden } from '@lc/platform';
import { validateJudgeMarks } from '../../jury/rubric';
import { marksVisibleTo } from '../../jury/visibility';
import { EntryAccess, type EntryContext } from '../entry/entry-access.service';
import { RoundMarkingService } from '../standing/round-marking.service';
import { shareRoundRow } from '../round-locks';
import { JudgeMark } from './judge-mark.entity';
import { judgeNames, upsertMark } from './mark-store';
import {
  anonymousSummary,
  markHistory,
  type MarkHistoryItem,
  markingSummary,
  type MarkingSummary,
  markView,
  type MarkView,
  rubricView,
  type RubricCriterionView,
} from './marking-view';
import { requireMarkingOpen } from './marking-window';

export interface EntryMarksView {
  entryId: string;
  /** Whether the caller has marked this entry (judges see others' marks only after). */
  markedByMe: boolean;
  marks: MarkView[];
  /** Omitted while the caller may not see the others' marks. */
  marking?: MarkingSummary;
  /** Organisers and (once the marks are unsealed) the head judge: every filing and replacement, oldest first. */
  history?: MarkHistoryItem[];
  /** The criteria the marks are given on, so every reader (entrants too) can show their labels. */
  rubric: RubricCriterionView[];
}

/** A judge marks an entry against the rubric; marks are read blind (`marksVisibleTo`: others' only once every judge has filed). */
@Injectable()
export class MarksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: EntryAccess,
    private readonly marking: RoundMarkingService,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
  ) {}

  async submit(actor: Actor, entryId: string, input: { scores?: unknown; comment?: unknown }): Promise<EntryMarksView> {
    const ctx = await this.access.entry(actor, entryId);
    if (actor.role !== 'judge' || !(await this.access.activeJudgeIds(ctx.round.id)).has(actor.id)) {
      throw forbidden('Only judges assigned to this round (not recused) mark its entries');
    }
    const { config } = await this.marking.entry(ctx.entry);
    if (!config) throw conflict('jury_not_configured', 'The organiser has not set the rubric for this round yet');
    requireMarkingOpen(ctx.round, this.clock.now());
    const marks = validateJudgeMarks(config.rubric, actor.id, input);
    await this.db.transaction(async (m) => {
      // Shares the round row with other marks; the jury settings take it exclusively.
      await shareRoundRow(m, ctx.round.id);
      const repo = m.getRepository(JudgeMark);
      const before = await repo.findOne({ where: { entryId, judgeUserId: actor.id }, lock: { mode: 'pessimistic_write' } });
      const now = this.clock.nowDate();
      await upsertMark(m, { entryId, judgeUserId: actor.id, roundId: ctx.round.id, scores: marks.scores, total: marks.total, comment: marks.comment, at: now });
      const snap = (x: { scores: Record<string, number>; total: number; comment: string | null }) => ({ scores: x.scores, total: x.total, comment: x.comment });
      await this.audit.record(
        actor,
        {
          action: before ? 'entry.mark.replace' : 'entry.mark',
          entityType: 'judged_entry',
          entityId: entryId,
          before: before ? snap(before) : null,
          after: snap(marks),
          organisationId: ctx.organisationId,
        },
        m,
      );
    });
    return this.view(actor, ctx);
  }

  async list(actor: Actor, entryId: string): Promise<EntryMarksView> {
    const ctx = await this.access.entry(actor, entryId);
    if (ctx.role === 'owner' && ctx.round.status !== 'published') throw forbidden('Marks are shown to entrants once results are published');
    return this.view(actor, ctx);
  }

  private async view(actor: Actor, ctx: EntryContext): Promise<EntryMarksView> {
    const { marks, marking, activeJudgeIds, config } = await this.marking.entry(ctx.entry);
    const markedByMe = marks.some((m) => m.judgeUserId === actor.id);
    const base = { entryId: ctx.entry.id, markedByMe, rubric: config ? rubricView(config.rubric) : [] };
    const shown = marksVisibleTo(
      { userId: actor.id, role: ctx.role },
      { activeJudgeIds, markedBy: marks.map((m) => m.judgeUserId), published: ctx.round.status === 'published' },
    );
    switch (ctx.role) {
      case 'organiser': {
        const names = await this.names(marks.map((m) => m.judgeUserId));
        return {
          ...base,
          marks: marks.map((m) => markView(m, activeJudgeIds.has(m.judgeUserId), names)),
          marking: markingSummary(marking),
          history: await this.history(ctx.entry.id),
        };
      }
      case 'owner':
        // Published: the entrant sees each counted mark and comment, not who gave it.
        return {
          ...base,
          marks: marks.filter((m) => activeJudgeIds.has(m.judgeUserId)).map((m) => ({ ...markView(m, true), judgeUserId: '' })),
          marking: anonymousSummary(markingSummary(marking)),
        };
      case 'head':
      case 'judge': {
        if (shown !== 'all')
          return { ...base, marks: marks.filter((m) => m.judgeUserId === actor.id).map((m) => markView(m, activeJudgeIds.has(m.judgeUserId))) };
        const counted = marks.filter((m) => activeJudgeIds.has(m.judgeUserId) || m.judgeUserId === actor.id);
        return {
          ...base,
          marks: counted.map((m) => markView(m, activeJudgeIds.has(m.judgeUserId))),
          marking: markingSummary(marking),
          ...(ctx.role === 'head' ? { history: await this.history(ctx.entry.id) } : {}),
        };
      }
    }
  }

  /** The marks' audit trail: a replaced mark shows with what it replaced. */
  private async history(entryId: string): Promise<MarkHistoryItem[]> {
    const [rows] = await this.audit.list({ entityType: 'judged_entry', entityId: entryId }, 1000);
    return markHistory(rows);
  }

  private async names(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    return judgeNames(this.db, ids);
  }
}
