import 'reflect-metadata';
import { loadConfigOrExit } from '@lc/platform';
import { createApi } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApi(config);
  await app.listen({ port: config.port, host: config.host });
  process.stdout.write(`api listening on http://${config.host}:${config.port} (docs: /docs)\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`api failed to start: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
