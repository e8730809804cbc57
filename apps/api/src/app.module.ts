import { DynamicModule, Module } from '@nestjs/common';
import { AttemptsModule } from '@lc/attempts';
import { ContestsModule } from '@lc/contests';
import { IdentityModule } from '@lc/identity';
import { JudgingModule } from '@lc/judging';
import { LeaderboardApiModule } from '@lc/leaderboard';
import { LiveFinalsModule } from '@lc/live-finals';
import { PersonalDataModule } from '@lc/personal-data';
import { AppConfig, HealthModule, MetricsController, PlatformModule } from '@lc/platform';
import { QuestionBankModule } from '@lc/question-bank';
import { StatisticsModule } from '@lc/statistics';
import { ALL_ENTITIES } from '@lc/entities';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(config, ALL_ENTITIES),
        HealthModule,
        IdentityModule,
        LeaderboardApiModule,
        QuestionBankModule,
        ContestsModule,
        AttemptsModule,
        JudgingModule,
        LiveFinalsModule,
        StatisticsModule,
        PersonalDataModule,
      ],
      controllers: [MetricsController],
    };
  }
}
