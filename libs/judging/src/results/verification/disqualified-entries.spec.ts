import type { RankableAttempt } from '../../ranking/attempt-row';
import { rankRound } from '../../ranking/rank-round';
import { parseRankingRules } from '../../ranking/rules';
import { withoutDisqualified } from './disqualified-entries';

const entry = (personId: string, score: number): RankableAttempt => ({
  attemptId: `e-${personId}`,
  personId,
  status: 'submitted',
  score,
  maxScore: 100,
  timeTakenMs: 0,
  submittedAt: new Date('2026-03-01T00:00:00Z'),
  prediction: null,
});

describe('judged entries of disqualified winners', () => {
  it('are left out of the ranking, so the next person moves up', () => {
    const rows = withoutDisqualified([entry('a', 90), entry('b', 80), entry('c', 70)], new Set(['a']));
    expect(rows.map((r) => r.status)).toEqual(['void', 'submitted', 'submitted']);
    const rules = parseRankingRules({ chain: ['score'] });
    const ranked = rankRound(rows, rules, { actual: null, opensAt: new Date('2026-02-01T00:00:00Z') });
    expect(ranked.results.map((r) => [r.personId, r.rank])).toEqual([
      ['b', 1],
      ['c', 2],
    ]);
  });

  it('change nothing when no one is disqualified', () => {
    const rows = [entry('a', 90)];
    expect(withoutDisqualified(rows, new Set())).toEqual(rows);
  });
});
