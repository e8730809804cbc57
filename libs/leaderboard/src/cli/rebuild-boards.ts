import 'reflect-metadata';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IdentityCoreModule } from '@lc/identity';
import { AppConfig, loadConfigOrExit, PlatformModule } from '@lc/platform';
// An entry point like the worker: it shares the platform's entity list.
import { ALL_ENTITIES } from '@lc/entities';
import { LeaderboardModule } from '../leaderboard.module';
import { LeaderboardService } from '../leaderboard.service';

@Module({})
class RebuildModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: RebuildModule, imports: [PlatformModule.forRoot(config, ALL_ENTITIES), IdentityCoreModule, LeaderboardModule] };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `npm run leaderboard:rebuild [-- <roundId>…]`: rebuilds every open, closed and published
 * round's board (or the rounds named) from PostgreSQL, e.g. after Redis lost its data.
 * Safe while the api runs: each board is swapped in atomically.
 */
async function main(): Promise<void> {
  const ids = process.argv.slice(2);
  const bad = ids.filter((id) => !UUID.test(id));
  if (bad.length) {
    process.stderr.write(`not round ids: ${bad.join(', ')}\nusage: npm run leaderboard:rebuild [-- <roundId>…]\n`);
    process.exit(64);
  }
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(RebuildModule.forRoot(config), { logger: ['error', 'warn'] });
  const started = Date.now();
  try {
    const boards = app.get(LeaderboardService);
    const report = (id: string, n: number) => process.stdout.write(`round ${id}: ${n} entries\n`);
    let rounds = ids.length;
    let entries = 0;
    if (ids.length) {
      for (const id of ids) {
        const r = await boards.rebuild(id);
        report(id, r.entries);
        entries += r.entries;
      }
    } else {
      ({ rounds, entries } = await boards.rebuildAll(report));
    }
    process.stdout.write(`rebuilt ${rounds} board(s), ${entries} entries, in ${Date.now() - started} ms\n`);
  } finally {
    await app.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`leaderboard rebuild failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
