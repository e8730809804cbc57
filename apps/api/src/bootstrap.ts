import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { LiveIoAdapter } from '@lc/realtime';
import { AppConfig, createHttpApp } from '@lc/platform';
import { ApiModule } from './app.module';
import { API_OPENAPI } from './openapi/openapi-document';

/** The api as production runs it, not yet listening; tests call this too. */
export async function createApi(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await createHttpApp(ApiModule.forRoot(config), config, API_OPENAPI);
  // Socket.IO (/live) across instances through Redis; must be set before the app initialises.
  const io = new LiveIoAdapter(app, config);
  await io.connect();
  app.useWebSocketAdapter(io);
  return app;
}
