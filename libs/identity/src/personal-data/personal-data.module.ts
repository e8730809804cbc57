import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { RetentionBootstrap, RetentionProcessor, RETENTION_QUEUE } from './retention.processor';

/** For the worker: the scheduled retention purge (IdentityCoreModule supplies the rest). */
@Module({ imports: [BullModule.registerQueue({ name: RETENTION_QUEUE })], providers: [RetentionProcessor, RetentionBootstrap] })
export class PersonalDataWorkerModule {}
