import { DynamicModule, Module } from '@nestjs/common';
import { AttemptsWorkerModule } from '@lc/attempts';
import { ContestsWorkerModule } from '@lc/contests';
import { IdentityCoreModule } from '@lc/identity';
import { JudgingWorkerModule } from '@lc/judging';
import { PersonalDataWorkerModule } from '@lc/personal-data';
import { AppConfig, PlatformModule } from '@lc/platform';
import { ALL_ENTITIES } from '@lc/entities';

/** Queue processors only: no HTTP. Feature modules add their processors here. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(config, ALL_ENTITIES),
        IdentityCoreModule,
        PersonalDataWorkerModule,
        ContestsWorkerModule,
        AttemptsWorkerModule,
        JudgingWorkerModule,
      ],
    };
  }
}
