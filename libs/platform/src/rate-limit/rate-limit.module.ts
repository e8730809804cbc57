import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Global, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { Cluster } from 'ioredis';
import { createRedisClient } from '../redis/create-redis';
import { accountTracker, userTracker } from './trackers';

/** Given a client (a cluster's), the library leaves it open at shutdown: this one closes it. */
class OwnedThrottlerStorage extends ThrottlerStorageRedisService {
  override onModuleDestroy(): void {
    this.redis.disconnect();
  }
}

/**
 * Redis-backed limits shared by every api instance. No throttler guard is global: routes
 * opt in with @UseGuards(ThrottlerGuard) and name the limits they need (@SkipThrottle the rest).
 *  - ip: per client IP
 *  - account: per login name given in the body (brute force on one account from many IPs)
 *  - user: per signed-in user
 */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [
          { name: 'ip', ttl: 60_000, limit: config.authIpRateLimitPerMinute },
          { name: 'account', ttl: 60_000, limit: config.authRateLimitPerMinute, getTracker: accountTracker },
          { name: 'user', ttl: 60_000, limit: 600, getTracker: userTracker },
        ],
        // Given a URL, the storage owns its connection and closes it on shutdown. Its keys carry
        // a {hash tag} per counter, so its script stays in one slot on a cluster.
        storage: config.redisClusterNodes
          ? new OwnedThrottlerStorage(
              createRedisClient(config, {
                name: 'lc-throttle',
                commandTimeoutMs: 3000,
                keyPrefix: `${config.redisPrefix}:throttle:`,
                autoPipelining: true,
              }) as Cluster,
            )
          : new ThrottlerStorageRedisService(config.redisUrl, {
              commandTimeout: 3000,
              maxRetriesPerRequest: 2,
              connectionName: 'lc-throttle',
              // One write for the counters of every request in the same turn (issue 18).
              enableAutoPipelining: true,
              keyPrefix: `${config.redisPrefix}:throttle:`,
            }),
        errorMessage: 'Too many requests, try again later',
      }),
    }),
  ],
  exports: [ThrottlerModule],
})
export class RateLimitModule {}
