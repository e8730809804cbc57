/** A round's day of entries as it is now: what its cached answer groups must match. */
export interface DayChunk {
  roundId: string;
  day: string;
  entries: number;
  fingerprint: string;
}

export interface TallyPlan {
  /** Cached and still right. */
  reuse: DayChunk[];
  /** Stale or missing, grouped now. */
  compute: DayChunk[];
  /** Stale or missing, too big for this request: grouped in the background. */
  defer: DayChunk[];
}

/**
 * Which day chunks to take from the cache, which to group within this request and which to
 * leave to the background, so a request never groups more than `budget` entries (a
 * hundred thousand entries take seconds). Chunks are taken oldest first.
 */
export function planTallies(chunks: DayChunk[], cached: Map<string, string>, budget: number): TallyPlan {
  const plan: TallyPlan = { reuse: [], compute: [], defer: [] };
  let spent = 0;
  const ordered = [...chunks].sort((a, b) => a.day.localeCompare(b.day) || a.roundId.localeCompare(b.roundId));
  for (const c of ordered) {
    if (cached.get(chunkKey(c)) === c.fingerprint) plan.reuse.push(c);
    else if (spent + c.entries <= budget) {
      plan.compute.push(c);
      spent += c.entries;
    } else plan.defer.push(c);
  }
  return plan;
}

export const chunkKey = (c: { roundId: string; day: string }) => `${c.roundId}:${c.day}`;
