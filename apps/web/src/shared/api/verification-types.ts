/** Winner verification (GET /rounds/:id/winners and the organiser's audited calls beside it). */
export type VerificationState = 'pending' | 'verified';

export interface WinnerPrize {
  code: string;
  name: string | null;
  level: number | null;
}

export interface WinnerItem {
  userId: string;
  rank: number;
  position: number;
  fullName: string;
  /** Masked (`091****678`) everywhere but the identity disclosure. */
  phone: string | null;
  /** Masked (`001******789`) everywhere but the identity disclosure. */
  nationalId: string | null;
  province: string | null;
  commune: string | null;
  unit: string | null;
  score: number;
  prize: WinnerPrize;
  verification: { status: VerificationState; reason: string | null; decidedAt: string | null };
}

export interface DisqualifiedWinner {
  userId: string;
  fullName: string;
  prizeName: string | null;
  reason: string;
  decidedAt: string;
}

export interface WinnersList {
  roundId: string;
  resultStatus: 'provisional' | 'published';
  stale: boolean;
  version: number;
  canDisclose: boolean;
  counts: { winners: number; verified: number; pending: number };
  items: WinnerItem[];
  disqualified: DisqualifiedWinner[];
}

/** The one response with a phone and national ID in full; the view is audited. */
export interface WinnerIdentity extends WinnerItem {
  dateOfBirth: string | null;
  email: string | null;
  accountDeleted: boolean;
  viewedAt: string;
  recorded: boolean;
}

export interface PrizeChange {
  userId: string;
  fullName: string;
  before: string | null;
  after: string | null;
}

export interface VerificationOutcome {
  roundId: string;
  userId: string;
  status: 'verified' | 'disqualified';
  reason: string;
  decidedAt: string;
  resultStatus: 'provisional' | 'published';
  correctionId: string | null;
  reclosed: boolean;
  resultsStale: boolean;
  recloseError: { code: string; message: string } | null;
  prizeChanges: PrizeChange[];
}
