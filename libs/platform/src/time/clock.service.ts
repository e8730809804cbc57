import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { RedisClient } from '../redis/create-redis';
import { REDIS } from '../redis/redis.tokens';
import { CLOCK_READINGS_KEPT, ClockReading, offsetFrom } from './clock-offset';

/**
 * One time source for the whole cluster: Redis's clock. Each process keeps its offset
 * from Redis TIME, so an instance whose own clock is wrong still decides deadlines
 * the same way as the others. Scripts that enforce deadlines read TIME inside Redis.
 */
@Injectable()
export class ClockService implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger(ClockService.name);
  private offsetMs = 0;
  private readonly readings: ClockReading[] = [];
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

  /**
   * Redis's clock itself, one round trip: for a moment other instances' scripts compare their
   * TIME with (a round's close), which an estimate could put a few milliseconds in the future.
   */
  async exactNow(): Promise<number> {
    try {
      return await this.redisMs();
    } catch {
      return this.now();
    }
  }

  async sync(): Promise<void> {
    try {
      // Three readings back to back: at least one is usually quick, even in a surge.
      for (let i = 0; i < 3; i++) {
        const before = Date.now();
        const redisMs = await this.redisMs();
        this.readings.push({ before, redisMs, after: Date.now() });
      }
      this.readings.splice(0, Math.max(0, this.readings.length - CLOCK_READINGS_KEPT));
      this.offsetMs = offsetFrom(this.readings);
    } catch (e) {
      this.log.warn(`clock sync failed, keeping offset ${this.offsetMs} ms: ${(e as Error).message}`);
    }
  }

  private async redisMs(): Promise<number> {
    const [sec, usec] = await this.redis.time();
    return Number(sec) * 1000 + Math.floor(Number(usec) / 1000);
  }
}
