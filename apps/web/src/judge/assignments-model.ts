import type { JudgeAssignment } from '../shared/api/judging-types';

export interface ContestAssignments {
  contestId: string;
  contestTitle: string;
  contestStatus: string;
  rounds: JudgeAssignment[];
}

/** The judge's rounds grouped by contest, in the server's order (newest contest first, rounds in order). */
export function byContest(rows: JudgeAssignment[]): ContestAssignments[] {
  const out = new Map<string, ContestAssignments>();
  for (const r of rows) {
    const c = out.get(r.contestId) ?? { contestId: r.contestId, contestTitle: r.contestTitle, contestStatus: r.contestStatus, rounds: [] };
    c.rounds.push(r);
    out.set(r.contestId, c);
  }
  return [...out.values()];
}
