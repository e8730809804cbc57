import { LuaScript } from '@lc/platform';

/**
 * Hot attempt state in Redis. Per attempt (one {hash tag}, so one slot):
 *   meta  hash: owner, round, contest, status (in_progress|closing|submitted|expired|void),
 *               started, deadline (ms), ttl (ms epoch), attemptNo, pv, draw (JSON), rev,
 *               rlw/rlc (rate window), frev (newest rev written behind to PostgreSQL),
 *               q:<questionKey> = "<type>|<opaque option ids>"
 *   ans   hash: <questionKey> = "<rev>|<seq>|<receivedMs>|<answer JSON>"
 * Shared: the write-behind set of attempt ids with unsaved answers (and its in-flight twin), and
 * the deadline set (attempt ids scored by deadline ms) the worker's sweeper finalises them from.
 * Every deadline check reads Redis TIME inside the script: one clock for every instance.
 * Per round: the moment it closed (RoundClosedMarker), read by the save and the submit in
 * the same step, so a close acknowledged on one instance holds on all of them at once.
 */

/**
 * A Lua function for the scripts below: the round's close moment when that close cut the
 * attempt short (it came before the attempt's deadline, and has passed), else nil. A close
 * on time or later leaves the deadline and its grace in charge. No grace after an early
 * close: the close finalises attempts with what they had saved by then.
 */
const CUT_BY_CLOSE = `
local function cutByClose(round, deadline, now, head, tail)
  if not round then return nil end
  local closed = redis.call('GET', head .. round .. tail)
  if closed and tonumber(closed) < tonumber(deadline) and now > tonumber(closed) then return closed end
  return nil
end
`;

/**
 * KEYS meta, ans, deadlines. ARGV ttlAtMs, nMetaPairs, deadlineMs, attemptId, meta pairs...,
 * answer pairs... Writes only if absent, and puts the attempt on its shard's deadline set.
 */
export const INIT = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local n = tonumber(ARGV[2])
local meta = {}
for k = 5, 4 + n * 2 do meta[#meta + 1] = ARGV[k] end
redis.call('HSET', KEYS[1], unpack(meta))
redis.call('PEXPIREAT', KEYS[1], ARGV[1])
if #ARGV > 4 + n * 2 then
  local ans = {}
  for k = 5 + n * 2, #ARGV do ans[#ans + 1] = ARGV[k] end
  redis.call('HSET', KEYS[2], unpack(ans))
  redis.call('PEXPIREAT', KEYS[2], ARGV[1])
end
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[4])
return 1
`);

/**
 * The autosave: owner, status, round closed early, deadline + grace (Redis TIME), per-attempt
 * rate, question and option ids, answer kind, sequence; then store and mark dirty for write-behind.
 * KEYS meta, ans, dirty. ARGV userId, questionKey, kind (o|n|s|x), answerJson, optionIdsCsv,
 * seq ('' = none), graceMs, ratePerMinute, attemptId, round marker head, round marker tail.
 */
export const SAVE = new LuaScript(`${CUT_BY_CLOSE}
local m = redis.call('HMGET', KEYS[1], 'owner', 'status', 'deadline', 'q:' .. ARGV[2], 'ttl', 'rlw', 'rlc', 'round')
if not m[1] then return {'missing'} end
if m[1] ~= ARGV[1] then return {'forbidden'} end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if m[2] ~= 'in_progress' then return {'closed', m[2], tostring(now)} end
local cut = cutByClose(m[8], m[3], now, ARGV[10], ARGV[11])
if cut then return {'round_closed', cut, string.format('%d', now)} end
if now > tonumber(m[3]) + tonumber(ARGV[7]) then return {'deadline', m[3], tostring(now)} end
local win = math.floor(now / 60000)
if tonumber(m[6]) == win then
  if tonumber(m[7]) >= tonumber(ARGV[8]) then return {'rate', tostring(60000 - now % 60000)} end
  redis.call('HINCRBY', KEYS[1], 'rlc', 1)
else
  redis.call('HSET', KEYS[1], 'rlw', win, 'rlc', 1)
end
local q = m[4]
if not q then return {'unknown_question'} end
local sep = string.find(q, '|', 1, true)
local qtype = string.sub(q, 1, sep - 1)
local kind = ARGV[3]
if qtype == 'single' or qtype == 'true_false' or qtype == 'multiple' then
  if kind ~= 'o' and kind ~= 'x' then return {'wrong_kind', qtype} end
  if kind == 'o' then
    local opts = ',' .. string.sub(q, sep + 1) .. ','
    local n = 0
    for id in string.gmatch(ARGV[5], '[^,]+') do
      n = n + 1
      if not string.find(opts, ',' .. id .. ',', 1, true) then return {'unknown_option', id} end
    end
    if n > 1 and qtype ~= 'multiple' then return {'one_option', qtype} end
  end
elseif qtype == 'numeric' then
  if kind ~= 'n' and kind ~= 'x' then return {'wrong_kind', qtype} end
elseif kind == 'o' then
  return {'wrong_kind', qtype}
end
local prev = redis.call('HGET', KEYS[2], ARGV[2])
local prevSeq = nil
if prev then prevSeq = tonumber(string.match(prev, '^%d+|(%d+)|')) end
local seq
if ARGV[6] ~= '' then
  seq = tonumber(ARGV[6])
  if prevSeq and seq <= prevSeq then return {'stale', tostring(prevSeq)} end
else
  seq = (prevSeq or 0) + 1
end
local rev = redis.call('HINCRBY', KEYS[1], 'rev', 1)
redis.call('HSET', KEYS[2], ARGV[2], rev .. '|' .. string.format('%d', seq) .. '|' .. string.format('%d', now) .. '|' .. ARGV[4])
redis.call('PEXPIREAT', KEYS[2], m[5])
redis.call('SADD', KEYS[3], ARGV[9])
return {'ok', string.format('%d', seq), string.format('%d', now)}
`);

/**
 * Stops the attempt taking answers and hands back everything needed to finalise it (with the
 * moment an early close of the round cut it short, if one did). Status "closing" lets a retried
 * submit (or the expiry job) continue after a crash mid-way. A submit after the round was
 * closed early is refused: the close finalises the attempt as it stood.
 * KEYS meta, ans. ARGV userId ('' = the system), graceMs, mode (submit|expire|force: staff close
 * the round early), round marker head, round marker tail.
 */
export const CLOSE = new LuaScript(`${CUT_BY_CLOSE}
local m = redis.call('HMGET', KEYS[1], 'owner', 'status', 'deadline', 'round')
if not m[1] then return {'missing'} end
if ARGV[1] ~= '' and m[1] ~= ARGV[1] then return {'forbidden'} end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if m[2] ~= 'in_progress' and m[2] ~= 'closing' then return {'done', m[2]} end
local cut = cutByClose(m[4], m[3], now, ARGV[4], ARGV[5])
if cut and ARGV[3] == 'submit' then return {'round_closed', cut, string.format('%d', now)} end
local late = now > tonumber(m[3]) + tonumber(ARGV[2])
if ARGV[3] == 'expire' and not late and not cut then return {'early', m[3], string.format('%d', now)} end
redis.call('HSET', KEYS[1], 'status', 'closing')
return {'ok', string.format('%d', now), late and '1' or '0', redis.call('HGETALL', KEYS[1]), redis.call('HGETALL', KEYS[2]), cut or ''}
`);

/** KEYS meta. ARGV expected status, new status. Compare-and-set of the status. */
export const SET_STATUS_IF = new LuaScript(`
if redis.call('HGET', KEYS[1], 'status') == ARGV[1] then
  redis.call('HSET', KEYS[1], 'status', ARGV[2])
  return 1
end
return 0
`);

/** KEYS meta, ans, deadlines. ARGV status, keepMs, attemptId. After the PostgreSQL commit: the final status, kept a while; off the deadline set. */
export const FINISHED = new LuaScript(`
redis.call('HSET', KEYS[1], 'status', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
redis.call('ZREM', KEYS[3], ARGV[3])
return 1
`);

/**
 * KEYS deadlines. ARGV graceMs, n, leaseMs. Up to n attempts whose deadline + grace has passed
 * on Redis's clock, each pushed leaseMs ahead on the set: taken by one sweeper, and due again
 * should that sweeper die before finalising it.
 */
export const TAKE_DUE = new LuaScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[1]), 'LIMIT', 0, tonumber(ARGV[2]))
for _, id in ipairs(ids) do redis.call('ZADD', KEYS[1], now - tonumber(ARGV[1]) + tonumber(ARGV[3]), id) end
return ids
`);

/** KEYS dirty, inflight. ARGV n. Takes up to n attempt ids to write behind, remembering them in flight. */
export const TAKE_DIRTY = new LuaScript(`
local ids = redis.call('SPOP', KEYS[1], ARGV[1])
if #ids > 0 then redis.call('SADD', KEYS[2], unpack(ids)) end
return ids
`);

/**
 * KEYS meta and ans of each attempt in turn (one shard's). Per attempt, the answers newer than its
 * last write-behind (frev), as field/value pairs: unchanged ones never leave Redis. One call for a
 * batch: a call per attempt cost the worker and Redis twice as much (issue 18).
 */
export const UNWRITTEN = new LuaScript(`
local out = {}
for j = 1, #KEYS, 2 do
  local f = tonumber(redis.call('HGET', KEYS[j], 'frev') or '0')
  local all = redis.call('HGETALL', KEYS[j + 1])
  local mine = {}
  for i = 1, #all, 2 do
    if tonumber(string.match(all[i + 1], '^%d+')) > f then
      mine[#mine + 1] = all[i]
      mine[#mine + 1] = all[i + 1]
    end
  end
  out[#out + 1] = mine
end
return out
`);

/**
 * KEYS the shard's in-flight set, then each attempt's meta. ARGV attempt id and the rev now in
 * PostgreSQL (0: none), per attempt in turn. After the write-behind committed: raises each frev
 * (never lowers it, and never brings back an attempt that has left Redis), then takes the batch
 * off the in-flight set.
 */
export const WRITTEN = new LuaScript(`
local ids = {}
for j = 2, #KEYS do
  local id, rev = ARGV[j * 2 - 3], tonumber(ARGV[j * 2 - 2])
  ids[#ids + 1] = id
  if rev > 0 and redis.call('EXISTS', KEYS[j]) == 1 and rev > tonumber(redis.call('HGET', KEYS[j], 'frev') or '0') then
    redis.call('HSET', KEYS[j], 'frev', rev)
  end
end
if #ids > 0 then redis.call('SREM', KEYS[1], unpack(ids)) end
return 1
`);
