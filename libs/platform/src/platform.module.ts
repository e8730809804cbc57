import { DynamicModule, Module } from '@nestjs/common';
import { DataSourceOptions } from 'typeorm';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { AuditModule } from './audit/audit.module';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from './events/events.module';
import { LoggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';
import { QueuesModule } from './queues/queues.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { RedisModule } from './redis/redis.module';
import { TimeModule } from './time/time.module';

/** The plumbing every app needs: config, logs, PostgreSQL, Redis, queues, clock, metrics, audit, the event bus. */
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, entities: NonNullable<DataSourceOptions['entities']>): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule.forRoot(entities),
        RedisModule,
        QueuesModule.forRoot(),
        TimeModule,
        MetricsModule,
        AuditModule,
        EventsModule,
        RateLimitModule,
      ],
    };
  }
}
