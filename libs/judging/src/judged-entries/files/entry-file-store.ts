import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import { Injectable } from '@nestjs/common';
import { AppConfig, badRequest, DomainError } from '@lc/platform';
import { sniffFile, type SniffedType } from './sniff';
import { zipMembers } from './zip-directory';

export interface StoredFile {
  key: string;
  size: number;
  sha256: string;
  type: SniffedType;
}

const KEY = /^[a-f0-9]{32}$/;

/** A name in the entries folder: a stored file (`<key>`), an upload not yet committed (`<key>.part`), or something else. */
export function entryFileKind(name: string): { key: string; temporary: boolean } | null {
  const m = /^([a-f0-9]{32})(\.part)?$/.exec(name);
  return m ? { key: m[1], temporary: m[2] !== undefined } : null;
}

/**
 * Entry files on disk under UPLOAD_DIR/entries, named by 128 random bits. The entrant's
 * file name is never part of a path: it is kept (cleaned) in the database for display.
 * An upload streams to `<key>.part` and is checked by its bytes (`receive`); the hand-in's
 * transaction renames it into place (`place`) just before it commits. Whatever a crash
 * leaves behind is removed by EntryFileSweep.
 */
@Injectable()
export class EntryFileStore {
  private readonly dir: string;

  constructor(private readonly config: AppConfig) {
    this.dir = join(config.uploadDir, 'entries');
  }

  get maxBytes(): number {
    return this.config.entryMaxBytes;
  }

  /** The folder, for the sweep. */
  get folder(): string {
    return this.dir;
  }

  /** Streams the upload to `<key>.part` and checks it; `signal` (the upload's watch) cuts it off. */
  async receive(part: MultipartFile, signal?: AbortSignal): Promise<StoredFile> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const key = randomBytes(16).toString('hex');
    const partial = join(this.dir, `${key}.part`);
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        if (head.length < 64) head = Buffer.concat([head, chunk.subarray(0, 64 - head.length)]);
        done(null, chunk);
      },
    });
    try {
      const out = await open(partial, 'wx', 0o600);
      try {
        await pipeline(part.file, tap, out.createWriteStream(), { signal });
      } finally {
        await out.close().catch(() => undefined);
      }
      if (part.file.truncated) throw this.tooLarge();
      if (size === 0) throw badRequest('file_empty', 'The file is empty');
      const type = await this.sniff(partial, head, size);
      return { key, size, sha256: hash.digest('hex'), type };
    } catch (e) {
      await rm(partial, { force: true });
      if (signal?.aborted) throw signal.reason;
      if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw this.tooLarge();
      if (e instanceof DomainError) throw e;
      throw badRequest('upload_failed', `The upload could not be read: ${(e as Error).message}`);
    }
  }

  async read(key: string): Promise<{ stream: ReadStream; size: number }> {
    const path = this.path(key);
    const s = await stat(path);
    return { stream: createReadStream(path), size: s.size };
  }

  /** Moves a received upload into place: from here on an entry may name it. */
  async place(key: string): Promise<void> {
    await rename(`${this.path(key)}.part`, this.path(key));
  }

  /** Best effort: a file left behind by a crash costs disk, never correctness (the sweep finds it). */
  async remove(key: string | null): Promise<void> {
    if (key) await rm(this.path(key), { force: true }).catch(() => undefined);
  }

  /** A refused upload, wherever it got to: received, or already placed. */
  async discard(key: string | null): Promise<void> {
    if (!key) return;
    await this.remove(key);
    await rm(`${this.path(key)}.part`, { force: true }).catch(() => undefined);
  }

  private path(key: string): string {
    if (!KEY.test(key)) throw new Error('bad entry file key');
    return join(this.dir, key);
  }

  private async sniff(path: string, head: Buffer, size: number): Promise<SniffedType> {
    const fh = await open(path, 'r');
    try {
      const isZip = head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
      const members = isZip ? await zipMembers(fh, size).catch(() => null) : null;
      const r = sniffFile(head, () => members);
      if (!r.ok) throw new DomainError('unsupported_file_type', 415, `This file cannot be handed in: ${r.reason}`);
      return r.type;
    } finally {
      await fh.close();
    }
  }

  private tooLarge(): DomainError {
    const mb = (this.config.entryMaxBytes / 1024 / 1024).toFixed(1);
    return new DomainError('file_too_large', 413, `The file is larger than the limit of ${mb} MB`, { maxBytes: this.config.entryMaxBytes });
  }
}
