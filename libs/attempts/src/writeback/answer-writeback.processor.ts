import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { LuaScript, Queues, REDIS, RedisClient, RedisKeys, TurnTimer } from '@lc/platform';
import { AnswerWritebackService } from './answer-writeback.service';

/** Every 500 ms, so no answer acknowledged more than about a second ago exists in Redis alone. */
export const WRITEBACK_EVERY_MS = 500;
/** The flusher's lease: when a worker dies holding it, another takes over after this long. */
export const WRITEBACK_LEASE_MS = 3000;

/** 1: renewed (ours), 2: taken (it was free), 0: another worker holds it. */
const LEASE = new LuaScript(`
local v = redis.call('GET', KEYS[1])
if v == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if v then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 2
`);
const RELEASE = new LuaScript(`if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`);

/**
 * The write-behind's clock: a plain timer on every worker, and a lease in Redis so one of
 * them flushes at a time. It was a BullMQ job scheduler firing every 500 ms, whose job
 * bookkeeping (add, activate, complete, the next one, events) cost the worker and Redis
 * more at rest than the flushes did. A worker that takes the lease over (at start, or from
 * one that died mid-batch) first puts the batch left in flight back to be written again:
 * that is the stall recovery BullMQ gave. Writes are idempotent (rev), so an overlap only
 * costs a second write.
 */
@Injectable()
export class AnswerWritebackTimer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(AnswerWritebackTimer.name);
  private readonly token = randomUUID();
  private readonly leaseKey: string;
  private readonly timer = new TurnTimer(
    WRITEBACK_EVERY_MS,
    () => this.tick(),
    (e) => this.log.warn(`write-behind turn failed: ${e.message}`),
  );
  /** A turn failed part-way: its batch may sit in flight, with Redis refusing to put it back then. */
  private unsettled = false;

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    keys: RedisKeys,
    private readonly writeback: AnswerWritebackService,
    @InjectQueue(Queues.answerWriteback) private readonly queue: Queue,
  ) {
    this.leaseKey = keys.key('answers', 'flusher');
  }

  async onApplicationBootstrap(): Promise<void> {
    // Deployments from before keep the old scheduler in Redis: nothing processes its jobs any more.
    await this.queue.removeJobScheduler('answer-flush').catch((e: Error) => this.log.warn(`old write-behind scheduler not removed: ${e.message}`));
    this.timer.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.timer.stop();
    await RELEASE.run(this.redis, [this.leaseKey], [this.token]).catch(() => undefined);
  }

  /** One turn: renew or take the lease, then flush. Returns the answers written (null: another worker flushes). */
  async tick(): Promise<number | null> {
    try {
      const lease = await LEASE.run<number>(this.redis, [this.leaseKey], [this.token, WRITEBACK_LEASE_MS]);
      if (lease === 0) return null;
      // Taking the lease over, or after a failed turn (Redis out of memory refuses to put a batch
      // back into the dirty set), whatever is in flight is queued again before anything new.
      if (lease === 2 || this.unsettled) {
        await this.writeback.recoverInflight();
        this.unsettled = false;
      }
      return await this.writeback.flush();
    } catch (e) {
      // Redis or PostgreSQL away: the next turn puts the batch back and tries again.
      this.unsettled = true;
      this.log.warn(`write-behind failed: ${(e as Error).message}`);
      return 0;
    }
  }
}
