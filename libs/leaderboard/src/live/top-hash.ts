import { createHash } from 'node:crypto';
import type { LeaderboardRow } from '../leaderboard.types';

/**
 * Names a top as a room receives it (rows after concealment, no viewer), in 8 characters:
 * `leaderboard:update` and the join's answer carry it as `topHash`, so a client that holds
 * the rows of that hash keeps them when a push leaves `top` out, and one that holds others
 * joins again. It is computed from what the room is sent, never from rows the room may not
 * see, so it tells residents nothing the rows themselves do not.
 */
export function topHashOf(rows: readonly LeaderboardRow[]): string {
  return createHash('sha256').update(JSON.stringify(rows)).digest('base64url').slice(0, 8);
}
