import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { Queues } from './queue-names';
import { QueueMetricsService } from './queue-metrics.service';

const ALL_QUEUES = Object.values(Queues).map((name) => ({ name }));

@Module({})
export class QueuesModule {
  static forRoot(): DynamicModule {
    return {
      module: QueuesModule,
      global: true,
      imports: [
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => {
            const u = new URL(config.redisUrl);
            return {
              prefix: `${config.redisPrefix}:bull`,
              connection: {
                host: u.hostname,
                port: Number(u.port || 6379),
                username: u.username || undefined,
                password: u.password ? decodeURIComponent(u.password) : undefined,
                db: Number(u.pathname.slice(1) || 0),
                tls: u.protocol === 'rediss:' ? {} : undefined,
                maxRetriesPerRequest: null,
              },
              defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000, attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
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
