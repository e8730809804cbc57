import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type Actor, AccessService } from '@lc/identity';
import { Page } from '@lc/platform';
import { escapeLike, foldVietnamese } from '@lc/platform';
import { enrolmentPage, insertEnrolments, isEnrolled } from './enrolment-store';
import type { EnrolmentSource } from './round-enrolment.entity';

export interface EnrolmentView {
  roundId: string;
  userId: string;
  fullName: string;
  /** The unit given at registration for the round's contest (quotas are per unit). */
  unit: string | null;
  source: EnrolmentSource;
  fromRoundId: string | null;
  createdAt: string;
}

/** Who may enter rounds with entry `enrolled` (advanced from, or picked after, an earlier round). */
@Injectable()
export class EnrolmentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Enrols each user once; returns the users newly enrolled. */
  async enrol(m: EntityManager | DataSource, roundId: string, userIds: string[], source: EnrolmentSource, fromRoundId: string | null): Promise<string[]> {
    if (!userIds.length) return [];
    return insertEnrolments(m, roundId, userIds, source, fromRoundId);
  }

  async isEnrolled(roundId: string, userId: string): Promise<boolean> {
    return isEnrolled(this.db, roundId, userId);
  }

  /** `q` finds names regardless of case and diacritics ("nguyen thi ha" finds "Nguyễn Thị Hà"). */
  async list(actor: Actor, roundId: string, limit: number, offset: number, q?: string): Promise<Page<EnrolmentView>> {
    await this.access.require(actor, 'round', roundId, 'read');
    const needle = q?.trim() ? `%${escapeLike(foldVietnamese(q.trim()))}%` : null;
    const { rows, total } = await enrolmentPage(this.db, roundId, needle, limit, offset);
    return {
      total,
      items: rows.map((r) => ({
        roundId: r.round_id,
        userId: r.user_id,
        fullName: r.full_name,
        unit: r.unit ?? null,
        source: r.source,
        fromRoundId: r.from_round_id ?? null,
        createdAt: new Date(r.created_at).toISOString(),
      })),
    };
  }
}
