import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { createRedisClient, quitRedis, RedisClient } from '../redis/create-redis';
import { Queues } from './queue-names';
import { QueueMetricsService } from './queue-metrics.service';

const ALL_QUEUES = Object.values(Queues).map((name) => ({ name }));

/**
 * BullMQ keeps a queue's keys together with a {hash tag} in its prefix on Redis Cluster (its
 * scripts touch several keys of a queue at once). One tag for all our queues: they carry little
 * (timers, expiries, exports), and one tag keeps a queue and the jobs it hands over in one slot.
 * On a single server the prefix stays `<prefix>:bull`, so nothing queued before is orphaned.
 */
export function bullPrefix(config: Pick<AppConfig, 'redisPrefix' | 'redisClusterNodes'>): string {
  return config.redisClusterNodes ? `{${config.redisPrefix}:bull}` : `${config.redisPrefix}:bull`;
}

/** The cluster client BullMQ shares (Queue and Worker duplicate it for blocking reads), per app; null on a single server. */
const BULL_CLUSTER_CLIENT = Symbol('BULL_CLUSTER_CLIENT');

@Injectable()
class BullClusterClientCloser implements OnApplicationShutdown {
  constructor(@Inject(BULL_CLUSTER_CLIENT) private readonly client: RedisClient | null) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.client) await quitRedis(this.client);
  }
}

@Module({
  providers: [
    {
      provide: BULL_CLUSTER_CLIENT,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => (config.redisClusterNodes ? createRedisClient(config, { name: 'lc-bull', maxRetriesPerRequest: null }) : null),
    },
    BullClusterClientCloser,
  ],
  exports: [BULL_CLUSTER_CLIENT],
})
class BullClusterClientModule {}

@Module({})
export class QueuesModule {
  static forRoot(): DynamicModule {
    return {
      module: QueuesModule,
      global: true,
      imports: [
        BullModule.forRootAsync({
          imports: [BullClusterClientModule],
          inject: [AppConfig, BULL_CLUSTER_CLIENT],
          useFactory: (config: AppConfig, clusterClient: RedisClient | null) => {
            const defaultJobOptions = { removeOnComplete: 1000, removeOnFail: 5000, attempts: 5, backoff: { type: 'exponential', delay: 1000 } };
            if (clusterClient) return { prefix: bullPrefix(config), connection: clusterClient, defaultJobOptions };
            const u = new URL(config.redisUrl);
            return {
              prefix: bullPrefix(config),
              connection: {
                host: u.hostname,
                port: Number(u.port || 6379),
                username: u.username || undefined,
                password: u.password ? decodeURIComponent(u.password) : undefined,
                db: Number(u.pathname.slice(1) || 0),
                tls: u.protocol === 'rediss:' ? {} : undefined,
                maxRetriesPerRequest: null,
              },
              defaultJobOptions,
            };
          },
        }),
        BullModule.registerQueue(...ALL_QUEUES),
      ],
      providers: [QueueMetricsService],
      exports: [BullModule],
    };
  }
}
