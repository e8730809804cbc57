import { Injectable } from '@nestjs/common';
import { type Actor, AccessService } from '@lc/identity';
import { RoundJudgesService, RoundLookup } from '@lc/contests';
import { DomainError, forbidden } from '@lc/platform';
import { JudgedStandings } from '../../judged-entries/judged-standings';

export interface StaffAccess {
  organisationId: string;
  /** Organisers of the owning organisation and admins (judges are not). */
  organiser: boolean;
}

/**
 * Who may act on a round's results: organisers of the owning organisation (and admins),
 * or a judge assigned to the round who has not recused. Other tenants and residents get
 * the same 404 as for a missing round.
 */
@Injectable()
export class ResultsGate {
  constructor(
    private readonly access: AccessService,
    private readonly judges: RoundJudgesService,
    private readonly rounds: RoundLookup,
    private readonly standings: JudgedStandings,
  ) {}

  /** Staff of the organisation (read). */
  async reader(actor: Actor, roundId: string): Promise<StaffAccess> {
    const organisationId = await this.access.require(actor, 'round', roundId, 'read');
    return { organisationId, organiser: actor.role === 'admin' || actor.role === 'organiser' };
  }

  /** Staff reading the results (ranking, explanations, exports, documents): blind marking applies to judges. */
  async resultsReader(actor: Actor, roundId: string): Promise<StaffAccess> {
    const a = await this.reader(actor, roundId);
    await this.requireUnsealed(actor, a, roundId);
    return a;
  }

  /** Organisers, or the round's own judges (who must not learn the jury's figures early: blind marking). */
  async organiserOrJudge(actor: Actor, roundId: string): Promise<StaffAccess> {
    const a = await this.reader(actor, roundId);
    if (a.organiser) return a;
    if (actor.role === 'judge' && (await this.judges.isJudge(roundId, actor.id))) {
      await this.requireUnsealed(actor, a, roundId);
      return a;
    }
    throw forbidden('Only organisers or the judges assigned to this round may do this');
  }

  /**
   * A judged round's provisional results are built from the jury's marks: a judge who read
   * them while another judge has not filed would learn the others' marks and could still
   * replace their own. Organisers may close early; judges see the results once every judge
   * has filed for every entry, or once published.
   */
  private async requireUnsealed(actor: Actor, a: StaffAccess, roundId: string): Promise<void> {
    if (a.organiser || actor.role !== 'judge') return;
    const round = await this.rounds.get(roundId);
    if (!round || round.kind !== 'judged' || round.status === 'published') return;
    const sealed = await this.standings.sealedEntries(roundId);
    if (sealed > 0)
      throw new DomainError(
        'marks_sealed',
        403,
        'Not every judge has marked every entry yet: the results stay with the organisers until then (blind marking)',
        { sealedEntries: sealed },
      );
  }

  /** Organisers only (rules, forced closing). */
  async organiser(actor: Actor, roundId: string): Promise<StaffAccess> {
    const organisationId = await this.access.require(actor, 'round', roundId, 'write');
    return { organisationId, organiser: true };
  }
}
