/** Types for the jury, brief and advancement screens: the jury's rule objects name generated OpenAPI schemas. */
import type { components } from './schema';

type Schemas = components['schemas'];

export type HandInKind = 'text' | 'link' | 'file';

/** GET/PUT /rounds/:id/brief */
export interface BriefView {
  roundId: string;
  brief: string | null;
  briefFrom: string;
  handInKinds: HandInKind[];
  locked: boolean;
}

export type OvertimePenalty = Schemas['OvertimePenalty'];
export type FixedPenalty = Schemas['FixedPenalty'];
export type PenaltyRule = OvertimePenalty | FixedPenalty;

/** PUT /rounds/:id/jury */
export type JuryInput = Schemas['JuryInput'];

/** GET /rounds/:id/judges */
export interface RoundJudge {
  roundId: string;
  userId: string;
  fullName: string;
  email: string | null;
  recusedAt: string | null;
  createdAt: string;
}

export type AdvancingEntrant = Schemas['AdvancingEntrant'];
export type AdvanceReason = AdvancingEntrant['reason'];
export type RankingPlace = Schemas['RankingPlace'];
export type QuotaBody = Schemas['QuotaAdvanceDto'];

/** The body of POST /rounds/:id/advance and of its preview. */
export type AdvanceBody = Schemas['AdvanceDto'];

/** POST /rounds/:id/advance/preview (rule: the round's own, or { mode: 'quota', quota }). */
export type AdvancementPreview = Schemas['AdvancementPreview'];

/** POST /rounds/:id/advance */
export interface AdvanceResult {
  fromRoundId: string;
  toRoundId: string;
  mode: string;
  userIds: string[];
  newlyEnrolled: string[];
}

/** GET /rounds/:id/enrolments */
export interface EnrolmentRow {
  roundId: string;
  userId: string;
  fullName: string;
  source: 'advanced' | 'picked';
  fromRoundId: string | null;
  createdAt: string;
}

/** The round's own advancement rule (staff view of a round). */
export type AdvancementRule = Schemas['RoundAdvancement'];
