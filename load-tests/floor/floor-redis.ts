import Redis from 'ioredis';

/** The floor's hot state: an attempt's meta and answers in one {hash tag}, as the api keeps them. */
export function floorKeys(prefix: string) {
  return {
    meta: (attemptId: string) => `${prefix}:floor:{${attemptId}}:meta`,
    ans: (attemptId: string) => `${prefix}:floor:{${attemptId}}:ans`,
    board: (roundId: string) => `${prefix}:floor:board:${roundId}`,
    sockets: (userId: string) => `${prefix}:floor:sockets:${userId}`,
    deadlines: `${prefix}:floor:deadlines`,
    dirty: `${prefix}:floor:dirty`,
    inflight: `${prefix}:floor:inflight`,
    changed: `${prefix}:floor:changed`,
  };
}

/** The least each step checks and writes: owner and status, the question, the answer, the write-behind mark. */
export const FLOOR_SCRIPTS = {
  floorInit: {
    numberOfKeys: 2,
    lua: `redis.call('HSET', KEYS[1], unpack(ARGV, 3))
redis.call('PEXPIREAT', KEYS[1], ARGV[1] + 3600000)
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[2])
return 1`,
  },
  floorSave: {
    numberOfKeys: 3,
    lua: `local m = redis.call('HMGET', KEYS[1], 'owner', 'status', 'q:' .. ARGV[2])
if m[1] ~= ARGV[1] then return 'forbidden' end
if m[2] ~= 'in_progress' then return 'closed' end
if not m[3] then return 'unknown_question' end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
redis.call('SADD', KEYS[3], ARGV[4] .. '|' .. ARGV[2])
return 'ok'`,
  },
  floorClose: {
    numberOfKeys: 2,
    lua: `local m = redis.call('HMGET', KEYS[1], 'owner', 'status', 'round')
if m[1] ~= ARGV[1] then return {'forbidden'} end
if m[2] ~= 'in_progress' then return {'closed'} end
redis.call('HSET', KEYS[1], 'status', 'closing')
return {'ok', m[3], redis.call('HGETALL', KEYS[2])}`,
  },
  floorTakeDirty: {
    numberOfKeys: 2,
    lua: `local ids = redis.call('SPOP', KEYS[1], ARGV[1])
if #ids > 0 then redis.call('SADD', KEYS[2], unpack(ids)) end
return ids`,
  },
} as const;

export type FloorRedis = Redis & {
  floorInit(meta: string, deadlines: string, deadline: number, attemptId: string, ...fields: string[]): Promise<number>;
  floorSave(meta: string, ans: string, dirty: string, user: string, questionId: string, answer: string, attemptId: string): Promise<string>;
  floorClose(meta: string, ans: string, user: string): Promise<unknown>;
  floorTakeDirty(dirty: string, inflight: string, n: number): Promise<string[]>;
};

/** A connection with the floor's scripts defined on it (EVALSHA, loaded on NOSCRIPT). */
export function openFloorRedis(url: string, autoPipelining = false): FloorRedis {
  const redis = new Redis(url, { enableAutoPipelining: autoPipelining }) as FloorRedis;
  for (const [name, s] of Object.entries(FLOOR_SCRIPTS)) redis.defineCommand(name, s);
  return redis;
}
