import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, PiiService } from '@lc/identity';
import { AuditService, ClockService, notFound } from '@lc/platform';
import { WinnerAccess } from './winner-access';
import { readWinners, resultOf, winnerItem } from './winners-read';

interface PersonRow {
  full_name: string;
  phone_encrypted: string | null;
  national_id_encrypted: string | null;
  date_of_birth: string | null;
  email: string | null;
  deleted_at: Date | null;
}

/**
 * GET /rounds/:id/winners (masked, for everyone who may read the results) and
 * POST /rounds/:id/winners/:userId/identity: the one place the API returns a national ID
 * in full. Each disclosure is audited — who saw whom, why, when — never with the values.
 */
@Injectable()
export class WinnerIdentities {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: WinnerAccess,
    private readonly pii: PiiService,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
  ) {}

  async list(actor: Actor, roundId: string) {
    const grant = await this.access.reader(actor, roundId);
    const result = await resultOf(this.db, roundId);
    const rows = await readWinners(this.db, roundId);
    const disqualified: { user_id: string; full_name: string; prize_name: string | null; reason: string; decided_at: Date }[] = await this.db.query(
      `SELECT v.user_id, u.full_name, v.prize_name, v.reason, v.decided_at FROM winner_verification v JOIN "user" u ON u.id = v.user_id
        WHERE v.round_id = $1 AND v.status = 'disqualified' ORDER BY v.decided_at`,
      [roundId],
    );
    const items = rows.map(winnerItem);
    return {
      roundId,
      resultStatus: result.status,
      stale: result.stale,
      version: result.version,
      canDisclose: grant.detail === 'full',
      counts: {
        winners: items.length,
        verified: items.filter((i) => i.verification.status === 'verified').length,
        pending: items.filter((i) => i.verification.status === 'pending').length,
      },
      items,
      disqualified: disqualified.map((d) => ({
        userId: d.user_id,
        fullName: d.full_name,
        prizeName: d.prize_name,
        reason: d.reason,
        decidedAt: new Date(d.decided_at).toISOString(),
      })),
    };
  }

  async disclose(actor: Actor, roundId: string, userId: string, reason: string) {
    const { organisationId } = await this.access.discloser(actor, roundId);
    await resultOf(this.db, roundId);
    const [w] = await readWinners(this.db, roundId, userId);
    if (!w) throw notFound('Winner', { reason: 'not_a_prize_winner' });
    const [p]: PersonRow[] = await this.db.query(
      `SELECT full_name, phone_encrypted, national_id_encrypted, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, email, deleted_at FROM "user" WHERE id = $1`,
      [userId],
    );
    const at = this.clock.nowDate();
    // Recorded before anything is returned: no disclosure without its audit entry.
    await this.audit.record(actor, {
      action: 'winner.identity.view',
      entityType: 'user',
      entityId: userId,
      reason,
      after: {
        roundId,
        prize: w.prize_name ?? w.prize_code,
        fields: ['fullName', 'phone', 'nationalId', 'dateOfBirth', 'email', 'province', 'commune', 'unit'],
      },
      organisationId,
    });
    const item = winnerItem(w);
    return {
      ...item,
      fullName: p.full_name,
      phone: p.phone_encrypted ? this.pii.open(p.phone_encrypted) : null,
      nationalId: p.national_id_encrypted ? this.pii.open(p.national_id_encrypted) : null,
      dateOfBirth: p.date_of_birth,
      email: p.email,
      accountDeleted: p.deleted_at !== null,
      viewedAt: at.toISOString(),
      recorded: true,
    };
  }
}
