/** Types for the jury, brief and advancement screens: the jury's rule objects name generated OpenAPI schemas. */
import type { components } from './schema';

type Schemas = components['schemas'];

export type HandInKind = 'text' | 'link' | 'file';

/** GET/PUT /rounds/:id/brief */
export type BriefView = Schemas['BriefResponse'];

export type OvertimePenalty = Schemas['OvertimePenalty'];
export type FixedPenalty = Schemas['FixedPenalty'];
export type PenaltyRule = OvertimePenalty | FixedPenalty;

/** PUT /rounds/:id/jury */
export type JuryInput = Schemas['JuryInput'];

/** GET /rounds/:id/judges */
export type RoundJudge = Schemas['RoundJudgeResponse'];

export type AdvancingEntrant = Schemas['AdvancingEntrant'];
export type AdvanceReason = AdvancingEntrant['reason'];
export type RankingPlace = Schemas['RankingPlace'];
export type QuotaBody = Schemas['QuotaAdvanceDto'];

/** The body of POST /rounds/:id/advance and of its preview. */
export type AdvanceBody = Schemas['AdvanceDto'];

/** POST /rounds/:id/advance/preview (rule: the round's own, or { mode: 'quota', quota }). */
export type AdvancementPreview = Schemas['AdvancementPreview'];

/** POST /rounds/:id/advance */
export type AdvanceResult = Schemas['AdvanceResponse'];

/** GET /rounds/:id/enrolments */
export type EnrolmentRow = Schemas['EnrolmentResponse'];

/** The round's own advancement rule (staff view of a round). */
export type AdvancementRule = Schemas['RoundAdvancement'];
