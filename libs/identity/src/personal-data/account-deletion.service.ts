import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AppConfig, AuditService, EventBus, notFound } from '@lc/platform';
import type { Actor } from '../auth/actor';
import { verifyPassword } from '../auth/passwords';
import { RefreshToken } from '../auth/refresh-token.entity';
import { TokenService, unauthorized } from '../auth/token.service';
import { anonymisedUser } from '../users/anonymise';
import { User } from '../users/user.entity';


/**
 * A resident erases their account (Decree 13/2023, art. 16). The row stays, anonymised, so
 * attempts, scores and rankings that others' places depend on remain valid; everything that
 * identifies the person (name, phone, national ID, e-mail, birth date, guardian, IPs and
 * devices, registration answers) is removed, sign-in stops and every token dies at once.
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly bus: EventBus,
    private readonly config: AppConfig,
  ) {}

  async deleteOwn(actor: Actor, password: string): Promise<void> {
    const u = await this.db.getRepository(User).findOneBy({ id: actor.id, deletedAt: IsNull() });
    if (!u) throw notFound('User');
    // Checked before the transaction: argon2 is slow and must not hold the row lock.
    if (!(await verifyPassword(u.passwordHash, password))) throw unauthorized('Wrong password');
    const fileKeys: string[] = [];
    await this.db.transaction(async (m) => {
      const locked = await m.getRepository(User).findOne({ where: { id: u.id, deletedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw notFound('User');
      const now = new Date();
      await m.getRepository(User).update({ id: u.id }, anonymisedUser(locked.tokenVersion, now));
      await m.getRepository(RefreshToken).update({ userId: u.id, revokedAt: IsNull() }, { revokedAt: now });
      await m.query(`UPDATE registration SET fields = '{}'::jsonb WHERE user_id = $1`, [u.id]);
      await m.query(`UPDATE attempt SET ip = NULL, user_agent = NULL, device_id = NULL WHERE user_id = $1`, [u.id]);
      await m.query(`UPDATE attempt_event SET ip = NULL WHERE attempt_id IN (SELECT id FROM attempt WHERE user_id = $1)`, [u.id]);
      // Hand-ins say who wrote or presented them: their content goes, their marks (others' places) stay.
      const files: { file_key: string }[] = await m.query(`SELECT file_key FROM judged_entry WHERE user_id = $1 AND file_key IS NOT NULL`, [u.id]);
      fileKeys.push(...files.map((f) => f.file_key));
      await m.query(
        `UPDATE judged_entry SET text = NULL, link = NULL, file_key = NULL, file_name = NULL, file_type = NULL, file_size = NULL, file_sha256 = NULL WHERE user_id = $1`,
        [u.id],
      );
      await m.query(`UPDATE result_entry SET unit = NULL, grp = NULL WHERE user_id = $1`, [u.id]);
      await this.audit.record(actor, { action: 'user.self_delete', entityType: 'user', entityId: u.id, before: { role: locked.role }, reason: 'requested by the account holder' }, m);
    });
    await this.tokens.revoke(u.id, null);
    // After the commit: a file that outlived a crash here is swept as an orphan (no row names it any more).
    await Promise.all(fileKeys.filter((k) => /^[0-9a-f]{32}$/.test(k)).map((k) => rm(join(this.config.uploadDir, 'entries', k), { force: true })));
    await this.bus.emit('AccountErased', { userId: u.id }); // cached display names go (leaderboard)
  }
}
