import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { DEFAULT_JURY_POLICY } from '../../jury/aggregate';
import type { JudgeMarks } from '../../jury/rubric';
import { EntryAccess } from '../entry/entry-access.service';
import { JudgedEntry } from '../entry/judged-entry.entity';
import type { JuryConfig } from '../jury/jury-input';
import { JurySettingsService } from '../jury/jury-settings.service';
import { JudgeMark } from '../marks/judge-mark.entity';
import { entryMarking, type EntryMarking } from './entry-standing';

export interface MarkedEntry {
  entry: JudgedEntry;
  marks: JudgeMark[];
  marking: EntryMarking;
}

export interface RoundMarking {
  config: JuryConfig | null;
  activeJudgeIds: Set<string>;
  entries: MarkedEntry[];
}

export const asJudgeMarks = (m: JudgeMark): JudgeMarks => ({ judgeId: m.judgeUserId, scores: m.scores, total: m.total, comment: m.comment });

/**
 * The marking state of entries, computed from the stored marks every time (a judged round
 * has hundreds of entries, not millions), so flags and aggregates never go stale when a
 * judge re-marks or recuses.
 */
@Injectable()
export class RoundMarkingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jury: JurySettingsService,
    private readonly access: EntryAccess,
  ) {}

  async round(roundId: string, entryIds?: string[]): Promise<RoundMarking> {
    const [config, activeJudgeIds] = await Promise.all([this.jury.config(roundId), this.access.activeJudgeIds(roundId)]);
    const entries = await this.db
      .getRepository(JudgedEntry)
      .find({ where: entryIds ? { roundId, id: In(entryIds) } : { roundId }, order: { submittedAt: 'ASC', id: 'ASC' } });
    const marks = entries.length
      ? await this.db.getRepository(JudgeMark).find({ where: { entryId: In(entries.map((e) => e.id)) }, order: { submittedAt: 'ASC' } })
      : [];
    const byEntry = new Map<string, JudgeMark[]>();
    for (const m of marks) byEntry.set(m.entryId, [...(byEntry.get(m.entryId) ?? []), m]);
    return {
      config,
      activeJudgeIds,
      entries: entries.map((entry) => {
        const own = byEntry.get(entry.id) ?? [];
        return { entry, marks: own, marking: this.mark(config, activeJudgeIds, entry, own) };
      }),
    };
  }

  async entry(entry: JudgedEntry): Promise<MarkedEntry & { config: JuryConfig | null; activeJudgeIds: Set<string> }> {
    const r = await this.round(entry.roundId, [entry.id]);
    return { ...r.entries[0], config: r.config, activeJudgeIds: r.activeJudgeIds };
  }

  private mark(config: JuryConfig | null, active: Set<string>, entry: JudgedEntry, marks: JudgeMark[]): EntryMarking {
    const policy = config?.policy ?? { ...DEFAULT_JURY_POLICY, penalties: [] };
    return entryMarking({
      policy,
      marks: marks.map(asJudgeMarks),
      activeJudgeIds: active,
      durationSeconds: entry.durationSeconds,
      breaches: entry.breaches,
      reconciliation: entry.reconciliation,
    });
  }
}
