/**
 * Lua scripts: one round trip each, atomic, and every key in one {lb:<roundId>} hash slot.
 * The replace rule mirrors `replaces()` in board-encoding.ts. Only the first 22 member
 * characters (fixed-width digits) are compared: members of one user share the rest, and
 * digits compare the same under any collation Redis's Lua may use.
 */
const REPLACES = `
local function replaces(scoring, nscore, nmember, cscore, cmember)
  if nmember == cmember and nscore == cscore then return false end
  local n = string.sub(nmember, 1, 22)
  local c = string.sub(cmember, 1, 22)
  if scoring == 'last' then
    local ns = string.sub(n, 10, 22)
    local cs = string.sub(c, 10, 22)
    if ns ~= cs then return ns < cs end
  end
  if nscore ~= cscore then return nscore > cscore end
  return n > c
end
local function put(board, who, user, score, member, scoring)
  local old = redis.call('HGET', who, user)
  if old then
    local oldScore = tonumber(redis.call('ZSCORE', board, old))
    if oldScore and not replaces(scoring, score, member, oldScore, old) then return 0 end
    redis.call('ZREM', board, old)
  end
  redis.call('ZADD', board, score, member)
  redis.call('HSET', who, user, member)
  return 1
end
`;

/**
 * KEYS: live, liveWho, frozen, frozenWho, frozenAt, tmp, tmpWho, rebuilding, changed
 * ARGV: userId, score, member, scoring, submittedAtMs
 * Returns 1 when the live board changed, else 0; then the live board's size, and the user's
 * 0-based place on it (the submit answers with it, without another round trip), member and
 * score (the entry that counts, which a worse attempt under 'best' did not replace).
 */
export const RECORD_LUA = `${REPLACES}
local user, score, member, scoring = ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4]
local changed = put(KEYS[1], KEYS[2], user, score, member, scoring)
local frozenAt = redis.call('GET', KEYS[5])
if frozenAt and tonumber(ARGV[5]) < tonumber(frozenAt) then put(KEYS[3], KEYS[4], user, score, member, scoring) end
if redis.call('EXISTS', KEYS[8]) == 1 then put(KEYS[6], KEYS[7], user, score, member, scoring) end
if changed == 1 then redis.call('SADD', KEYS[9], user) end
local total = redis.call('ZCARD', KEYS[1])
local counted = redis.call('HGET', KEYS[2], user)
if not counted then return {changed, total, -1, false, false} end
return {changed, total, redis.call('ZREVRANK', KEYS[1], counted), counted, redis.call('ZSCORE', KEYS[1], counted)}
`;

/**
 * KEYS: board, who — ARGV: scoring, then (userId, score, member) triples.
 * Merges many entries with the same rule as RECORD (frozen snapshot fill).
 */
export const MERGE_LUA = `${REPLACES}
local n = 0
for i = 2, #ARGV, 3 do n = n + put(KEYS[1], KEYS[2], ARGV[i], tonumber(ARGV[i + 1]), ARGV[i + 2], ARGV[1]) end
return n
`;

/**
 * KEYS: live, liveWho, frozen, frozenWho, tmp, tmpWho, rebuilding, changed — ARGV: userId
 * Returns 1 when the user was on the live board.
 */
export const REMOVE_LUA = `
local user = ARGV[1]
local function drop(board, who)
  local m = redis.call('HGET', who, user)
  if not m then return 0 end
  redis.call('ZREM', board, m)
  redis.call('HDEL', who, user)
  return 1
end
local removed = drop(KEYS[1], KEYS[2])
drop(KEYS[3], KEYS[4])
if redis.call('EXISTS', KEYS[7]) == 1 then drop(KEYS[5], KEYS[6]) end
if removed == 1 then redis.call('SADD', KEYS[8], user) end
return removed
`;

/**
 * "My rank" in one round trip. KEYS: board, who — ARGV: userIds.
 * Returns the total, then per user: 0-based rank (-1 when absent) and the member's score.
 */
export const RANKS_LUA = `
local out = { redis.call('ZCARD', KEYS[1]) }
for i = 1, #ARGV do
  local m = redis.call('HGET', KEYS[2], ARGV[i])
  local r = m and redis.call('ZREVRANK', KEYS[1], m)
  if r then
    out[#out + 1] = r
    out[#out + 1] = m
    out[#out + 1] = redis.call('ZSCORE', KEYS[1], m)
  else
    out[#out + 1] = -1
    out[#out + 1] = false
    out[#out + 1] = false
  end
end
return out
`;

/**
 * Swaps a finished rebuild in. KEYS: tmp, tmpWho, live, liveWho, rebuilding, frozen,
 * frozenWho, frozenAt, frozenReady — ARGV: the rebuild's token.
 * The frozen snapshot is dropped too: it is re-derived from PostgreSQL on next read.
 */
export const SWAP_LUA = `
if redis.call('GET', KEYS[5]) ~= ARGV[1] then return 0 end
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('RENAME', KEYS[1], KEYS[3]) else redis.call('DEL', KEYS[3]) end
if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('RENAME', KEYS[2], KEYS[4]) else redis.call('DEL', KEYS[4]) end
redis.call('PERSIST', KEYS[3])
redis.call('PERSIST', KEYS[4])
redis.call('DEL', KEYS[5], KEYS[6], KEYS[7], KEYS[8], KEYS[9])
return 1
`;

/**
 * Claims a round's push for this moment, cluster-wide. KEYS: lastSecond, spacing —
 * ARGV: spacingMs. At most one claim per second of Redis's clock, and claims at least
 * `spacingMs` apart (a late timer cannot squeeze two pushes together across a second
 * boundary). Returns Redis's time in ms (the push's `at`), or -1.
 */
export const CLAIM_TICK_LUA = `
local t = redis.call('TIME')
local ms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local sec = tonumber(t[1])
local last = tonumber(redis.call('GET', KEYS[1]) or '-1')
if last >= sec or redis.call('EXISTS', KEYS[2]) == 1 then return -1 end
redis.call('SET', KEYS[1], sec, 'EX', 60)
redis.call('SET', KEYS[2], '1', 'PX', tonumber(ARGV[1]))
return ms
`;

/**
 * Everything a push reads, in one round trip (the tick's reads were four, each waiting its turn
 * on a busy event loop). KEYS: changed, live, names — ARGV: changedMax, topN, userOffset.
 * Returns the users whose entry changed since the last push (taken), the top N as
 * member/score pairs, the board's size, and each top user's cached display data (nil: not cached).
 */
export const READ_TOP_LUA = `
local changed = redis.call('SPOP', KEYS[1], tonumber(ARGV[1]))
local flat = redis.call('ZREVRANGE', KEYS[2], 0, tonumber(ARGV[2]) - 1, 'WITHSCORES')
local total = redis.call('ZCARD', KEYS[2])
local names = {}
if #flat > 0 then
  local ids = {}
  for i = 1, #flat, 2 do ids[#ids + 1] = string.sub(flat[i], tonumber(ARGV[3]) + 1) end
  names = redis.call('HMGET', KEYS[3], unpack(ids))
end
return {changed, flat, total, names}
`;

/**
 * Remembers the top just pushed to each audience, cluster-wide, and says whether it changed.
 * KEYS: staff, residents (pushedTop keys) — ARGV: ttlMs, staff hash, residents hash ('' = no
 * push to that audience: its key is left alone), the residents' rows (JSON). Returns per audience
 * 1 when the hash differs from the last one pushed there (or none is known: send the rows), else
 * 0 (leave them out); then, only when the residents' top changed, what their key held before
 * ('hash rows', or '' for none), which the change is patched against.
 */
export const SWAP_PUSHED_TOPS_LUA = `
local out = {0, 0, ''}
for i = 1, 2 do
  local h = ARGV[i + 1]
  if h ~= '' then
    local prev = redis.call('GET', KEYS[i]) or ''
    if prev ~= h and string.sub(prev, 1, #h + 1) ~= h .. ' ' then out[i] = 1 end
    if i == 2 then
      if out[2] == 1 then out[3] = prev end
      redis.call('SET', KEYS[i], h .. ' ' .. ARGV[4], 'PX', tonumber(ARGV[1]))
    else
      redis.call('SET', KEYS[i], h, 'PX', tonumber(ARGV[1]))
    end
  end
end
return out
`;
