import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { eraseAttemptIdentifiers } from '@lc/attempts';
import { eraseRegistrationAnswers } from '@lc/contests';
import { type Actor, AccountPersonalData } from '@lc/identity';
import { eraseResultUnits, JudgedEntryPersonalData } from '@lc/judging';
import { EventBus } from '@lc/platform';

/**
 * A resident erases their account (Decree 13/2023, art. 16), or an admin does for them. The row stays, anonymised, so
 * attempts, scores and rankings that others' places depend on remain valid; everything that
 * identifies the person (name, phone, national ID, e-mail, birth date, guardian, IPs and
 * devices, registration answers, hand-ins) is removed, sign-in stops and every token dies at
 * once. Each owning module erases its own rows, all in one transaction: all or nothing.
 */
@Injectable()
export class AccountErasureService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly account: AccountPersonalData,
    private readonly judgedEntries: JudgedEntryPersonalData,
    private readonly bus: EventBus,
  ) {}

  async eraseOwn(actor: Actor, password: string): Promise<void> {
    await this.account.confirmPassword(actor, password);
    await this.erase(actor, actor.id);
  }

  /**
   * An admin erases someone's account (a resident's request on paper, an official who left):
   * the same erasure as the holder's own, audited as the admin's. It used to anonymise only the
   * user row, leaving registration answers, IPs and devices, hand-ins and result units behind.
   */
  async eraseAccount(admin: Actor, userId: string): Promise<void> {
    await this.erase(admin, userId);
  }

  private async erase(by: Actor, userId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.account.erase(m, by, userId);
      await eraseRegistrationAnswers(m, userId);
      await eraseAttemptIdentifiers(m, userId);
      await this.judgedEntries.erase(m, userId);
      await eraseResultUnits(m, userId);
    });
    await this.account.endSessions(userId);
    await this.bus.emit('AccountErased', { userId }); // cached display names go (leaderboard)
  }
}
