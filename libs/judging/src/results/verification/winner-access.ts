import { Injectable } from '@nestjs/common';
import { type Actor } from '@lc/identity';
import { forbidden } from '@lc/platform';
import { ResultsGate } from '../common/results-gate';
import { mayDiscloseIdentity, WinnerDetail, winnerDetailFor } from './winner-identity';

export interface WinnerAccessGrant {
  organisationId: string;
  detail: WinnerDetail;
}

/**
 * Applies `winnerDetailFor` after the usual round check (other tenants and residents 404,
 * judges of other rounds 403), so the rule itself stays one plain function.
 */
@Injectable()
export class WinnerAccess {
  constructor(private readonly gate: ResultsGate) {}

  /** Staff who may read the round's results: winners, masked unless the rule says full. */
  async reader(actor: Actor, roundId: string): Promise<WinnerAccessGrant> {
    const { organisationId } = await this.gate.reader(actor, roundId);
    return { organisationId, detail: winnerDetailFor(actor, organisationId) };
  }

  /** Identity, verification decisions and the payout list. */
  async discloser(actor: Actor, roundId: string): Promise<WinnerAccessGrant> {
    const grant = await this.reader(actor, roundId);
    if (!mayDiscloseIdentity(actor, grant.organisationId))
      throw forbidden("Only organisers of the organisation running this contest may see or verify a winner's identity");
    return grant;
  }
}
