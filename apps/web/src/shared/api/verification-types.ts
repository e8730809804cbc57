/**
 * Winner verification (GET /rounds/:id/winners and the organiser's audited calls beside it):
 * aliases of the generated OpenAPI schemas.
 */
import type { components } from './schema';

type Schemas = components['schemas'];

export type VerificationState = Schemas['VerificationStateDto']['status'];
export type WinnerPrize = Schemas['WinnerPrizeDto'];
export type WinnerItem = Schemas['WinnerItemDto'];
export type DisqualifiedWinner = Schemas['DisqualifiedDto'];
export type WinnersList = Schemas['WinnersListDto'];
/** The one response with a phone and national ID in full; the view is audited. */
export type WinnerIdentity = Schemas['WinnerIdentityDto'];
export type PrizeChange = Schemas['PrizeChangeDto'];
export type VerificationOutcome = Schemas['VerificationOutcomeDto'];
