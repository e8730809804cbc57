/** Pure helpers of the correction picker: which attempts staff picked, and how each is said. */
import type { CorrectionCandidate } from '../shared/api/staff-console-types';
import { formatPoints } from './marking-model';

export type CandidateAttempt = CorrectionCandidate['attempts'][number];

/** One attempt picked for the correction: voided, or reinstated when it is void already. */
export interface PickedAttempt {
  attemptId: string;
  userId: string;
  fullName: string;
  attemptNo: number;
  action: 'void' | 'reinstate';
}

/** What a correction can do to an attempt: a void one can be reinstated, a counted one voided. */
export const actionFor = (a: Pick<CandidateAttempt, 'status'>): 'void' | 'reinstate' => (a.status === 'void' ? 'reinstate' : 'void');

/** Adds the attempt to the picks, or takes it out if it is there. */
export function togglePick(picks: PickedAttempt[], person: Pick<CorrectionCandidate, 'userId' | 'fullName'>, a: CandidateAttempt): PickedAttempt[] {
  if (picks.some((p) => p.attemptId === a.id)) return picks.filter((p) => p.attemptId !== a.id);
  return [...picks, { attemptId: a.id, userId: person.userId, fullName: person.fullName, attemptNo: a.attemptNo, action: actionFor(a) }];
}

/** "Hủy lượt 1 của Nguyễn Văn A". */
export const pickText = (p: PickedAttempt): string => `${p.action === 'void' ? 'Hủy' : 'Khôi phục'} lượt ${p.attemptNo} của ${p.fullName}`;

/** "Lượt 2 · 8 điểm · đang được tính". */
export function attemptText(a: CandidateAttempt): string {
  const state = a.status === 'void' ? 'đã hủy' : a.counted ? 'đang được tính' : a.status === 'expired' ? 'hết giờ, không được tính' : 'không được tính';
  return [`Lượt ${a.attemptNo}`, a.score !== null ? `${formatPoints(a.score)} điểm` : null, state].filter(Boolean).join(' · ');
}

/** "Hạng 3 · 8 điểm · Giải Ba" or "Chưa được xếp hạng". */
export function standingText(p: Pick<CorrectionCandidate, 'rank' | 'score' | 'prize'>): string {
  if (p.rank === null) return 'Chưa được xếp hạng';
  return [`Hạng ${p.rank}`, p.score !== null ? `${formatPoints(p.score)} điểm` : null, p.prize].filter(Boolean).join(' · ');
}

/** The picks as the form's fields (checkCorrection reads ids one per line). */
export function picksAsFields(picks: PickedAttempt[]): { voidIds: string; reinstateIds: string } {
  return {
    voidIds: picks
      .filter((p) => p.action === 'void')
      .map((p) => p.attemptId)
      .join('\n'),
    reinstateIds: picks
      .filter((p) => p.action === 'reinstate')
      .map((p) => p.attemptId)
      .join('\n'),
  };
}
