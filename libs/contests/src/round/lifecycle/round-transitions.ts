import type { RoundStatus } from '../round.types';

/**
 * The round's five-state machine, as data. Every move the round lifecycle makes is one of
 * these; each names the statuses it starts from, which become the `WHERE status IN (…)` of
 * its conditional UPDATE (so a move is idempotent and loses races harmlessly).
 *
 *   draft ──schedule──▶ scheduled ──open──▶ open ──close──▶ closed ──publish──▶ published
 *     └──────callOff──────┴──────────────close─────────────▶ closed
 */
export const ROUND_MOVES = {
  /** The contest goes live (or a round is added to a live one): pool frozen, jobs queued. */
  schedule: { from: ['draft'], to: 'scheduled' },
  /** Its opening time came. */
  open: { from: ['scheduled'], to: 'open' },
  /** Its closing time came, or staff closed it (early with force, or late). */
  close: { from: ['scheduled', 'open'], to: 'closed' },
  /** The contest closed before the round opened: it never runs. */
  callOff: { from: ['draft', 'scheduled'], to: 'closed' },
  /** Its results were published. */
  publish: { from: ['closed'], to: 'published' },
} as const satisfies Record<string, { from: readonly RoundStatus[]; to: RoundStatus }>;

export type RoundMove = keyof typeof ROUND_MOVES;

/** Whether the round may go from `from` to `to` by any move. */
export function canMove(from: RoundStatus, to: RoundStatus): boolean {
  return Object.values(ROUND_MOVES).some((m) => m.to === to && (m.from as readonly RoundStatus[]).includes(from));
}

/** The statuses a move starts from, for its SQL. */
export function movesFrom(move: RoundMove): readonly RoundStatus[] {
  return ROUND_MOVES[move].from;
}

/** The SQL list of `movesFrom(move)`, e.g. `'scheduled', 'open'` (constants only, never input). */
export function fromSql(move: RoundMove): string {
  return movesFrom(move)
    .map((s) => `'${s}'`)
    .join(', ');
}
