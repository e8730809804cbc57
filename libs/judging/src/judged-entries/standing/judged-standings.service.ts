import { Injectable } from '@nestjs/common';
import { rubricMax } from '../../jury/rubric';
import { marksVisibleTo } from '../../jury/visibility';
import { JudgedStandings, type JudgedStanding } from '../judged-standings';
import { RoundMarkingService } from './round-marking.service';

/** What results read of a judged round: every entry with its jury figures, from the marks as they are now. */
@Injectable()
export class JudgedStandingsFromMarks extends JudgedStandings {
  constructor(private readonly marking: RoundMarkingService) {
    super();
  }

  async forRound(roundId: string): Promise<JudgedStanding[]> {
    const { config, entries } = await this.marking.round(roundId);
    const maxScore = config ? rubricMax(config.rubric) : 0;
    return entries.map(({ entry, marking }) => ({
      personId: entry.userId,
      entryId: entry.id,
      aggregate: marking.score ?? 0,
      penalties: marking.penalty.total,
      final: marking.final ?? 0,
      maxScore,
      submittedAt: entry.submittedAt,
      needsReconciliation: marking.needsReconciliation,
      incomplete: marking.incomplete,
      judgeCount: marking.counted.length,
      criterionMeans: marking.aggregate.criterionMeans,
      tieBreakCriteria: config?.tieBreakCriteria ?? [],
    }));
  }

  async sealedEntries(roundId: string): Promise<number> {
    const { entries, activeJudgeIds } = await this.marking.round(roundId);
    // Publication unseals everything; the caller asks only before it.
    const judge = { userId: '', role: 'judge' as const };
    return entries.filter(({ marks }) => marksVisibleTo(judge, { activeJudgeIds, markedBy: marks.map((m) => m.judgeUserId), published: false }) !== 'all')
      .length;
  }
}
