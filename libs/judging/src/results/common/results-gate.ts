import { Injectable } from '@nestjs/common';
import { type Actor, AccessService } from '@lc/identity';
import { RoundJudgesService } from '@lc/contests';
import { forbidden } from '@lc/platform';

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
  ) {}

  /** Staff of the organisation (read). */
  async reader(actor: Actor, roundId: string): Promise<StaffAccess> {
    const organisationId = await this.access.require(actor, 'round', roundId, 'read');
    return { organisationId, organiser: actor.role === 'admin' || actor.role === 'organiser' };
  }

  /** Organisers, or the round's own judges. */
  async organiserOrJudge(actor: Actor, roundId: string): Promise<StaffAccess> {
    const a = await this.reader(actor, roundId);
    if (a.organiser) return a;
    if (actor.role === 'judge' && (await this.judges.isJudge(roundId, actor.id))) return a;
    throw forbidden('Only organisers or the judges assigned to this round may do this');
  }

  /** Organisers only (rules, forced closing). */
  async organiser(actor: Actor, roundId: string): Promise<StaffAccess> {
    const organisationId = await this.access.require(actor, 'round', roundId, 'write');
    return { organisationId, organiser: true };
  }
}
