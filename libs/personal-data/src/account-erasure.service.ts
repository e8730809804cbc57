import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { eraseAttemptIdentifiers } from '@lc/attempts';
import { eraseRegistrationAnswers } from '@lc/contests';
import { type Actor, AccountPersonalData } from '@lc/identity';
import { eraseResultUnits, JudgedEntryPersonalData } from '@lc/judging';
import { EventBus } from '@lc/platform';

/**
 * A resident erases their account (Decree 13/2023, art. 16). The row stays, anonymised, so
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
    await this.db.transaction(async (m) => {
      await this.account.erase(m, actor);
      await eraseRegistrationAnswers(m, actor.id);
      await eraseAttemptIdentifiers(m, actor.id);
      await this.judgedEntries.erase(m, actor.id);
      await eraseResultUnits(m, actor.id);
    });
    await this.account.endSessions(actor.id);
    await this.bus.emit('AccountErased', { userId: actor.id }); // cached display names go (leaderboard)
  }
}
