import { DomainError } from '@lc/platform';
import { allocatePrizes, Award, PrizeCandidate } from './allocate-prizes';
import { parsePrizePlan } from './prize-plan';

const plan = parsePrizePlan({
  tiers: [
    { code: 'nhat', name: 'Giải Nhất', count: 1 },
    { code: 'nhi', name: 'Giải Nhì', count: 2 },
    { code: 'ba', name: 'Giải Ba', count: 3 },
  ],
});
const ranking = (...ids: string[]): PrizeCandidate[] => ids.map((id, i) => ({ id, rank: i + 1, score: 100 - i }));
const summary = (awards: Award[]) => awards.map((a) => `${a.roundId}:${a.tierCode}:${a.personId}${a.boundaryTie ? '*' : ''}`);

describe('prize allocation', () => {
  it('hands out tiers in rank order by their counts', () => {
    const r = allocatePrizes([{ roundId: 'r1', plan, ranking: ranking('a', 'b', 'c', 'd', 'e', 'f', 'g') }], 'each-round');
    expect(summary(r.awards)).toEqual(['r1:nhat:a', 'r1:nhi:b', 'r1:nhi:c', 'r1:ba:d', 'r1:ba:e', 'r1:ba:f']);
    expect(r.shortfalls).toEqual([]);
  });

  it('never splits a full tie: both share the higher prize and the next tier has one place fewer', () => {
    const tied: PrizeCandidate[] = [
      { id: 'a', rank: 1, score: 10 },
      { id: 'b', rank: 1, score: 10 },
      { id: 'c', rank: 3, score: 9 },
      { id: 'd', rank: 4, score: 8 },
      { id: 'e', rank: 5, score: 7 },
      { id: 'f', rank: 5, score: 7 },
      { id: 'g', rank: 5, score: 7 },
      { id: 'h', rank: 8, score: 6 },
    ];
    const r = allocatePrizes([{ roundId: 'r1', plan, ranking: tied }], 'each-round');
    expect(summary(r.awards)).toEqual(['r1:nhat:a*', 'r1:nhat:b*', 'r1:nhi:c', 'r1:ba:d', 'r1:ba:e*', 'r1:ba:f*', 'r1:ba:g*']);
  });

  it('reports tiers left short of people, and honours a minimum score', () => {
    const withMin = parsePrizePlan({
      tiers: [
        { code: 'nhat', name: 'Giải Nhất', count: 1 },
        { code: 'kk', name: 'Khuyến khích', count: 3 },
      ],
      minScore: 99,
    });
    const r = allocatePrizes([{ roundId: 'r1', plan: withMin, ranking: ranking('a', 'b', 'c') }], 'each-round');
    expect(summary(r.awards)).toEqual(['r1:nhat:a', 'r1:kk:b']);
    expect(r.shortfalls).toEqual([{ roundId: 'r1', group: null, tierCode: 'kk', planned: 3, awarded: 1 }]);
  });

  it('lets a person win in several rounds when allowed', () => {
    const r = allocatePrizes(
      [
        { roundId: 'w1', plan, ranking: ranking('a', 'b', 'c') },
        { roundId: 'w2', plan, ranking: ranking('a', 'c', 'b') },
      ],
      'each-round',
    );
    expect(r.awards.filter((a) => a.personId === 'a').map((a) => a.roundId)).toEqual(['w1', 'w2']);
  });

  it('keeps only each person’s highest prize and passes the other on to the next person', () => {
    const r = allocatePrizes(
      [
        { roundId: 'w1', plan, ranking: ranking('a', 'b', 'c', 'd', 'e', 'f', 'g') },
        { roundId: 'w2', plan, ranking: ranking('b', 'a', 'x', 'c', 'y', 'z', 'q') },
      ],
      'highest-only',
    );
    // a and b take both first prizes; w2's second prizes skip a, and c (second in w1) is skipped by w2's third.
    expect(summary(r.awards)).toEqual([
      'w1:nhat:a',
      'w2:nhat:b',
      'w1:nhi:c',
      'w1:nhi:d',
      'w2:nhi:x',
      'w2:nhi:y',
      'w1:ba:e',
      'w1:ba:f',
      'w1:ba:g',
      'w2:ba:z',
      'w2:ba:q',
    ]);
    const people = r.awards.map((a) => a.personId);
    expect(new Set(people).size).toBe(people.length);
    expect(r.shortfalls).toEqual([{ roundId: 'w2', group: null, tierCode: 'ba', planned: 3, awarded: 2 }]);
  });

  it('keeps published prizes and gives their holders nothing more', () => {
    const locked: Award[] = [{ personId: 'a', roundId: 'w1', tierCode: 'ba', tierName: 'Giải Ba', level: 3, rank: 5, group: null, boundaryTie: false }];
    const r = allocatePrizes([{ roundId: 'w2', plan, ranking: ranking('a', 'b', 'c') }], 'highest-only', locked);
    expect(summary(r.awards)).toEqual(['w1:ba:a', 'w2:nhat:b', 'w2:nhi:c']);
    expect(r.awards[0].locked).toBe(true);
  });

  it('awards each group by its own quotas (provincial, district, commune rapporteurs)', () => {
    const grouped = parsePrizePlan({
      tiers: [
        { code: 'nhat', name: 'Giải Nhất', perGroup: { tinh: 1, xa: 1 } },
        { code: 'nhi', name: 'Giải Nhì', perGroup: { tinh: 1, xa: 2 } },
      ],
    });
    const people: PrizeCandidate[] = [
      { id: 't1', rank: 1, score: 95, group: 'tinh' },
      { id: 'x1', rank: 2, score: 94, group: 'xa' },
      { id: 't2', rank: 3, score: 93, group: 'tinh' },
      { id: 't3', rank: 4, score: 92, group: 'tinh' },
      { id: 'x2', rank: 5, score: 91, group: 'xa' },
      { id: 'n1', rank: 6, score: 90, group: null },
    ];
    const r = allocatePrizes([{ roundId: 'final', plan: grouped, ranking: people }], 'each-round');
    expect(summary(r.awards)).toEqual(['final:nhat:t1', 'final:nhat:x1', 'final:nhi:t2', 'final:nhi:x2']);
    expect(r.awards.find((a) => a.personId === 'x2')!.group).toBe('xa');
    expect(r.shortfalls).toEqual([{ roundId: 'final', group: 'xa', tierCode: 'nhi', planned: 2, awarded: 1 }]);
  });

  it('validates plans, naming each bad field', () => {
    try {
      parsePrizePlan({
        tiers: [
          { code: 'A', name: '', count: -1 },
          { code: 'b', name: 'B', perGroup: { x: 1 }, level: 0 },
        ],
        minScore: 'x',
      });
      throw new Error('expected 400');
    } catch (e) {
      expect((e as DomainError).code).toBe('invalid_prize_plan');
      expect(((e as DomainError).details as { field: string }[]).map((d) => d.field).sort()).toEqual([
        'minScore',
        'tiers[0].code',
        'tiers[0].count',
        'tiers[0].name',
        'tiers[1]',
        'tiers[1].level',
      ]);
    }
    expect(() =>
      parsePrizePlan({
        tiers: [
          { code: 'a', name: 'A', count: 1, level: 2 },
          { code: 'b', name: 'B', count: 1, level: 1 },
        ],
      }),
    ).toThrow(/tiers\[1\]\.level/);
  });
});
