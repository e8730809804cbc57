import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sqlRows } from '@lc/contests';
import { AppConfig } from '@lc/platform';
import { EntryFileStore, entryFileKind } from './entry-file-store';

/** Beyond the longest an upload may take: nothing still in flight owns a file this old. */
const MARGIN_MS = 10 * 60_000;

/**
 * Removes what crashes leave in UPLOAD_DIR/entries: `.part` uploads never committed, and
 * stored files no entry names (placed, then the commit failed). Only files untouched for
 * longer than an upload may take, so a hand-in in progress never loses its file. File
 * times come from this machine's file system, so they are compared with its own clock.
 */
@Injectable()
export class EntryFileSweep {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly files: EntryFileStore,
    private readonly config: AppConfig,
  ) {}

  async sweep(): Promise<{ temporary: number; orphaned: number }> {
    const dir = this.files.folder;
    const names = await readdir(dir).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return [];
      throw e;
    });
    const before = Date.now() - this.config.uploadTimeoutMs - MARGIN_MS;
    const old: { name: string; key: string; temporary: boolean }[] = [];
    for (const name of names) {
      const kind = entryFileKind(name);
      if (!kind) continue; // not ours to judge
      const s = await stat(join(dir, name)).catch(() => null);
      if (s?.isFile() && s.mtimeMs < before) old.push({ name, ...kind });
    }
    const keys = old.filter((f) => !f.temporary).map((f) => f.key);
    const named = new Set(
      keys.length
        ? (await sqlRows<{ file_key: string }>(this.db, 'SELECT file_key FROM judged_entry WHERE file_key = ANY($1)', [keys])).map((r) => r.file_key)
        : [],
    );
    const doomed = old.filter((f) => f.temporary || !named.has(f.key));
    for (const f of doomed) await rm(join(dir, f.name), { force: true });
    return { temporary: doomed.filter((f) => f.temporary).length, orphaned: doomed.filter((f) => !f.temporary).length };
  }
}
