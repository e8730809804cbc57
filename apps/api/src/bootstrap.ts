import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, createHttpApp } from '@lc/platform';
import { ApiModule } from './app.module';

/** The api as production runs it, not yet listening; tests call this too. */
export function createApi(config: AppConfig): Promise<NestFastifyApplication> {
  return createHttpApp(ApiModule.forRoot(config), config);
}
