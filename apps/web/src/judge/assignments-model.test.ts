import { describe, expect, it } from 'vitest';
import type { JudgeAssignment } from '../shared/api/judging-types';
import { byContest } from './assignments-model';

const row = (contestId: string, roundId: string, seq: number): JudgeAssignment => ({
  roundId,
  roundTitle: `Vòng ${seq}`,
  roundKind: 'judged',
  roundStatus: 'open',
  seq,
  opensAt: '2026-05-04T01:00:00.000Z',
  closesAt: '2026-05-11T01:00:00.000Z',
  contestId,
  contestTitle: `Cuộc thi ${contestId}`,
  contestStatus: 'published',
  head: false,
});

describe("judge's home", () => {
  it('groups the rounds by contest, keeping the order the server gives', () => {
    const groups = byContest([row('b', 'r1', 1), row('b', 'r2', 2), row('a', 'r3', 1)]);
    expect(groups.map((g) => [g.contestId, g.rounds.map((r) => r.roundId)])).toEqual([
      ['b', ['r1', 'r2']],
      ['a', ['r3']],
    ]);
  });
});
