import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttemptQueryService, type StaffAttemptRow } from '@lc/attempts';
import { type Actor, AccessService } from '@lc/identity';
import { Round, sqlRows } from '@lc/contests';
import type { Page } from '@lc/platform';
import { marksVisibleTo } from '../../jury/visibility';
import { EntryAccess } from '../entry/entry-access.service';
import { markingSummary, type MarkingSummary } from '../marks/marking-view';
import { RoundMarkingService } from '../standing/round-marking.service';

export interface JudgedEntryRow {
  id: string;
  roundId: string;
  userId: string;
  fullName: string;
  unit: string | null;
  submittedAt: string;
  version: number;
  hasText: boolean;
  link: string | null;
  file: { name: string; type: string; size: number } | null;
  durationSeconds: number | null;
  breaches: string[];
  /** Active judges, marks that count, and whether the caller has marked. */
  judges: number;
  marked: number;
  markedByMe: boolean;
  /** Judges differ by more than the gap and the head judge has not settled it (for judges: once every judge has filed). */
  flagged: boolean;
  /** Hidden from judges until every judge of the round has filed for the entry (blind marking). */
  marking?: MarkingSummary;
}

export interface RoundEntriesQuery {
  flagged?: boolean;
  status?: string;
  limit: number;
  offset: number;
}

/**
 * GET /rounds/:id/entries: a judged round's entries with their marking state, or for a
 * quiz round its attempts (flagged ones with ?flagged=true), as the attempts listing gives them.
 */
@Injectable()
export class RoundEntriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly entryAccess: EntryAccess,
    private readonly marking: RoundMarkingService,
    private readonly attempts: AttemptQueryService,
  ) {}

  async list(actor: Actor, roundId: string, q: RoundEntriesQuery): Promise<Page<JudgedEntryRow> | Page<StaffAttemptRow>> {
    await this.access.require(actor, 'round', roundId, 'read');
    const round = await this.db.getRepository(Round).findOneByOrFail({ id: roundId });
    if (round.kind !== 'judged') return this.attempts.forRound(actor, roundId, q);
    const role = await this.entryAccess.staffRole(actor, roundId);
    const { entries, activeJudgeIds } = await this.marking.round(roundId);
    const published = round.status === 'published';
    // The blind rule decides per entry what this caller may know of the jury's figures.
    const seen = entries.map((x) => ({
      ...x,
      unsealed: marksVisibleTo({ userId: actor.id, role }, { activeJudgeIds, markedBy: x.marks.map((m) => m.judgeUserId), published }) === 'all',
    }));
    const flaggedFor = (x: (typeof seen)[number]) => x.unsealed && x.marking.needsReconciliation;
    const shown = q.flagged ? seen.filter(flaggedFor) : seen;
    // Flagged first, as the attempts listing does, then in hand-in order.
    const ordered = [...shown].sort((a, b) => Number(flaggedFor(b)) - Number(flaggedFor(a)));
    const page = ordered.slice(q.offset, q.offset + q.limit);
    const people = await this.people(
      round.contestId,
      page.map((e) => e.entry.userId),
    );
    return {
      total: shown.length,
      items: page.map((x) => {
        const { entry: e, marks, marking } = x;
        const markedByMe = marks.some((m) => m.judgeUserId === actor.id);
        const p = people.get(e.userId);
        return {
          id: e.id,
          roundId: e.roundId,
          userId: e.userId,
          fullName: p?.fullName ?? '',
          unit: p?.unit ?? null,
          submittedAt: e.submittedAt.toISOString(),
          version: e.version,
          hasText: !!e.text,
          link: e.link,
          file: e.fileKey ? { name: e.fileName ?? '', type: e.fileType ?? '', size: e.fileSize ?? 0 } : null,
          durationSeconds: e.durationSeconds,
          breaches: e.breaches,
          judges: activeJudgeIds.size,
          marked: marking.counted.length,
          markedByMe,
          flagged: flaggedFor(x),
          ...(x.unsealed ? { marking: markingSummary(marking) } : {}),
        };
      }),
    };
  }

  private async people(contestId: string, userIds: string[]): Promise<Map<string, { fullName: string; unit: string | null }>> {
    if (!userIds.length) return new Map();
    const rows = await sqlRows<{ id: string; full_name: string; unit: string | null }>(
      this.db,
      `SELECT u.id, u.full_name, r.unit FROM "user" u LEFT JOIN registration r ON r.user_id = u.id AND r.contest_id = $1 WHERE u.id = ANY($2::uuid[])`,
      [contestId, userIds],
    );
    return new Map(rows.map((r) => [r.id, { fullName: r.full_name, unit: r.unit }]));
  }
}
