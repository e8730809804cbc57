import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { assertNoEviction, createRedisClient, RedisClient } from './create-redis';
import { RedisKeys } from './redis-keys';
import { REDIS } from './redis.tokens';

@Global()
@Module({
  providers: [
    RedisKeys,
    {
      provide: REDIS,
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => {
        const redis = createRedisClient(config, { commandTimeoutMs: 3000, name: 'lc-cmd', autoPipelining: true });
        await assertNoEviction(redis);
        return redis;
      },
    },
  ],
  exports: [REDIS, RedisKeys],
})
export class RedisModule implements OnApplicationShutdown {
  private readonly log = new Logger(RedisModule.name);
  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}
  async onApplicationShutdown(): Promise<void> {
    try {
      await this.redis.quit();
    } catch (e) {
      this.log.warn(`redis quit: ${(e as Error).message}`);
      this.redis.disconnect();
    }
  }
}
