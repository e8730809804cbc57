import type { DataSource, EntityManager } from 'typeorm';
import { conflict } from '@lc/platform';
import { maskIdentifier } from '@lc/platform';
import { RoundResult } from '../entities';
import type { PrizeHolder } from './prize-changes';
import type { VerificationStatus } from './winner-identity';

export interface WinnerRow {
  user_id: string;
  rank: number;
  position: number;
  score: number;
  unit: string | null;
  prize_code: string;
  prize_name: string | null;
  prize_level: number | null;
  full_name: string;
  province: string | null;
  commune: string | null;
  phone_masked: string | null;
  national_id_masked: string | null;
  v_status: VerificationStatus | null;
  v_reason: string | null;
  v_decided_at: Date | null;
}

/** Prize winners with their verification; only masked personal numbers are read here. */
export async function readWinners(db: DataSource | EntityManager, roundId: string, userId?: string): Promise<WinnerRow[]> {
  return db.query(
    `SELECT e.user_id, e.rank, e.position, e.score::float8 AS score, e.unit, e.prize_code, e.prize_name, e.prize_level,
            u.full_name, u.province, u.commune, u.phone_masked, u.national_id_masked,
            v.status AS v_status, v.reason AS v_reason, v.decided_at AS v_decided_at
       FROM result_entry e JOIN "user" u ON u.id = e.user_id
       LEFT JOIN winner_verification v ON v.round_id = e.round_id AND v.user_id = e.user_id
      WHERE e.round_id = $1 AND e.prize_code IS NOT NULL ${userId ? 'AND e.user_id = $2' : ''}
      ORDER BY e.prize_level NULLS LAST, e.position`,
    userId ? [roundId, userId] : [roundId],
  );
}

export const holderOf = (r: WinnerRow): PrizeHolder => ({
  userId: r.user_id,
  fullName: r.full_name,
  prize: { code: r.prize_code, name: r.prize_name, level: r.prize_level },
});

export function winnerItem(r: WinnerRow) {
  return {
    userId: r.user_id,
    rank: r.rank,
    position: r.position + 1,
    fullName: r.full_name,
    phone: maskIdentifier(r.phone_masked),
    nationalId: maskIdentifier(r.national_id_masked),
    province: r.province,
    commune: r.commune,
    unit: r.unit,
    score: r.score,
    prize: { code: r.prize_code, name: r.prize_name, level: r.prize_level },
    verification: { status: r.v_status ?? 'pending', reason: r.v_reason, decidedAt: r.v_decided_at ? new Date(r.v_decided_at).toISOString() : null },
  };
}

export async function resultOf(db: DataSource | EntityManager, roundId: string): Promise<RoundResult> {
  const r = await db.getRepository(RoundResult).findOneBy({ roundId });
  if (!r) throw conflict('round_not_closed', 'This round has no results yet: close it first');
  return r;
}
