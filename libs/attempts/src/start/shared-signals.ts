import { LuaScript } from '@lc/platform';

/**
 * KEYS the round's set of accounts seen on one device or IP. ARGV userId, expireAtMs.
 * Adds the account and returns {added (1|0), accounts}: one script call instead of a MULTI of
 * three (a MULTI leaves in its own write; a script call joins the client's auto-pipeline).
 */
export const NOTE_ACCOUNT = new LuaScript(`
local added = redis.call('SADD', KEYS[1], ARGV[1])
redis.call('PEXPIREAT', KEYS[1], ARGV[2])
return {added, redis.call('SCARD', KEYS[1])}
`);
