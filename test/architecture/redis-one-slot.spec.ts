import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import calculateSlot from 'cluster-key-slot';
import { AttemptHotStore } from '../../libs/attempts/src/hot/attempt-hot-store';
import * as hotScripts from '../../libs/attempts/src/hot/attempt.scripts';
import { NOTE_ACCOUNT } from '../../libs/attempts/src/start/shared-signals';
import { AnswerWritebackTimer } from '../../libs/attempts/src/writeback/answer-writeback.processor';
import { RoundClosedMarker } from '../../libs/contests/src/schedule/round-closed-marker';
import { LoginLimiter } from '../../libs/identity/src/auth/login-limiter.service';
import { PasswordResetService } from '../../libs/identity/src/auth/password-reset.service';
import { PiiService } from '../../libs/identity/src/pii/pii.service';
import { encodeEntry } from '../../libs/leaderboard/src/board/board-encoding';
import { BoardStore } from '../../libs/leaderboard/src/board/board-store';
import { ADMIT, SocketQuota } from '../../libs/realtime/src/socket-quota';
import { LIVE_SCRIPTS, LiveStateStore } from '../../libs/live-finals/src/live-state';
import Redis from 'ioredis';
import { AppConfig, LuaScript, RedisClient, RedisKeys } from '@lc/platform';

/**
 * On Redis Cluster a Lua script may only touch keys of one hash slot (else CROSSSLOT, or a
 * "non local key" error once the keys sit on different masters). For EVERY Lua script in
 * libs/*\/src this test calls the real code that runs it — with a client that records the
 * keys instead of sending them — and computes each key's slot (CLUSTER KEYSLOT's CRC16) with
 * the cluster layout (`REDIS_CLUSTER_NODES`, where hot attempts are sharded). The single-server
 * layout would fail it (an autosave spans 3 slots there: attempt, global dirty set, round
 * marker), which is why the cluster has its own. Keys a script builds itself (the round close
 * marker) are added from its arguments.
 * A script found in the sources and not exercised below fails the test: add it here.
 */

const ROOT = join(__dirname, '..', '..');
const ROUND = '0b9f4f7e-8e55-4a49-9b7b-3f1c2d4e5a60';
const USER = '5a1c1c0e-2f3b-4d4e-8f9a-0b1c2d3e4f50';
const ATTEMPTS = ['8d3e2f10-aaaa-4bbb-8ccc-000000000001', 'f00dbabe-1234-4567-89ab-cdef01234567', '11111111-2222-4333-8444-555566667777'];

interface ScriptCall {
  /** `file#CONST`, resolved from the script's source text. */
  keys: string[];
  args: string[];
  source: string;
}

/** A stand-in for ioredis that records every script call (EVAL/EVALSHA, defined commands) and answers blandly. */
function recordingClient(calls: ScriptCall[], sources: Map<string, string>): RedisClient {
  const defined = new Map<string, { numberOfKeys: number; lua: string }>();
  const script = (source: string, n: number, rest: unknown[]) => calls.push({ source, keys: rest.slice(0, n).map(String), args: rest.slice(n).map(String) });
  const sourceOfSha = (sha: string) => sources.get(sha) ?? `<unknown sha ${sha}>`;
  const chain = (): unknown => {
    const queued: unknown[] = [];
    const p: unknown = new Proxy(
      {},
      {
        get: (_t, prop) => {
          if (prop === 'exec') return async () => queued.map(() => [null, []]);
          return (...a: unknown[]) => {
            if (prop === 'evalsha') script(sourceOfSha(String(a[0])), Number(a[1]), a.slice(2));
            queued.push(prop);
            return p;
          };
        },
      },
    );
    return p;
  };
  return new Proxy({} as Record<string | symbol, unknown>, {
    get: (_t, prop) => {
      if (prop === 'then') return undefined;
      if (prop === 'defineCommand') return (name: string, def: { numberOfKeys: number; lua: string }) => defined.set(name, def);
      if (prop === 'multi' || prop === 'pipeline') return chain;
      const d = defined.get(String(prop));
      if (d) return async (...a: unknown[]) => (script(d.lua, d.numberOfKeys, a), 0);
      // Like ioredis: a command defined with defineCommand exists only once defined.
      if (!(prop in Redis.prototype)) return undefined;
      return async (...a: unknown[]) => {
        if (prop === 'evalsha') script(sourceOfSha(String(a[0])), Number(a[1]), a.slice(2));
        if (prop === 'eval') script(String(a[0]), Number(a[1]), a.slice(2));
        if (prop === 'call' && String(a[0]).toLowerCase() === 'eval') script(String(a[1]), Number(a[2]), a.slice(3));
        return prop === 'evalsha' || prop === 'eval' ? [] : null;
      };
    },
  }) as unknown as RedisClient;
}

function config(cluster: boolean): AppConfig {
  return {
    redisPrefix: 'lc',
    redisUrl: 'redis://127.0.0.1:6379',
    redisClusterNodes: cluster ? [{ host: '127.0.0.1', port: 7000 }] : null,
    piiKey: 'k'.repeat(32),
    authRateLimitPerMinute: 10,
  } as AppConfig;
}

/** Every `const NAME = ` whose value is Lua (a template with redis.call), per file under libs/*\/src. */
function luaScriptsInSources(): { id: string; text: string }[] {
  const out: { id: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.spec.ts')) {
        const src = readFileSync(p, 'utf8');
        const re = /const\s+([A-Z][A-Z0-9_]*)\s*=\s*(?:new\s+LuaScript\()?\s*`([\s\S]*?)`/g;
        for (let m = re.exec(src); m; m = re.exec(src)) if (m[2].includes('redis.call')) out.push({ id: `${relative(ROOT, p)}#${m[1]}`, text: m[2] });
      }
    }
  };
  for (const lib of readdirSync(join(ROOT, 'libs'))) {
    const src = join(ROOT, 'libs', lib, 'src');
    if (statSync(join(ROOT, 'libs', lib)).isDirectory() && readdirSync(join(ROOT, 'libs', lib)).includes('src')) walk(src);
  }
  return out;
}

/** Scripts used only as a part of others (a Lua function pasted in), proved through those. */
const FRAGMENTS: Record<string, string> = {
  'libs/attempts/src/hot/attempt.scripts.ts#CUT_BY_CLOSE': 'pasted into SAVE and CLOSE; the marker key it builds is checked with theirs',
  'libs/live-finals/src/live-state.ts#NOW': 'the server clock (TIME, no keys) pasted into every script of the live final',
  'libs/leaderboard/src/board/board.scripts.ts#REPLACES': 'the Lua functions pasted into RECORD and MERGE; they touch only the keys given to them',
};

/** The script a recorded call ran: the source it was given starts with (or is) the found text, after interpolations. */
function scriptOf(call: ScriptCall, found: { id: string; text: string }[]): string | undefined {
  const norm = (s: string) =>
    s
      .replace(/\$\{[^}]+\}/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  const src = norm(call.source);
  // Longest first: a script that pastes a fragment contains it.
  return [...found].sort((a, b) => b.text.length - a.text.length).find((f) => !FRAGMENTS[f.id] && src.includes(norm(f.text).slice(-120)))?.id;
}

async function exercise(cluster: boolean): Promise<ScriptCall[]> {
  const calls: ScriptCall[] = [];
  const sources = new Map<string, string>();
  // EVALSHA carries only the digest: learn every LuaScript's source.
  for (const s of Object.values(hotScripts)) if (s instanceof LuaScript) sources.set(s.sha, s.source);
  for (const s of Object.values(LIVE_SCRIPTS)) sources.set(s.sha, s.source);
  sources.set(ADMIT.sha, ADMIT.source);
  const cfg = config(cluster);
  const keys = new RedisKeys(cfg);
  const redis = recordingClient(calls, sources);

  const marker = new RoundClosedMarker(redis, keys, cfg);
  const hot = new AttemptHotStore(redis, keys, marker, cfg);
  for (const id of ATTEMPTS) {
    await hot.init({
      id,
      userId: USER,
      roundId: ROUND,
      contestId: ROUND,
      attemptNo: 1,
      poolVersion: 1,
      status: 'in_progress',
      startedAt: 0,
      deadlineAt: 1,
      draw: [],
    });
    await hot.save(id, USER, 'q1', 'o', { optionIds: ['a'] }, 1, 2000, 60);
    await hot.close(id, USER, 2000, 'submit');
    await hot.reopen(id);
    await hot.finished(id, 'submitted');
  }
  await hot.takeDue(10, 2000, 30_000);
  // A start's shared device / IP signal: one key per call (the key as AttemptStartService builds it).
  sources.set(NOTE_ACCOUNT.sha, NOTE_ACCOUNT.source);
  await NOTE_ACCOUNT.run(redis, [keys.key('round', ROUND, 'ip', '203.0.113.5')], [USER, 1]);
  await hot.unwrittenAnswersOf(ATTEMPTS);
  await hot.written(ATTEMPTS, new Map(ATTEMPTS.map((id) => [id, 3])));
  await hot.takeDirty(10);

  // The write-behind lease (one key), run the way the timer runs it.
  const timer = new AnswerWritebackTimer(
    redis,
    keys,
    { flush: async () => 0, recoverInflight: async () => undefined } as never,
    { add: async () => undefined } as never,
  );
  for (const s of luaScriptsInSources().filter((f) => f.id.includes('answer-writeback.processor'))) sources.set(new LuaScript(s.text).sha, s.text);
  await timer.tick();
  await timer.onModuleDestroy();

  const board = new BoardStore(redis, keys);
  await board.record(ROUND, USER, encodeEntry({ userId: USER, score: 7, timeTakenMs: 1000, submittedAtMs: 1 }), 'best', 0).catch(() => undefined);
  await board.remove(ROUND, USER);
  await board.merge(ROUND, 'tmp', 'best', [{ userId: USER, e: encodeEntry({ userId: USER, score: 7, timeTakenMs: 1000, submittedAtMs: 1 }) }]);
  await board.ranks(ROUND, 'live', [USER]).catch(() => undefined);
  await board.claimTick(ROUND);
  await board.readTop(ROUND, 20, 1000).catch(() => undefined);
  await board.swapPushedTops(ROUND, { staff: { hash: 'AbCd1234', rows: [] }, residents: { hash: 'EfGh5678', rows: [] } }).catch(() => undefined);
  await board.finishRebuild(ROUND, 'token');

  const limiter = new LoginLimiter(redis, keys, { now: () => 0 } as never, new PiiService(cfg), cfg);
  await limiter.take('0912345678', '203.0.113.5').catch(() => undefined);

  const reset = new PasswordResetService(
    redis,
    keys,
    cfg,
    { findByLogin: async () => ({ id: USER }) } as never,
    {} as never,
    limiter,
    {} as never,
    new PiiService(cfg),
  );
  await reset.confirm('a@b.vn', '123456', 'Mật-khẩu-rất-dài-2026', '203.0.113.5').catch(() => undefined);

  await new SocketQuota(redis, keys, { liveMaxSocketsPerUser: 5 } as AppConfig).admit(USER, 'socket-1', 0).catch(() => undefined);

  // The live final: every move of its state machine, an answer and a reveal with awards.
  const live = new LiveStateStore(redis as never, keys);
  await live.start(ROUND, ['q0', 'q1']);
  await live.next(ROUND, -1, 'q0', 20_000);
  await live.answer(ROUND, USER, 'q0', ['o1'], 2000);
  await live.lockReveal(ROUND, 0);
  await live.applyReveal(ROUND, 0, { questionId: 'q0' }, [{ userId: USER, award: 10, savedMs: 500 }]);
  await live.pause(ROUND);
  await live.resume(ROUND);
  await live.end(ROUND);
  return calls;
}

describe('every Lua script touches one Redis Cluster slot', () => {
  const found = luaScriptsInSources();

  it('finds the scripts of the code base', () => {
    expect(found.length).toBeGreaterThanOrEqual(15);
  });

  {
    describe('on a cluster (REDIS_CLUSTER_NODES)', () => {
      let calls: ScriptCall[];
      beforeAll(async () => {
        calls = await exercise(true);
      });

      it('each call keeps its keys (and the marker it reads) in one slot', () => {
        expect(calls.length).toBeGreaterThan(10);
        for (const c of calls) {
          const keys = [...c.keys];
          // SAVE and CLOSE read the round's close marker: head + round + tail, from their last two arguments.
          if (c.source.includes('cutByClose')) keys.push(`${c.args[c.args.length - 2]}${ROUND}${c.args[c.args.length - 1]}`);
          const slots = new Set(keys.map((k) => calculateSlot(k)));
          expect({ script: scriptOf(c, found), keys, slots: slots.size }).toEqual({ script: scriptOf(c, found), keys, slots: 1 });
        }
      });

      it('every script in libs/*/src was exercised here', () => {
        const ran = new Set(calls.map((c) => scriptOf(c, found)));
        const missing = found.filter((f) => !FRAGMENTS[f.id] && !ran.has(f.id)).map((f) => f.id);
        expect(missing).toEqual([]);
      });
    });
  }

  it('hot attempts spread over several slots on a cluster, yet each attempt with its write-behind set', () => {
    const cfg = config(true);
    const keys = new RedisKeys(cfg);
    const hot = new AttemptHotStore({} as RedisClient, keys, new RoundClosedMarker({} as RedisClient, keys, cfg), cfg);
    const slots = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const id = `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
      slots.add(calculateSlot(hot.meta(id)));
      expect(calculateSlot(hot.dirtySetOf(id).dirty)).toBe(calculateSlot(hot.meta(id)));
    }
    expect(slots.size).toBeGreaterThan(32);
  });
});
