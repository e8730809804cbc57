import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module, OnApplicationShutdown } from '@nestjs/common';
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

/** The cluster client BullMQ shares (Queue and Worker duplicate it for blocking reads); closed at shutdown. */
const sharedClusterClients: RedisClient[] = [];

@Module({})
export class QueuesModule implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(sharedClusterClients.splice(0).map((c) => quitRedis(c)));
  }

  static forRoot(): DynamicModule {
    return {
      module: QueuesModule,
      global: true,
      imports: [
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => {
            const defaultJobOptions = { removeOnComplete: 1000, removeOnFail: 5000, attempts: 5, backoff: { type: 'exponential', delay: 1000 } };
            if (config.redisClusterNodes) {
              const connection = createRedisClient(config, { name: 'lc-bull', maxRetriesPerRequest: null });
              sharedClusterClients.push(connection);
              return { prefix: bullPrefix(config), connection, defaultJobOptions };
            }
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
