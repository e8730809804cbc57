import { DynamicModule, Module } from '@nestjs/common';
import { IdentityModule } from '@lc/identity';
import { AppConfig, HealthModule, MetricsController, PlatformModule } from '@lc/platform';
import { ALL_ENTITIES } from './entities';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [PlatformModule.forRoot(config, ALL_ENTITIES), HealthModule, IdentityModule],
      controllers: [MetricsController],
    };
  }
}
