import type { MultipartFile } from '@fastify/multipart';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import type { Actor } from '@lc/identity';
import { isRoundAcceptingEntries, refuseNonEntrant, Round } from '@lc/contests';
import { AppConfig, badRequest, ClockService, conflict, forbidden, notFound, watchUpload } from '@lc/platform';
import { requireHandInKinds } from '../brief/brief-input';
import { BriefService } from '../brief/brief.service';
import { EntryFileStore, type StoredFile } from '../files/entry-file-store';
import { requireJudged } from '../jury/judged-round';
import { cleanFileName, type EntryContent, MAX_ENTRY_FIELD_BYTES, multipartFields, parseEntryContent } from './entry-input';
import { entryView, type EntryView } from './entry-view';
import { sharedRoundWindow } from '../round-locks';
import { entrantAnswer, isMarked, lockedEntry, lockHandIn, upsertEntry } from './hand-in-store';
import { JudgedEntry } from './judged-entry.entity';

/**
 * An entrant hands in their entry for a judged round: JSON { text?, link? } or multipart
 * with the file in "file" (text / link as fields before it). One entry per person; a new
 * hand-in replaces the whole entry until the round closes, and until a judge marks it.
 * The deadline is checked when the request starts (no wasted upload) and again in the
 * transaction that commits the hand-in, so an upload finishing late is refused.
 */
@Injectable()
export class HandInService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly files: EntryFileStore,
    private readonly clock: ClockService,
    private readonly config: AppConfig,
    private readonly briefs: BriefService,
  ) {}

  async handIn(actor: Actor, roundId: string, req: FastifyRequest): Promise<{ created: boolean; entry: EntryView }> {
    if (actor.role !== 'resident') throw forbidden('Only entrants hand in entries');
    const round = await this.db.getRepository(Round).findOneBy({ id: roundId });
    if (!round || round.status === 'draft') throw notFound('Round');
    requireJudged(round);
    await this.requireEntrant(round, actor.id);
    requireTakingEntries(round, this.clock.now());
    const kinds = await this.briefs.handInKinds(round.id);
    if (req.isMultipart()) requireHandInKinds(kinds, { text: null, link: null, file: true }); // before reading the file

    const upload = req.isMultipart() ? await this.receive(req) : null;
    try {
      const content = parseEntryContent(upload ? upload.fields : req.body, upload !== null);
      requireHandInKinds(kinds, { ...content, file: upload !== null });
      const { id, created, oldKey } = await this.commit(round.id, actor.id, content, upload);
      if (oldKey && oldKey !== upload?.stored.key) await this.files.remove(oldKey);
      return { created, entry: entryView(await this.db.getRepository(JudgedEntry).findOneByOrFail({ id })) };
    } catch (e) {
      await this.files.discard(upload?.stored.key ?? null);
      throw e;
    }
  }

  async mine(actor: Actor, roundId: string): Promise<EntryView> {
    const e = await this.db.getRepository(JudgedEntry).findOneBy({ roundId, userId: actor.id });
    if (!e) throw notFound('Entry');
    return entryView(e);
  }

  /** The fields and the file of a multipart hand-in, the file received as `<key>.part`; a stalled upload is cut off (408). */
  private async receive(req: FastifyRequest): Promise<Upload> {
    const watch = watchUpload(req.raw, { idleMs: this.config.uploadIdleTimeoutMs, totalMs: this.config.uploadTimeoutMs });
    try {
      const part = await watch.guard(this.filePart(req));
      const fields = multipartFields(part);
      parseEntryContent(fields, true); // refuse bad fields before storing the file
      const stored = await this.files.receive(part, watch.signal);
      return { fields, stored, fileName: cleanFileName(part.filename, stored.type.ext) };
    } finally {
      watch.stop();
    }
  }

  /**
   * One transaction: the deadline and the marks are checked as it commits, and the file is
   * renamed into place just before, so an entry never names a missing file and a refused
   * upload leaves none behind.
   */
  private async commit(roundId: string, userId: string, c: EntryContent, upload: Upload | null) {
    return this.db.transaction(async (m) => {
      await lockHandIn(m, roundId, userId);
      // Shared with marks; a close (status update) waits for us or we see it.
      const r = await sharedRoundWindow(m, roundId);
      if (!r) throw notFound('Round');
      requireTakingEntries({ status: r.status, opensAt: r.opens_at, closesAt: r.closes_at }, this.clock.now());
      const old = await lockedEntry(m, roundId, userId);
      // Asked after the row lock, in a statement of its own, so a mark committed while we waited is seen.
      if (old && (await isMarked(m, old.id))) throw conflict('entry_marked', 'A judge has already marked this entry: it can no longer be replaced');
      const f = upload?.stored ?? null;
      const row = await upsertEntry(m, roundId, userId, {
        text: c.text,
        link: c.link,
        file: f && { key: f.key, name: upload?.fileName ?? null, mime: f.type.mime, size: f.size, sha256: f.sha256 },
        at: this.clock.nowDate(),
      });
      if (f) await this.files.place(f.key);
      return { id: row.id, created: row.created, oldKey: old?.file_key ?? null };
    });
  }

  private async requireEntrant(round: Round, userId: string): Promise<void> {
    refuseNonEntrant(round, await entrantAnswer(this.db, round, userId), 'hand in an entry');
  }

  private async filePart(req: FastifyRequest): Promise<MultipartFile> {
    let part: MultipartFile | undefined;
    try {
      part = await req.file({ limits: { fileSize: this.files.maxBytes, files: 1, fieldSize: MAX_ENTRY_FIELD_BYTES } });
    } catch (e) {
      throw badRequest('file_required', `The multipart body could not be read: ${(e as Error).message}`);
    }
    if (!part) throw badRequest('file_required', 'No file: send it in the multipart field "file"');
    if (part.fieldname !== 'file') throw badRequest('file_required', `The file must be sent in the field "file" (got "${part.fieldname}")`);
    return part;
  }
}

interface Upload {
  fields: Record<string, string>;
  stored: StoredFile;
  fileName: string;
}

function requireTakingEntries(round: Pick<Round, 'status' | 'opensAt' | 'closesAt'>, now: number): void {
  if (isRoundAcceptingEntries(round, now)) return;
  if (now < round.opensAt.getTime()) throw conflict('round_not_open', 'This round does not take entries yet', { opensAt: round.opensAt.toISOString() });
  throw conflict('entries_closed', 'The round has closed: entries can no longer be handed in or replaced', { closesAt: round.closesAt.toISOString() });
}
