import Redis from 'ioredis';

/** Calls and server microseconds per Redis command (INFO commandstats; commands run inside Lua count too). */
export type CommandStats = Map<string, { calls: number; usec: number }>;

/** The server's counters now; empty on a cluster (REDIS_CLUSTER_NODES), where one server is not the whole. */
export async function commandStats(redisUrl: string): Promise<CommandStats> {
  const out: CommandStats = new Map();
  if (process.env.REDIS_CLUSTER_NODES) return out;
  const r = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await r.connect();
    for (const line of (await r.info('commandstats')).split('\n')) {
      const m = /^cmdstat_(\S+):calls=(\d+),usec=(\d+)/.exec(line);
      if (m) out.set(m[1], { calls: Number(m[2]), usec: Number(m[3]) });
    }
  } finally {
    r.disconnect();
  }
  return out;
}

/**
 * Redis's work per entry between two readings, the costliest commands first: which calls a
 * surge sends, and what they cost the server (the one Redis is shared with nothing else here).
 */
export function commandsPerEntry(a: CommandStats, b: CommandStats, entries: number, top = 12): Record<string, { calls: number; usec: number }> {
  const rows = [...b].map(([k, v]) => ({ k, calls: v.calls - (a.get(k)?.calls ?? 0), usec: v.usec - (a.get(k)?.usec ?? 0) })).filter((x) => x.calls > 0);
  rows.sort((x, y) => y.usec - x.usec);
  const per = (n: number) => Math.round((n / Math.max(1, entries)) * 100) / 100;
  return Object.fromEntries(rows.slice(0, top).map((x) => [x.k, { calls: per(x.calls), usec: per(x.usec) }]));
}
