import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, AccessService } from '@lc/identity';
import { Round, RoundJudgesService } from '@lc/contests';
import { DomainError, forbidden, notFound } from '@lc/platform';
import { JurySettings } from '../jury/jury-settings.entity';
import { JudgedEntry } from './judged-entry.entity';

/** How the caller stands to an entry: its author, an organiser (or admin), a judge of the round, the head judge. */
export type EntryRole = 'owner' | 'organiser' | 'judge' | 'head';

export interface EntryContext {
  entry: JudgedEntry;
  round: Round;
  organisationId: string;
  role: EntryRole;
}

/**
 * Who may see an entry: its author; organisers of the round's organisation; judges
 * assigned to the round and not recused, and the head judge. Other tenants and other
 * residents get 404; judges of the organisation not on this jury get 403.
 */
@Injectable()
export class EntryAccess {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly judges: RoundJudgesService,
  ) {}

  async entry(actor: Actor, entryId: string): Promise<EntryContext> {
    const entry = await this.db.getRepository(JudgedEntry).findOneBy({ id: entryId });
    if (!entry) throw notFound('Entry');
    if (actor.role === 'resident') {
      if (entry.userId !== actor.id) throw notFound('Entry');
      const round = await this.db.getRepository(Round).findOneByOrFail({ id: entry.roundId });
      return { entry, round, organisationId: (await this.access.ownerOf('round', round.id))!, role: 'owner' };
    }
    // Another tenant learns nothing (404); a judge of the organisation off this jury is told so (403).
    const organisationId = await this.access.require(actor, 'round', entry.roundId, 'read').catch((e: unknown) => {
      throw e instanceof DomainError && e.status === 403 ? e : notFound('Entry');
    });
    const round = await this.db.getRepository(Round).findOneByOrFail({ id: entry.roundId });
    return { entry, round, organisationId, role: await this.staffRole(actor, round.id) };
  }

  /** organiser / head / judge for staff of the round's organisation; 403 for judges not on this jury. */
  async staffRole(actor: Actor, roundId: string): Promise<EntryRole> {
    if (actor.role === 'organiser' || actor.role === 'admin') return 'organiser';
    if (await this.isHead(roundId, actor.id)) return 'head';
    if ((await this.activeJudgeIds(roundId)).has(actor.id)) return 'judge';
    throw forbidden('Only the judges of this round (not recused) see its entries');
  }

  async isHead(roundId: string, userId: string): Promise<boolean> {
    const s = await this.db.getRepository(JurySettings).findOneBy({ roundId });
    if (!s || s.headJudgeUserId !== userId) return false;
    // A head judge who recused from the round has a conflict: no longer head either.
    return !(await this.judges.hasRecused(roundId, userId));
  }

  /** The round's jury (contests' RoundJudgesService decides membership). */
  activeJudgeIds(roundId: string): Promise<Set<string>> {
    return this.judges.activeJudgeIds(roundId);
  }
}
