import { Inject, Injectable } from '@nestjs/common';
import { LuaScript, REDIS, RedisClient, RedisKeys } from '@lc/platform';
import type { LiveAnswerRefusal } from './live-scoring';

/**
 * A live final's state in Redis, so any api instance serves any player or the host, and an
 * instance that dies loses nothing. Every key of a round shares the hash tag {<roundId>}
 * (one slot on Redis Cluster), so each move is ONE Lua script: two hosts pressing "next" or
 * "reveal" on two instances at once cannot advance twice, and the clock is Redis TIME.
 *
 *   state          hash: status, index, total, qid, opensAt, closesAt, pausedFrom, pausedAt, endedAt
 *   order          string: the question version ids in showing order (fixed at start)
 *   ans:<qid>      hash: userId → "<receivedAtMs>|<optionId,optionId>" (first answer only: HSETNX)
 *   scores         hash: userId → points in hundredths (written only at reveal)
 *   saved          hash: userId → ms saved over all answers (the time tie-break)
 *   board          sorted set: userId → boardValue(score, saved)
 *   reveal:<index> string: the revealed key, distribution and explanation (JSON)
 *   players        hash: userId → display name (entrants seen; eligibility checked once)
 */

export type LiveStoredStatus = 'waiting' | 'question' | 'revealing' | 'revealed' | 'paused' | 'ended';

export interface LiveStateRow {
  status: LiveStoredStatus;
  index: number;
  total: number;
  questionId: string | null;
  opensAtMs: number | null;
  closesAtMs: number | null;
  pausedFrom: LiveStoredStatus | null;
  pausedAtMs: number | null;
  /** Questions revealed so far (they count in the result). */
  revealedCount: number;
  startedAtMs: number | null;
  endedAtMs: number | null;
}

export class LiveKeys {
  readonly state: string;
  readonly order: string;
  readonly scores: string;
  readonly saved: string;
  readonly board: string;
  readonly players: string;
  constructor(
    keys: RedisKeys,
    readonly roundId: string,
  ) {
    const k = (...p: string[]) => keys.key('livefinal', `{${roundId}}`, ...p);
    this.state = k('state');
    this.order = k('order');
    this.scores = k('scores');
    this.saved = k('saved');
    this.board = k('board');
    this.players = k('players');
    this.answersOf = (qid: string) => k('ans', qid);
    this.revealOf = (index: number) => k('reveal', String(index));
  }
  readonly answersOf: (questionId: string) => string;
  readonly revealOf: (index: number) => string;
}

const NOW = `local t = redis.call('TIME'); local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/** Opens the room once: waiting, before question 0. Returns 1, or 0 when it was already started. */
const START = `${NOW}
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'status', 'waiting', 'index', -1, 'total', ARGV[1], 'startedAt', now)
redis.call('SET', KEYS[2], ARGV[2])
return 1`;

/** Shows question ARGV[1]+1 if the state is still at ARGV[1] (waiting or revealed). */
const NEXT = `${NOW}
local s = redis.call('HMGET', KEYS[1], 'status', 'index', 'total')
if not s[1] then return {'live_not_started'} end
if s[1] ~= 'waiting' and s[1] ~= 'revealed' then return {'live_wrong_status', s[1]} end
if tonumber(s[2]) ~= tonumber(ARGV[1]) then return {'live_state_changed', s[2]} end
local nxt = tonumber(s[2]) + 1
if nxt >= tonumber(s[3]) then return {'live_no_more_questions'} end
local closes = now + tonumber(ARGV[3])
redis.call('HSET', KEYS[1], 'status', 'question', 'index', nxt, 'qid', ARGV[2], 'opensAt', now, 'closesAt', closes)
return {'ok', tostring(nxt), tostring(now), tostring(closes)}`;

/** The first answer of a player while the question shows and by closesAt + grace; refusals by code. */
const ANSWER = `${NOW}
local s = redis.call('HMGET', KEYS[1], 'status', 'qid', 'closesAt')
if not s[1] then return {'live_not_open'} end
if s[1] == 'paused' then return {'live_paused'} end
if s[1] == 'revealing' or s[1] == 'revealed' then
  if s[2] == ARGV[2] then return {'live_question_closed'} end
  return {'live_wrong_question'}
end
if s[1] ~= 'question' then return {'live_not_open'} end
if s[2] ~= ARGV[2] then return {'live_wrong_question'} end
if now > tonumber(s[3]) + tonumber(ARGV[4]) then return {'live_answer_late', tostring(now)} end
if redis.call('HSETNX', KEYS[2], ARGV[1], now .. '|' .. ARGV[3]) == 0 then return {'live_already_answered'} end
return {'ok', tostring(now)}`;

/** Closes question ARGV[1] to answers before it is scored (a reveal interrupted by a crash is taken up again). */
const REVEAL_LOCK = `
local s = redis.call('HMGET', KEYS[1], 'status', 'index', 'qid', 'opensAt')
if not s[1] then return {'live_not_started'} end
if tonumber(s[2]) ~= tonumber(ARGV[1]) then return {'live_state_changed'} end
if s[1] == 'question' then redis.call('HSET', KEYS[1], 'status', 'revealing') return {'ok', s[3], s[4]} end
if s[1] == 'revealing' then return {'ok', s[3], s[4]} end
if s[1] == 'revealed' then return {'already'} end
return {'live_wrong_status'}`;

/** Applies the scores of question ARGV[1] once (only from 'revealing'): scores, saved time, board, reveal. */
const REVEAL_APPLY = `
local s = redis.call('HMGET', KEYS[1], 'status', 'index')
if s[1] ~= 'revealing' or tonumber(s[2]) ~= tonumber(ARGV[1]) then return 0 end
local n = tonumber(ARGV[3])
for i = 0, n - 1 do
  local uid = ARGV[4 + i * 3]
  local score = redis.call('HINCRBY', KEYS[2], uid, tonumber(ARGV[5 + i * 3]))
  local saved = redis.call('HINCRBY', KEYS[3], uid, tonumber(ARGV[6 + i * 3]))
  if saved > 999999999 then saved = 999999999 end
  redis.call('ZADD', KEYS[4], score * 1000000000 + saved, uid)
end
redis.call('SET', KEYS[5], ARGV[2])
redis.call('HSET', KEYS[1], 'status', 'revealed', 'revealedCount', tonumber(ARGV[1]) + 1)
return 1`;

const PAUSE = `${NOW}
local s = redis.call('HGET', KEYS[1], 'status')
if not s then return 'live_not_started' end
if s == 'paused' then return 'already' end
if s ~= 'waiting' and s ~= 'question' and s ~= 'revealed' then return 'live_wrong_status' end
redis.call('HSET', KEYS[1], 'status', 'paused', 'pausedFrom', s, 'pausedAt', now)
return 'ok'`;

/** Resumes; a question paused with time left gets that time back (its window moves by the pause). */
const RESUME = `${NOW}
local s = redis.call('HMGET', KEYS[1], 'status', 'pausedFrom', 'pausedAt', 'opensAt', 'closesAt')
if not s[1] then return 'live_not_started' end
if s[1] ~= 'paused' then return 'live_wrong_status' end
if s[2] == 'question' then
  local shift = now - tonumber(s[3])
  redis.call('HSET', KEYS[1], 'opensAt', tonumber(s[4]) + shift, 'closesAt', tonumber(s[5]) + shift)
end
redis.call('HSET', KEYS[1], 'status', s[2])
redis.call('HDEL', KEYS[1], 'pausedFrom', 'pausedAt')
return 'ok'`;

const END = `${NOW}
local s = redis.call('HGET', KEYS[1], 'status')
if not s then return 'live_not_started' end
if s == 'ended' then return 'already' end
if s == 'revealing' then return 'live_wrong_status' end
redis.call('HSET', KEYS[1], 'status', 'ended', 'endedAt', now)
return 'ok'`;

/** Every script of the live final (exported for the one-slot check of Redis Cluster). */
export const LIVE_SCRIPTS = {
  start: new LuaScript(START),
  next: new LuaScript(NEXT),
  answer: new LuaScript(ANSWER),
  revealLock: new LuaScript(REVEAL_LOCK),
  revealApply: new LuaScript(REVEAL_APPLY),
  pause: new LuaScript(PAUSE),
  resume: new LuaScript(RESUME),
  end: new LuaScript(END),
};
const S = LIVE_SCRIPTS;

export type Moved = 'ok' | 'already' | 'live_not_started' | 'live_wrong_status' | 'live_state_changed';

const num = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? null : Number(v));

@Injectable()
export class LiveStateStore {
  constructor(
    @Inject(REDIS) readonly redis: RedisClient,
    private readonly redisKeys: RedisKeys,
  ) {}

  keys(roundId: string): LiveKeys {
    return new LiveKeys(this.redisKeys, roundId);
  }

  async read(roundId: string): Promise<LiveStateRow | null> {
    const h = await this.redis.hgetall(this.keys(roundId).state);
    if (!h.status) return null;
    return {
      status: h.status as LiveStoredStatus,
      index: Number(h.index),
      total: Number(h.total),
      questionId: h.qid || null,
      opensAtMs: num(h.opensAt),
      closesAtMs: num(h.closesAt),
      pausedFrom: (h.pausedFrom as LiveStoredStatus) || null,
      pausedAtMs: num(h.pausedAt),
      revealedCount: Number(h.revealedCount ?? 0),
      startedAtMs: num(h.startedAt),
      endedAtMs: num(h.endedAt),
    };
  }

  async order(roundId: string): Promise<string[] | null> {
    const v = await this.redis.get(this.keys(roundId).order);
    return v ? (JSON.parse(v) as string[]) : null;
  }

  async start(roundId: string, order: string[]): Promise<boolean> {
    const k = this.keys(roundId);
    return (await S.start.run<number>(this.redis, [k.state, k.order], [order.length, JSON.stringify(order)])) === 1;
  }

  async next(
    roundId: string,
    fromIndex: number,
    questionId: string,
    questionMs: number,
  ): Promise<{ ok: true; index: number; opensAtMs: number; closesAtMs: number } | { ok: false; code: string }> {
    const r = await S.next.run<string[]>(this.redis, [this.keys(roundId).state], [fromIndex, questionId, questionMs]);
    if (r[0] !== 'ok') return { ok: false, code: r[0] };
    return { ok: true, index: Number(r[1]), opensAtMs: Number(r[2]), closesAtMs: Number(r[3]) };
  }

  async answer(
    roundId: string,
    userId: string,
    questionId: string,
    optionIds: string[],
    graceMs: number,
  ): Promise<{ ok: true; receivedAtMs: number } | { ok: false; code: LiveAnswerRefusal }> {
    const k = this.keys(roundId);
    const r = await S.answer.run<string[]>(this.redis, [k.state, k.answersOf(questionId)], [userId, questionId, optionIds.join(','), graceMs]);
    if (r[0] !== 'ok') return { ok: false, code: r[0] as LiveAnswerRefusal };
    return { ok: true, receivedAtMs: Number(r[1]) };
  }

  /** Every accepted first answer of a question: userId → receive time and options. */
  async answers(roundId: string, questionId: string): Promise<Map<string, { receivedAtMs: number; optionIds: string[] }>> {
    const h = await this.redis.hgetall(this.keys(roundId).answersOf(questionId));
    const out = new Map<string, { receivedAtMs: number; optionIds: string[] }>();
    for (const [uid, v] of Object.entries(h)) {
      const bar = v.indexOf('|');
      const opts = v.slice(bar + 1);
      out.set(uid, { receivedAtMs: Number(v.slice(0, bar)), optionIds: opts ? opts.split(',') : [] });
    }
    return out;
  }

  async answerOf(roundId: string, questionId: string, userId: string): Promise<string[] | null> {
    const v = await this.redis.hget(this.keys(roundId).answersOf(questionId), userId);
    if (v === null) return null;
    const opts = v.slice(v.indexOf('|') + 1);
    return opts ? opts.split(',') : [];
  }

  async answerCount(roundId: string, questionId: string): Promise<number> {
    return this.redis.hlen(this.keys(roundId).answersOf(questionId));
  }

  /** Closes the question to answers; 'ok' with the question showing and when it opened (its answers are then final). */
  async lockReveal(roundId: string, index: number): Promise<{ code: 'ok'; questionId: string; opensAtMs: number } | { code: string }> {
    const r = await S.revealLock.run<string[]>(this.redis, [this.keys(roundId).state], [index]);
    return r[0] === 'ok' ? { code: 'ok', questionId: r[1], opensAtMs: Number(r[2]) } : { code: r[0] };
  }

  /** 1: this call applied the scores; 0: another did (or the state moved on). */
  async applyReveal(roundId: string, index: number, reveal: unknown, awards: { userId: string; award: number; savedMs: number }[]): Promise<boolean> {
    const k = this.keys(roundId);
    const args: (string | number)[] = [index, JSON.stringify(reveal), awards.length];
    for (const a of awards) args.push(a.userId, a.award, a.savedMs);
    return (await S.revealApply.run<number>(this.redis, [k.state, k.scores, k.saved, k.board, k.revealOf(index)], args)) === 1;
  }

  async reveal<T>(roundId: string, index: number): Promise<T | null> {
    const v = await this.redis.get(this.keys(roundId).revealOf(index));
    return v ? (JSON.parse(v) as T) : null;
  }

  pause(roundId: string): Promise<Moved> {
    return S.pause.run<Moved>(this.redis, [this.keys(roundId).state], []);
  }
  resume(roundId: string): Promise<Moved> {
    return S.resume.run<Moved>(this.redis, [this.keys(roundId).state], []);
  }
  end(roundId: string): Promise<Moved> {
    return S.end.run<Moved>(this.redis, [this.keys(roundId).state], []);
  }

  /** Top `n` of the board: userId, score (points), display name. */
  async top(roundId: string, n: number): Promise<{ rows: { rank: number; userId: string; displayName: string; score: number }[]; total: number }> {
    const k = this.keys(roundId);
    const [ids, total] = await Promise.all([this.redis.zrevrange(k.board, 0, n - 1), this.redis.zcard(k.board)]);
    if (!ids.length) return { rows: [], total };
    const [scores, names] = await Promise.all([this.redis.hmget(k.scores, ...ids), this.redis.hmget(k.players, ...ids)]);
    return { rows: ids.map((userId, i) => ({ rank: i + 1, userId, displayName: names[i] ?? '—', score: Number(scores[i] ?? 0) / 100 })), total };
  }

  async standing(roundId: string, userId: string): Promise<{ score: number; rank: number | null }> {
    const k = this.keys(roundId);
    const [score, rank] = await Promise.all([this.redis.hget(k.scores, userId), this.redis.zrevrank(k.board, userId)]);
    return { score: Number(score ?? 0) / 100, rank: rank === null ? null : rank + 1 };
  }

  /** Everyone with a score, for the result: userId → hundredths and saved ms. */
  async finals(roundId: string): Promise<Map<string, { score: number; savedMs: number }>> {
    const k = this.keys(roundId);
    const [scores, saved] = await Promise.all([this.redis.hgetall(k.scores), this.redis.hgetall(k.saved)]);
    const out = new Map<string, { score: number; savedMs: number }>();
    for (const [uid, s] of Object.entries(scores)) out.set(uid, { score: Number(s), savedMs: Number(saved[uid] ?? 0) });
    return out;
  }

  /** After the end (the attempts hold the result): the final's keys go after `seconds`, kept a while for late readers. */
  async expire(roundId: string, questionIds: string[], total: number, seconds: number): Promise<void> {
    const k = this.keys(roundId);
    const pipe = this.redis.pipeline();
    for (const key of [
      k.state,
      k.order,
      k.scores,
      k.saved,
      k.board,
      k.players,
      ...questionIds.map(k.answersOf),
      ...Array.from({ length: total }, (_, i) => k.revealOf(i)),
    ])
      pipe.expire(key, seconds);
    await pipe.exec();
  }

  async playerName(roundId: string, userId: string): Promise<string | null> {
    return this.redis.hget(this.keys(roundId).players, userId);
  }
  async addPlayer(roundId: string, userId: string, displayName: string): Promise<void> {
    await this.redis.hset(this.keys(roundId).players, userId, displayName);
  }
  async players(roundId: string): Promise<string[]> {
    return this.redis.hkeys(this.keys(roundId).players);
  }
}
