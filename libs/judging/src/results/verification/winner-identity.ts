/**
 * SPEC (Domain): a national ID is never returned in full. Paying a prize is the one
 * deliberate exception: the winner's identity is checked against their papers first.
 * Only an organiser of the organisation that runs the contest sees it (audited, with a
 * reason). Judges mark and review attempts and need no identity; admins manage accounts,
 * not contests, so neither sees it. Everyone who may read the round sees winners masked.
 *
 * The caller has already checked that the actor may read the round at all (other tenants
 * get 404 there); this decides only how much of a winner they see.
 */
export interface IdentityViewer {
  role: string;
  organisationId: string | null;
}

export type WinnerDetail = 'full' | 'masked';

export function winnerDetailFor(viewer: IdentityViewer, roundOrganisationId: string): WinnerDetail {
  return viewer.role === 'organiser' && viewer.organisationId !== null && viewer.organisationId === roundOrganisationId ? 'full' : 'masked';
}

/** Disclosing identity, deciding a verification and the payout list all need the full view. */
export function mayDiscloseIdentity(viewer: IdentityViewer, roundOrganisationId: string): boolean {
  return winnerDetailFor(viewer, roundOrganisationId) === 'full';
}

export const VERIFICATION_STATUSES = ['verified', 'disqualified'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/**
 * What a new decision may replace. A verified winner may still be disqualified (papers
 * found false later); a disqualification has passed the prize on, so it is final: undoing
 * it is a correction of the results (reinstate the attempts), not a verification.
 */
export function decisionConflict(current: VerificationStatus | null, next: VerificationStatus): 'already_disqualified' | 'unchanged' | null {
  if (current === 'disqualified') return 'already_disqualified';
  if (current === next) return 'unchanged';
  return null;
}
