import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit, PinoNestLogger } from '@lc/platform';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(PinoNestLogger));
  app.enableShutdownHooks();
  process.stdout.write('worker started\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`worker failed to start: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
