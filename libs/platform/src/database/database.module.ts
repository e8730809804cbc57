import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { AfterCommit } from './after-commit';
import { dataSourceOptions } from './data-source-options';
import { ReadReplica } from './read-replica';

@Module({})
export class DatabaseModule {
  static forRoot(entities: NonNullable<DataSourceOptions['entities']>): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(config.databaseUrl, entities, config.databasePoolSize),
            retryAttempts: 3,
            retryDelay: 1000,
          }),
        }),
      ],
      providers: [AfterCommit, ReadReplica],
      exports: [AfterCommit, ReadReplica],
    };
  }
}
