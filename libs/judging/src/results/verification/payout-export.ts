import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Round } from '@lc/contests';
import { type Actor, PiiService } from '@lc/identity';
import { AuditService } from '@lc/platform';
import { csvStream, type ExportColumn, xlsxStream } from '@lc/platform';
import { CONTENT_TYPES } from '../exports/export-writer';
import type { ExportFormat } from '../exports/export-rows';
import { WinnerAccess } from './winner-access';
import { readWinners, resultOf } from './winners-read';

/** One line of the list the organisation pays prizes from. */
export interface PayoutRow {
  prize: string;
  rank: number;
  fullName: string;
  dateOfBirth: string | null;
  nationalId: string | null;
  phone: string | null;
  email: string | null;
  province: string | null;
  commune: string | null;
  unit: string | null;
  verification: string;
  verifiedAt: Date | null;
}

const STATUS_VI: Record<string, string> = { verified: 'Đã xác minh', pending: 'Chưa xác minh' };

/**
 * The payout list is the one export with personal numbers in full, so its identity columns
 * are plain `text`: neutralised like every text cell, not masked. The ranking and winners
 * exports keep their `national-id` / `phone` columns, which always mask.
 */
export const PAYOUT_COLUMNS: ExportColumn<PayoutRow>[] = [
  { header: 'Giải', kind: 'text', value: (r) => r.prize, width: 18 },
  { header: 'Hạng', kind: 'number', value: (r) => r.rank, width: 7 },
  { header: 'Họ và tên', kind: 'text', value: (r) => r.fullName, width: 28 },
  { header: 'Ngày sinh', kind: 'text', value: (r) => r.dateOfBirth?.split('-').reverse().join('/'), width: 12 },
  { header: 'Số CCCD', kind: 'text', value: (r) => r.nationalId, width: 15 },
  { header: 'Số điện thoại', kind: 'text', value: (r) => r.phone, width: 13 },
  { header: 'Thư điện tử', kind: 'text', value: (r) => r.email, width: 24 },
  { header: 'Tỉnh/thành phố', kind: 'text', value: (r) => r.province, width: 20 },
  { header: 'Xã/phường', kind: 'text', value: (r) => r.commune, width: 20 },
  { header: 'Đơn vị', kind: 'text', value: (r) => r.unit, width: 28 },
  { header: 'Xác minh', kind: 'text', value: (r) => r.verification, width: 14 },
  { header: 'Xác minh lúc (giờ Việt Nam)', kind: 'datetime', value: (r) => r.verifiedAt, width: 22 },
];

/**
 * POST /rounds/:id/winners/payout-export: the winners with full contact details, for the
 * organisation's organisers only, audited with the reason (and whom it listed). Prize
 * lists are short, so the rows are read at once and then streamed to the file.
 */
@Injectable()
export class PayoutExport {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: WinnerAccess,
    private readonly pii: PiiService,
    private readonly audit: AuditService,
  ) {}

  async execute(actor: Actor, roundId: string, format: ExportFormat, reason: string): Promise<{ stream: Readable; contentType: string; fileName: string }> {
    const { organisationId } = await this.access.discloser(actor, roundId);
    const result = await resultOf(this.db, roundId);
    const round = await this.db.getRepository(Round).findOneByOrFail({ id: roundId });
    const winners = await readWinners(this.db, roundId);
    const people: { id: string; phone_encrypted: string | null; national_id_encrypted: string | null; date_of_birth: string | null; email: string | null }[] =
      winners.length
        ? await this.db.query(
            `SELECT id, phone_encrypted, national_id_encrypted, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, email FROM "user" WHERE id = ANY($1::uuid[])`,
            [winners.map((w) => w.user_id)],
          )
        : [];
    const byId = new Map(people.map((p) => [p.id, p]));
    await this.audit.record(actor, {
      action: 'winner.payout_export',
      entityType: 'round',
      entityId: roundId,
      reason,
      after: { format, resultStatus: result.status, version: result.version, rows: winners.length, userIds: winners.map((w) => w.user_id) },
      organisationId,
    });
    const rows: PayoutRow[] = winners.map((w) => {
      const p = byId.get(w.user_id);
      return {
        prize: w.prize_name ?? w.prize_code,
        rank: w.rank,
        fullName: w.full_name,
        dateOfBirth: p?.date_of_birth ?? null,
        nationalId: p?.national_id_encrypted ? this.pii.open(p.national_id_encrypted) : null,
        phone: p?.phone_encrypted ? this.pii.open(p.phone_encrypted) : null,
        email: p?.email ?? null,
        province: w.province,
        commune: w.commune,
        unit: w.unit,
        verification: STATUS_VI[w.v_status ?? 'pending'] ?? w.v_status ?? '',
        verifiedAt: w.v_status === 'verified' && w.v_decided_at ? new Date(w.v_decided_at) : null,
      };
    });
    const stream =
      format === 'xlsx'
        ? xlsxStream(rows, PAYOUT_COLUMNS, { sheetName: 'Chi trả giải thưởng', title: `Danh sách chi trả giải thưởng vòng ${round.seq}` })
        : csvStream(rows, PAYOUT_COLUMNS);
    return { stream, contentType: CONTENT_TYPES[format], fileName: `chi-tra-giai-thuong-vong-${round.seq}.${format}` };
  }
}
