import { rankJudgedEntries } from './rank-entries';

const e = (personId: string, final: number, content = 0, delivery = 0) => ({
  personId,
  entryId: `e-${personId}`,
  final,
  criterionMeans: { content, delivery },
});

describe('rankJudgedEntries', () => {
  it('ranks by final score, then key criteria in order, sharing ranks on full ties', () => {
    const r = rankJudgedEntries([e('a', 80, 40, 30), e('b', 90), e('c', 80, 45, 20), e('d', 80, 40, 30), e('f', 80, 40, 31)], ['content', 'delivery']);
    expect(r.map((x) => `${x.rank}:${x.personId}:${x.vsPrevious}`)).toEqual(['1:b:null', '2:c:final', '3:f:content', '4:a:delivery', '4:d:tie']);
    expect(rankJudgedEntries([e('a', 80, 40), e('c', 80, 45)]).map((x) => x.rank)).toEqual([1, 1]);
  });
});
