import { StreamableFile } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '@lc/identity';
import { sqlRows } from '@lc/contests';
import { AuditService, badRequest, conflict, forbidden, notFound } from '@lc/platform';
import { isRecord, Problems, rejectUnknownKeys } from '../../common/problems';
import { EntryFileStore } from '../files/entry-file-store';
import { JurySettingsService } from '../jury/jury-settings.service';
import { EntryAccess } from './entry-access.service';
import { type EntryAuthorView, entryView, type EntryView } from './entry-view';
import { JudgedEntry } from './judged-entry.entity';

/** Reading an entry and its file; the organiser's record of time and breaches (penalties). */
@Injectable()
export class EntriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: EntryAccess,
    private readonly files: EntryFileStore,
    private readonly jury: JurySettingsService,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor, entryId: string): Promise<EntryView> {
    const { entry, round } = await this.access.entry(actor, entryId);
    return { ...entryView(entry), author: await this.author(round.contestId, entry.userId) };
  }

  /** The author's name and unit, as the round's entry list shows them to the same readers. */
  private async author(contestId: string, userId: string): Promise<EntryAuthorView> {
    const [row] = await sqlRows<{ full_name: string; unit: string | null }>(
      this.db,
      `SELECT u.full_name, r.unit FROM "user" u LEFT JOIN registration r ON r.user_id = u.id AND r.contest_id = $1 WHERE u.id = $2`,
      [contestId, userId],
    );
    return { fullName: row?.full_name ?? '', unit: row?.unit ?? null };
  }

  async file(actor: Actor, entryId: string): Promise<StreamableFile> {
    const { entry } = await this.access.entry(actor, entryId);
    if (!entry.fileKey) throw notFound('Entry file');
    const { stream, size } = await this.files.read(entry.fileKey).catch(() => {
      throw notFound('Entry file');
    });
    const name = entry.fileName ?? 'bai-du-thi';
    const ascii =
      name
        .normalize('NFD')
        .replace(/[^\x20-\x7e]/g, '')
        .replace(/["\\]/g, '') || 'file';
    return new StreamableFile(stream, {
      type: entry.fileType ?? 'application/octet-stream',
      length: size,
      // attachment: a judge's browser saves it instead of rendering it in our origin.
      disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    });
  }

  /**
   * The organiser records how long the presentation ran (durationSeconds, or overtimeMinutes
   * past the jury's overtime limit) and the codes of fixed-penalty breaches. Audited.
   */
  async patch(actor: Actor, entryId: string, input: unknown): Promise<EntryView> {
    const ctx = await this.access.entry(actor, entryId);
    if (ctx.role !== 'organiser') throw forbidden('Only organisers record times and breaches');
    const config = await this.jury.config(ctx.round.id);
    const p = new Problems();
    const o = isRecord(input) ? input : {};
    if (!isRecord(input)) p.add('body', 'must be an object');
    rejectUnknownKeys(o, ['durationSeconds', 'overtimeMinutes', 'breaches'], '', p);
    const patch: Partial<Pick<JudgedEntry, 'durationSeconds' | 'breaches'>> = {};
    if (o.durationSeconds !== undefined && o.overtimeMinutes !== undefined) p.add('overtimeMinutes', 'give durationSeconds or overtimeMinutes, not both');
    if (o.durationSeconds !== undefined) {
      if (o.durationSeconds !== null && (!Number.isInteger(o.durationSeconds) || (o.durationSeconds as number) < 0 || (o.durationSeconds as number) > 86400))
        p.add('durationSeconds', 'must be a whole number of seconds (0-86400) or null');
      else patch.durationSeconds = o.durationSeconds as number | null;
    }
    if (o.overtimeMinutes !== undefined) {
      const limit = config?.policy.penalties.find((r) => r.kind === 'overtime');
      if (
        o.overtimeMinutes !== null &&
        (typeof o.overtimeMinutes !== 'number' || !Number.isFinite(o.overtimeMinutes) || o.overtimeMinutes < 0 || o.overtimeMinutes > 1440)
      )
        p.add('overtimeMinutes', 'must be a number of minutes (0-1440) or null');
      else if (!limit || limit.kind !== 'overtime') p.add('overtimeMinutes', 'the jury settings have no overtime penalty: give durationSeconds instead');
      else patch.durationSeconds = o.overtimeMinutes === null ? null : limit.limitSeconds + Math.round((o.overtimeMinutes as number) * 60);
    }
    if (o.breaches !== undefined) {
      const codes = new Set((config?.policy.penalties ?? []).flatMap((r) => (r.kind === 'fixed' ? [r.code] : [])));
      if (!Array.isArray(o.breaches) || o.breaches.some((b) => typeof b !== 'string')) p.add('breaches', 'must be a list of penalty codes');
      else {
        o.breaches.forEach((b: string, i) => {
          if (!codes.has(b)) p.add(`breaches[${i}]`, `"${b}" is not a fixed penalty of the jury settings`);
        });
        patch.breaches = [...new Set(o.breaches as string[])];
      }
    }
    if (p.empty && !Object.keys(patch).length) p.add('body', 'give durationSeconds, overtimeMinutes or breaches');
    p.throwIfAny('invalid_entry_facts', 'entry facts');
    if (ctx.round.status === 'published') throw conflict('results_published', 'Results are published: entries can no longer change');
    const saved = await this.db.transaction(async (m) => {
      const repo = m.getRepository(JudgedEntry);
      const before = await repo.findOne({ where: { id: entryId }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw badRequest('entry_gone', 'The entry was removed');
      await repo.update({ id: entryId }, patch);
      const after = await repo.findOneByOrFail({ id: entryId });
      await this.audit.record(
        actor,
        {
          action: 'entry.facts',
          entityType: 'judged_entry',
          entityId: entryId,
          before: { durationSeconds: before.durationSeconds, breaches: before.breaches },
          after: { durationSeconds: after.durationSeconds, breaches: after.breaches },
          organisationId: ctx.organisationId,
        },
        m,
      );
      return after;
    });
    return { ...entryView(saved), author: await this.author(ctx.round.contestId, saved.userId) };
  }
}
