import type { DataSource, EntityManager } from 'typeorm';
import { shortName } from '@lc/leaderboard';
import { conflict, DomainError } from '@lc/platform';
import { type StoredFlag, unreviewedFlags } from '@lc/attempts';

/** A prize winner whose representative attempt is flagged and no judge has voided or cleared. */
export interface FlaggedWinner {
  userId: string;
  /** The short name the boards use ("Nguyễn V. A."): no personal numbers. */
  displayName: string;
  attemptId: string;
  attemptNo: number | null;
  prize: { code: string; name: string | null; level: number | null };
  /** Codes of the flags not yet reviewed. */
  flags: string[];
}

/**
 * SPEC (Anti-cheating): no prize goes to an attempt that is flagged and not yet reviewed.
 * Reads the round's stored prizes against the attempts behind them (a judged entry has
 * no attempt, so it never matches). Prizes are few: the partial prize index finds them.
 */
export async function flaggedWinners(db: DataSource | EntityManager, roundId: string): Promise<FlaggedWinner[]> {
  const rows: {
    user_id: string;
    full_name: string;
    attempt_id: string;
    attempt_no: number | null;
    prize_code: string;
    prize_name: string | null;
    prize_level: number | null;
    flags: StoredFlag[];
    cleared_flags: number;
  }[] = await db.query(
    `SELECT e.user_id, u.full_name, e.attempt_id, e.attempt_no, e.prize_code, e.prize_name, e.prize_level, a.flags, a.cleared_flags
       FROM result_entry e JOIN attempt a ON a.id = e.attempt_id JOIN "user" u ON u.id = e.user_id
      WHERE e.round_id = $1 AND e.prize_code IS NOT NULL AND a.status <> 'void' AND jsonb_array_length(a.flags) > a.cleared_flags
      ORDER BY e.prize_level NULLS LAST, e.position`,
    [roundId],
  );
  return rows.map((r) => ({
    userId: r.user_id,
    displayName: shortName(r.full_name),
    attemptId: r.attempt_id,
    attemptNo: r.attempt_no,
    prize: { code: r.prize_code, name: r.prize_name, level: r.prize_level },
    flags: unreviewedFlags(r.flags, r.cleared_flags),
  }));
}

/** The 409 that stops publication (and documents, and corrections) while such winners remain. */
export function flaggedWinnersError(winners: FlaggedWinner[], doing: string): DomainError {
  return conflict(
    'flagged_winners_unreviewed',
    `${winners.length} prize winner(s) have a flagged attempt no judge has reviewed: void or clear each one with a reason (POST /attempts/:id/void or /attempts/:id/clear) before ${doing}`,
    winners,
  );
}

/** Throws the 409 when any prize winner of the round is flagged and unreviewed. */
export async function refuseFlaggedWinners(db: DataSource | EntityManager, roundId: string, doing: string): Promise<void> {
  const winners = await flaggedWinners(db, roundId);
  if (winners.length) throw flaggedWinnersError(winners, doing);
}
