import type { MultipartFile } from '@fastify/multipart';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import type { Actor } from '@lc/identity';
import { isRoundAcceptingEntries, Round, sqlRows } from '@lc/contests';
import { badRequest, ClockService, conflict, DomainError, forbidden, notFound } from '@lc/platform';
import { requireHandInKinds } from '../brief/brief-input';
import { BriefService } from '../brief/brief.service';
import { EntryFileStore, type StoredFile } from '../files/entry-file-store';
import { requireJudged } from '../jury/judged-round';
import { cleanFileName, parseEntryContent } from './entry-input';
import { entryView, type EntryView } from './entry-view';
import { JudgedEntry } from './judged-entry.entity';

/**
 * An entrant hands in their entry for a judged round: JSON { text?, link? } or multipart
 * with the file in "file" (text / link as fields before it). One entry per person; a new
 * hand-in replaces the whole entry until the round closes.
 */
@Injectable()
export class HandInService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly files: EntryFileStore,
    private readonly clock: ClockService,
    private readonly briefs: BriefService,
  ) {}

  async handIn(actor: Actor, roundId: string, req: FastifyRequest): Promise<{ created: boolean; entry: EntryView }> {
    if (actor.role !== 'resident') throw forbidden('Only entrants hand in entries');
    const round = await this.db.getRepository(Round).findOneBy({ id: roundId });
    if (!round || round.status === 'draft') throw notFound('Round');
    requireJudged(round);
    await this.requireEntrant(round, actor.id);
    this.requireOpen(round);
    const kinds = await this.briefs.handInKinds(round.id);
    if (req.isMultipart()) requireHandInKinds(kinds, { text: null, link: null, file: true }); // before reading the file

    let stored: StoredFile | null = null;
    let fileName: string | null = null;
    let fields: unknown = req.body;
    if (req.isMultipart()) {
      const part = await this.filePart(req);
      fields = multipartFields(part);
      parseEntryContent(fields, true); // refuse bad fields before storing the file
      stored = await this.files.save(part);
      fileName = cleanFileName(part.filename, stored.type.ext);
    }
    try {
      const content = parseEntryContent(fields, stored !== null);
      requireHandInKinds(kinds, { ...content, file: stored !== null });
      const { id, created, oldKey } = await this.save(round.id, actor.id, content, stored, fileName);
      if (oldKey && oldKey !== stored?.key) await this.files.remove(oldKey);
      return { created, entry: entryView(await this.db.getRepository(JudgedEntry).findOneByOrFail({ id })) };
    } catch (e) {
      await this.files.remove(stored?.key ?? null);
      throw e;
    }
  }

  async mine(actor: Actor, roundId: string): Promise<EntryView> {
    const e = await this.db.getRepository(JudgedEntry).findOneBy({ roundId, userId: actor.id });
    if (!e) throw notFound('Entry');
    return entryView(e);
  }

  private async save(roundId: string, userId: string, c: { text: string | null; link: string | null }, f: StoredFile | null, fileName: string | null) {
    return this.db.transaction(async (m) => {
      const [old] = await sqlRows<{ file_key: string | null }>(m, 'SELECT file_key FROM judged_entry WHERE round_id = $1 AND user_id = $2 FOR UPDATE', [roundId, userId]);
      const [row] = await sqlRows<{ id: string; created: boolean }>(
        m,
        `INSERT INTO judged_entry (round_id, user_id, text, link, file_key, file_name, file_type, file_size, file_sha256, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (round_id, user_id) DO UPDATE SET text = $3, link = $4, file_key = $5, file_name = $6, file_type = $7, file_size = $8,
           file_sha256 = $9, submitted_at = $10, version = judged_entry.version + 1, updated_at = now()
         RETURNING id, (xmax = 0) AS created`,
        [roundId, userId, c.text, c.link, f?.key ?? null, fileName, f?.type.mime ?? null, f?.size ?? null, f?.sha256 ?? null, this.clock.nowDate()],
      );
      return { id: row.id, created: row.created, oldKey: old?.file_key ?? null };
    });
  }

  private async requireEntrant(round: Round, userId: string): Promise<void> {
    const [who] = await sqlRows<{ registered: boolean; enrolled: boolean }>(
      this.db,
      `SELECT EXISTS (SELECT 1 FROM registration WHERE contest_id = $1 AND user_id = $3) AS registered,
              EXISTS (SELECT 1 FROM round_enrolment WHERE round_id = $2 AND user_id = $3) AS enrolled`,
      [round.contestId, round.id, userId],
    );
    if (!who.registered) throw new DomainError('not_registered', 403, 'Register for the contest before entering its rounds', { contestId: round.contestId });
    if (round.entry === 'enrolled' && !who.enrolled) throw new DomainError('not_enrolled', 403, 'Only entrants who advanced to this round may hand in an entry');
  }

  private requireOpen(round: Round): void {
    const now = this.clock.now();
    if (isRoundAcceptingEntries(round, now)) return;
    if (now < round.opensAt.getTime()) throw conflict('round_not_open', 'This round does not take entries yet', { opensAt: round.opensAt.toISOString() });
    throw conflict('entries_closed', 'The round has closed: entries can no longer be handed in or replaced', { closesAt: round.closesAt.toISOString() });
  }

  private async filePart(req: FastifyRequest): Promise<MultipartFile> {
    let part: MultipartFile | undefined;
    try {
      part = await req.file({ limits: { fileSize: this.files.maxBytes, files: 1 } });
    } catch (e) {
      throw badRequest('file_required', `The multipart body could not be read: ${(e as Error).message}`);
    }
    if (!part) throw badRequest('file_required', 'No file: send it in the multipart field "file"');
    if (part.fieldname !== 'file') throw badRequest('file_required', `The file must be sent in the field "file" (got "${part.fieldname}")`);
    return part;
  }
}

/** Multipart text fields sent before the file. */
function multipartFields(part: MultipartFile): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v && v.type === 'field' && name !== 'file') out[name] = String(v.value);
  }
  return out;
}
