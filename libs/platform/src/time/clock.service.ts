import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { RedisClient } from '../redis/create-redis';
import { REDIS } from '../redis/redis.tokens';

/**
 * One time source for the whole cluster: Redis's clock. Each process keeps its offset
 * from Redis TIME, so an instance whose own clock is wrong still decides deadlines
 * the same way as the others. Scripts that enforce deadlines read TIME inside Redis.
 */
@Injectable()
export class ClockService implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger(ClockService.name);
  private offsetMs = 0;
  private timer?: NodeJS.Timeout;

  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  async onModuleInit(): Promise<void> {
    await this.sync();
    this.timer = setInterval(() => void this.sync().catch(() => undefined), 5000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Milliseconds since epoch on the cluster's clock. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  nowDate(): Date {
    return new Date(this.now());
  }

  async sync(): Promise<void> {
    try {
      const before = Date.now();
      const [sec, usec] = await this.redis.time();
      const after = Date.now();
      const redisMs = Number(sec) * 1000 + Math.floor(Number(usec) / 1000);
      this.offsetMs = redisMs - Math.round((before + after) / 2);
    } catch (e) {
      this.log.warn(`clock sync failed, keeping offset ${this.offsetMs} ms: ${(e as Error).message}`);
    }
  }
}
