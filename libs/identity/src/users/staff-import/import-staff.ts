import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  AuditService,
  badRequest,
  conflict,
  FileRefusedError,
  foldedSql,
  foldVietnamese,
  isUniqueViolation,
  readSheetRows,
  type SheetFormat,
} from '@lc/platform';
import type { Actor } from '../../auth/actor';
import { hashPassword } from '../../auth/passwords';
import { StaffImportReport } from '../../dto/staff-import.dto';
import { Organisation } from '../../organisations/organisation.entity';
import { PiiService } from '../../pii/pii.service';
import { temporaryPassword } from '../temporary-password';
import { User } from '../user.entity';
import { duplicateRows, readStaffHeader, RowProblem, rowToStaff, StaffHeader, StaffRowInput } from './staff-rows';

/** A province's staff fit many times over; each account costs an argon2 hash (~50 ms). */
export const MAX_STAFF_ROWS = 300;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Creates staff accounts from a spreadsheet, all or nothing: every row is checked (fields,
 * repeats within the file, organisations, accounts that already exist) before anything is
 * written, and a file with any problem creates nobody (400 import_invalid lists them all).
 * Each account gets a generated password, returned once in the report.
 */
@Injectable()
export class ImportStaff {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly pii: PiiService,
    private readonly audit: AuditService,
  ) {}

  async execute(actor: Actor, format: SheetFormat, file: Buffer, dryRun: boolean): Promise<StaffImportReport> {
    const { rows, problems, warnings } = await this.read(format, file);
    const organisations = await this.organisations(rows, problems);
    await this.existing(rows, problems);
    if (problems.length) {
      problems.sort((a, b) => a.row - b.row);
      throw badRequest('import_invalid', `The file has ${problems.length} problem${problems.length > 1 ? 's' : ''}; no account was created`, {
        created: [],
        errors: problems,
        warnings,
        dryRun,
      });
    }
    const planned = rows.map((r) => ({
      ...r,
      organisationId: r.organisation ? organisations.get(r.organisation)!.id : null,
      organisationName: r.organisation ? organisations.get(r.organisation)!.name : null,
    }));
    if (dryRun)
      return {
        created: planned.map((r) => ({
          row: r.row,
          id: null,
          fullName: r.fullName,
          email: r.email,
          role: r.role,
          organisationName: r.organisationName,
          temporaryPassword: null,
        })),
        errors: [],
        warnings,
        dryRun,
      };
    const passwords = planned.map(() => temporaryPassword());
    const hashes = await hashAll(passwords);
    try {
      const ids = await this.db.transaction(async (m) => {
        const users = planned.map((r, i) => {
          const phone = r.phone ? this.pii.seal('phone', r.phone) : null;
          return m.getRepository(User).create({
            fullName: r.fullName,
            email: r.email,
            phoneHash: phone?.hash ?? null,
            phoneEncrypted: phone?.encrypted ?? null,
            phoneMasked: phone?.masked ?? null,
            passwordHash: hashes[i],
            role: r.role,
            organisationId: r.organisationId,
          });
        });
        await m.getRepository(User).insert(users);
        for (const u of users)
          await this.audit.record(
            actor,
            {
              action: 'user.create',
              entityType: 'user',
              entityId: u.id,
              after: { role: u.role, organisationId: u.organisationId, email: u.email, via: 'import' },
            },
            m,
          );
        return users.map((u) => u.id);
      });
      return {
        created: planned.map((r, i) => ({
          row: r.row,
          id: ids[i],
          fullName: r.fullName,
          email: r.email,
          role: r.role,
          organisationName: r.organisationName,
          temporaryPassword: passwords[i],
        })),
        errors: [],
        warnings,
        dryRun,
      };
    } catch (e) {
      // Someone created one of these accounts between the check and the insert.
      if (isUniqueViolation(e, 'uq_user_email')) throw conflict('email_taken', 'An account with one of these e-mails was just created; import the file again');
      if (isUniqueViolation(e, 'uq_user_phone_hash'))
        throw conflict('phone_taken', 'An account with one of these phone numbers was just created; import the file again');
      throw e;
    }
  }

  private async read(format: SheetFormat, file: Buffer): Promise<{ rows: StaffRowInput[]; problems: RowProblem[]; warnings: string[] }> {
    const rows: StaffRowInput[] = [];
    const problems: RowProblem[] = [];
    const warnings: string[] = [];
    let header: StaffHeader | null = null;
    try {
      for await (const { row, cells } of readSheetRows(format, file, { maxRows: MAX_STAFF_ROWS, rowNoun: 'accounts' })) {
        if (!header) {
          header = readStaffHeader(cells);
          if (header.ignored.length) warnings.push(`columns not in the template were ignored: ${header.ignored.join(', ')}`);
          continue;
        }
        const r = rowToStaff(header, cells, row);
        if ('input' in r) rows.push(r.input);
        else problems.push(...r.problems);
      }
    } catch (e) {
      if (e instanceof FileRefusedError) throw badRequest('import_file_refused', e.message, e.details);
      throw e;
    }
    if (!header) throw badRequest('import_file_refused', 'The file is empty');
    if (!rows.length && !problems.length) throw badRequest('import_file_refused', 'The file has a header but no accounts');
    problems.push(...duplicateRows(rows));
    return { rows, problems, warnings };
  }

  /** Each row's organisation, by code (id) or by exact name (case aside); unknown and ambiguous names are problems. */
  private async organisations(rows: StaffRowInput[], problems: RowProblem[]): Promise<Map<string, Organisation>> {
    const named = [...new Set(rows.map((r) => r.organisation).filter((o): o is string => !!o))];
    const ids = named.filter((n) => UUID.test(n));
    const found: Organisation[] = named.length
      ? await this.db
          .getRepository(Organisation)
          .createQueryBuilder('o')
          // Folded candidates (lower() alone depends on the database's locale), narrowed below to names equal but for case.
          .where(`${foldedSql('o.name')} IN (:...names)`, { names: named.map((n) => foldVietnamese(n)) })
          .orWhere(ids.length ? 'o.id IN (:...ids)' : 'false', { ids })
          .getMany()
      : [];
    const byKey = new Map<string, Organisation>();
    for (const key of named) {
      const matches = found.filter((o) => o.id === key.toLowerCase() || o.name.toLowerCase() === key.toLowerCase());
      const rowsOf = rows.filter((r) => r.organisation === key);
      if (matches.length === 1) byKey.set(key, matches[0]);
      else
        for (const r of rowsOf)
          problems.push({
            row: r.row,
            field: 'organisation',
            reason: matches.length ? `several organisations are named "${key}": use the code instead` : `no organisation "${key}"`,
          });
    }
    return byKey;
  }

  private async existing(rows: StaffRowInput[], problems: RowProblem[]): Promise<void> {
    const emails = rows.map((r) => r.email);
    const phoneHashes = new Map(rows.filter((r) => r.phone).map((r) => [this.pii.hash('phone', r.phone!), r.row]));
    const taken = await this.db
      .getRepository(User)
      .find({ where: [{ email: In(emails) }, { phoneHash: In([...phoneHashes.keys()]) }], select: { id: true, email: true, phoneHash: true } });
    for (const u of taken) {
      const byEmail = rows.find((r) => r.email === u.email);
      if (byEmail) problems.push({ row: byEmail.row, field: 'email', reason: `an account with the e-mail ${u.email} already exists` });
      const phoneRow = u.phoneHash ? phoneHashes.get(u.phoneHash) : undefined;
      if (phoneRow !== undefined) problems.push({ row: phoneRow, field: 'phone', reason: 'an account with this phone number already exists' });
    }
  }
}

/** argon2 runs on libuv's pool; a few at a time keep the api answering meanwhile. */
async function hashAll(passwords: string[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < passwords.length; i += 2) out.push(...(await Promise.all(passwords.slice(i, i + 2).map(hashPassword))));
  return out;
}
