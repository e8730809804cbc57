/**
 * Hot attempts on Redis Cluster. An autosave is one Lua script over the attempt's two hashes,
 * the write-behind's dirty set and the round's close marker, so all four must share a slot.
 * One dirty set for everything would put every attempt in one slot; so on a cluster an
 * attempt's keys carry the tag of one of HOT_SHARDS shards (`{h<n>}`, n from its id), each
 * shard has its own dirty and in-flight sets, and a round's close marker is written once per
 * shard. 64 tags spread evenly over any number of masters up to a few dozen (resharding moves
 * whole tags). On a single server none of this applies: keys stay `attempt:{<id>}:…` and one dirty set.
 */
export const HOT_SHARDS = 64;

/** The shard of an attempt: from the last 8 hex digits of its uuid (random), else a string hash. */
export function hotShardOf(attemptId: string): number {
  const hex = attemptId.replace(/-/g, '').slice(-8);
  if (/^[0-9a-f]{8}$/i.test(hex)) return parseInt(hex, 16) % HOT_SHARDS;
  let h = 0;
  for (let i = 0; i < attemptId.length; i++) h = (h * 31 + attemptId.charCodeAt(i)) >>> 0;
  return h % HOT_SHARDS;
}

export function hotShardTag(shard: number): string {
  return `{h${shard}}`;
}

export function allHotShardTags(): string[] {
  return Array.from({ length: HOT_SHARDS }, (_, i) => hotShardTag(i));
}
