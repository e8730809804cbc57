import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type Actor, AccessService } from '@lc/identity';
import { Page } from '@lc/platform';
import { escapeLike, foldedSql, foldVietnamese } from '@lc/platform';
import { sqlRows } from '../common/sql';
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
    const rows = await sqlRows<{ user_id: string }>(
      m,
      `INSERT INTO round_enrolment (round_id, user_id, source, from_round_id)
       SELECT $1, u, $3, $4 FROM unnest($2::uuid[]) AS u
       ON CONFLICT (round_id, user_id) DO NOTHING RETURNING user_id`,
      [roundId, userIds, source, fromRoundId],
    );
    return rows.map((r) => r.user_id);
  }

  async isEnrolled(roundId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM round_enrolment WHERE round_id = $1 AND user_id = $2', [roundId, userId]);
    return rows.length > 0;
  }

  /** `q` finds names regardless of case and diacritics ("nguyen thi ha" finds "Nguyễn Thị Hà"). */
  async list(actor: Actor, roundId: string, limit: number, offset: number, q?: string): Promise<Page<EnrolmentView>> {
    await this.access.require(actor, 'round', roundId, 'read');
    const needle = q?.trim() ? `%${escapeLike(foldVietnamese(q.trim()))}%` : null;
    const where = `e.round_id = $1 AND ($2::text IS NULL OR ${foldedSql('u.full_name')} LIKE $2)`;
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT e.round_id, e.user_id, u.full_name, reg.unit, e.source, e.from_round_id, e.created_at
         FROM round_enrolment e JOIN "user" u ON u.id = e.user_id
         JOIN round r ON r.id = e.round_id
         LEFT JOIN registration reg ON reg.contest_id = r.contest_id AND reg.user_id = e.user_id
        WHERE ${where} ORDER BY u.full_name, e.user_id LIMIT $3 OFFSET $4`,
      [roundId, needle, limit, offset],
    );
    const [{ n }] = (await this.db.query(`SELECT count(*)::int AS n FROM round_enrolment e JOIN "user" u ON u.id = e.user_id WHERE ${where}`, [
      roundId,
      needle,
    ])) as { n: number }[];
    return {
      total: n,
      items: rows.map((r) => ({
        roundId: r.round_id as string,
        userId: r.user_id as string,
        fullName: r.full_name as string,
        unit: (r.unit as string | null) ?? null,
        source: r.source as EnrolmentSource,
        fromRoundId: (r.from_round_id as string | null) ?? null,
        createdAt: new Date(r.created_at as string).toISOString(),
      })),
    };
  }
}
