import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { JudgedEntriesModule } from '@lc/judging';
import { AccountErasureService } from './account-erasure.service';
import { AccountErasureController, PersonalDataController } from './personal-data.controller';
import { PersonalDataExportService } from './personal-data-export.service';
import { RetentionBootstrap, RetentionProcessor, RETENTION_QUEUE } from './retention/retention.processor';

/**
 * GET /me/data, DELETE /me and an admin's DELETE /users/:id (api). Above every feature module, so it can ask each owner
 * for its part instead of naming their tables (identity: the account; contests,
 * attempts, judging: what the person did there; platform: the audit log).
 */
@Module({
  imports: [JudgedEntriesModule],
  controllers: [PersonalDataController, AccountErasureController],
  providers: [PersonalDataExportService, AccountErasureService],
})
export class PersonalDataModule {}

/** For the worker: the scheduled retention purge. */
@Module({ imports: [BullModule.registerQueue({ name: RETENTION_QUEUE })], providers: [RetentionProcessor, RetentionBootstrap] })
export class PersonalDataWorkerModule {}
