import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { exportAttempts } from '@lc/attempts';
import { exportRegistrations } from '@lc/contests';
import { type Actor, AccountPersonalData } from '@lc/identity';
import { exportResults, JudgedEntryPersonalData } from '@lc/judging';
import { auditEntriesAbout } from '@lc/platform';
import type { PersonalDataExport } from './personal-data-export';

/** The caller's data export, gathered from each owning module; each list is bounded by what one person can create. */
@Injectable()
export class PersonalDataExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly account: AccountPersonalData,
    private readonly judgedEntries: JudgedEntryPersonalData,
  ) {}

  async export(actor: Actor): Promise<PersonalDataExport> {
    const q = this.db.manager;
    const { profile, consents } = await this.account.export(actor.id);
    const [registrations, attempts, judgedEntries, results] = await Promise.all([
      exportRegistrations(q, actor.id),
      exportAttempts(q, actor.id),
      this.judgedEntries.export(q, actor.id),
      exportResults(q, actor.id),
    ]);
    // The audit log does not know whose an attempt is: the attempts just read say.
    const auditEntries = await auditEntriesAbout(
      q,
      actor.id,
      attempts.map((a) => a.id),
    );
    return { exportedAt: new Date().toISOString(), profile, consents, registrations, attempts, judgedEntries, results, auditEntries };
  }
}
