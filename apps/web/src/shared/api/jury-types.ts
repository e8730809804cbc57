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

export type AdvanceReason = 'top' | 'threshold' | 'quota' | 'picked';

export interface AdvancingEntrant {
  userId: string;
  fullName: string;
  rank: number | null;
  score: number | null;
  unit: string | null;
  group: string | null;
  reason: AdvanceReason;
  bucket: string | null;
  boundaryTie: boolean;
  alreadyEnrolled: boolean;
}

export interface RankingPlace {
  userId: string;
  fullName: string;
  rank: number;
  score: number;
  unit: string | null;
  advancing: boolean;
}

export interface QuotaBody {
  by: ('unit' | 'group')[];
  perBucket: number;
  buckets?: Record<string, number>;
  groupField?: string;
}

/** The body of POST /rounds/:id/advance and of its preview. */
export interface AdvanceBody {
  userIds?: string[];
  quota?: QuotaBody;
}

/** POST /rounds/:id/advance/preview */
export interface AdvancementPreview {
  fromRoundId: string;
  toRoundId: string;
  toRoundTitle: string;
  mode: 'top' | 'threshold' | 'picked' | 'quota';
  rule: Record<string, unknown>;
  advancing: AdvancingEntrant[];
  newCount: number;
  shortfalls: { bucket: string; quota: number; filled: number }[];
  unplaced: { userId: string; fullName: string }[];
  ranking: RankingPlace[];
  rankingTotal: number;
}

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
export interface AdvancementRule {
  mode: 'top' | 'threshold' | 'picked';
  topN?: number;
  minScore?: number;
  toRoundSeq?: number;
}
