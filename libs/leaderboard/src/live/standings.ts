import type { Socket } from 'socket.io';

/** What the leaderboard keeps on a /live socket (`socket.data`, beside the transport's `LiveSocketData`). */
interface BoardSocketData {
  /** roundId → "rank|score" last pushed (or returned on join), so rank:update goes out only on change. */
  standings?: Map<string, string>;
}

export function standingsOf(socket: Socket): Map<string, string> {
  const data = socket.data as BoardSocketData;
  return (data.standings ??= new Map());
}

export const standingKey = (s: { rank: number | null; score: number | null }) => `${s.rank ?? '-'}|${s.score ?? '-'}`;
