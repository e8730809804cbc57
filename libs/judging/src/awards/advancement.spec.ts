import { DomainError } from '@lc/platform';
import { AdvancementCandidate, parseAdvancementRule, selectAdvancing } from './advancement';

const c = (id: string, rank: number, score: number, unit: string | null = null, group: string | null = null): AdvancementCandidate => ({
  id,
  rank,
  score,
  unit,
  group,
});

describe('advancement', () => {
  const ranking = [
    c('a', 1, 95, 'Huyện A', 'bcv'),
    c('b', 2, 90, 'Huyện A', 'bcv'),
    c('c', 3, 88, 'Huyện A', 'ttv'),
    c('d', 4, 80, 'Huyện B', 'ttv'),
    c('e', 4, 80, 'Huyện B', 'ttv'),
    c('f', 6, 70, null, 'bcv'),
    c('g', 7, 60, 'Huyện B', 'bcv'),
  ];

  it('advances the top N, sharing the last place on a full tie', () => {
    const r = selectAdvancing(ranking, parseAdvancementRule({ kind: 'top', count: 4 }));
    expect(r.advancing.map((a) => `${a.personId}${a.boundaryTie ? '*' : ''}`)).toEqual(['a', 'b', 'c', 'd*', 'e*']);
    expect(selectAdvancing(ranking, { kind: 'top', count: 10, minScore: 85 }).advancing.map((a) => a.personId)).toEqual(['a', 'b', 'c']);
  });

  it('advances everyone above a threshold', () => {
    expect(selectAdvancing(ranking, parseAdvancementRule({ kind: 'threshold', minScore: 80 })).advancing).toHaveLength(5);
  });

  it('sends 1 rapporteur + 1 communicator per district', () => {
    const r = selectAdvancing(ranking, parseAdvancementRule({ kind: 'quota', by: ['unit', 'group'], perBucket: 1, buckets: { 'Huyện C | bcv': 1 } }));
    expect(r.advancing.map((a) => `${a.bucket}:${a.personId}${a.boundaryTie ? '*' : ''}`)).toEqual([
      'Huyện A | bcv:a',
      'Huyện A | ttv:c',
      'Huyện B | bcv:g',
      'Huyện B | ttv:d*',
      'Huyện B | ttv:e*',
    ]);
    expect(r.shortfalls).toEqual([{ bucket: 'Huyện C | bcv', quota: 1, filled: 0 }]);
    expect(r.unplaced).toEqual(['f']);
  });

  it('adds judges’ picks once, with their rank if they have one', () => {
    const r = selectAdvancing(ranking, { kind: 'top', count: 1 }, ['a', 'g', 'outsider']);
    expect(r.advancing.map((a) => [a.personId, a.reason, a.rank])).toEqual([
      ['a', 'top', 1],
      ['g', 'picked', 7],
      ['outsider', 'picked', null],
    ]);
    expect(selectAdvancing(ranking, { kind: 'picked' }, ['b']).advancing.map((a) => a.personId)).toEqual(['b']);
  });

  it('rejects bad rules', () => {
    for (const bad of [
      { kind: 'top', count: 0 },
      { kind: 'quota', by: ['unit', 'unit'], perBucket: 1 },
      { kind: 'lottery' },
      { kind: 'threshold' },
      'top 10',
    ]) {
      expect(() => parseAdvancementRule(bad)).toThrow(DomainError);
    }
  });
});
