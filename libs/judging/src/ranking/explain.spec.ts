import { explainFromNeighbours, explainPlace } from './explain';
import { rankRound } from './rank-round';
import { parseRankingRules } from './rules';
import { OPENS_AT, row } from '../../test/ranking-rows';

const ctx = { actual: 1000, opensAt: OPENS_AT };

describe('explainPlace', () => {
  const rows = [
    row('first', { score: 10, prediction: 1000, timeTakenMs: 90_000 }),
    row('me', { score: 10, prediction: 1010, timeTakenMs: 30_000, attemptNo: 2, at: 3600 }),
    row('me', { score: 6, prediction: 1000, attemptNo: 1 }),
    row('tied-a', { score: 8, timeTakenMs: 754_250 }),
    row('tied-b', { score: 8, timeTakenMs: 754_250 }),
  ];
  const ranking = rankRound(rows, parseRankingRules({}), ctx);

  it('says in Vietnamese why a person is behind and ahead of their neighbours, with both values', () => {
    const e = explainPlace(ranking, 'me')!;
    expect(e.rank).toBe(2);
    expect(e.lines.map((l) => l.key)).toEqual([
      'ranking.explain.place',
      'ranking.explain.rules',
      'ranking.explain.attempt',
      'ranking.explain.prediction',
      'ranking.explain.behind.prediction',
      'ranking.explain.ahead.score',
    ]);
    expect(e.vi).toContain('Bạn xếp hạng 2 trên 4 người dự thi.');
    expect(e.vi).toContain('Xếp sau người hạng 1 vì dự đoán xa kết quả hơn: chênh lệch 10 so với chênh lệch 0.');
    expect(e.vi).toContain('Xếp trên người hạng 3 vì điểm cao hơn: 10 điểm so với 8 điểm.');
    expect(e.vi).toContain('bài tốt nhất trong 2 lượt thi hợp lệ: 10/10 điểm, thời gian làm bài 30 giây');
    expect(e.vi).toContain('nộp lúc 01/03/2026 09:00:00.000 (giờ Việt Nam)');
    expect(e.vi).toContain('Dự đoán của bạn: 1.010; kết quả: 1.000; chênh lệch 10.');
    expect(e.en).toContain('Behind place 1: prediction further from the actual value: distance 10 vs distance 0.');
    expect(e.lines[4].params).toEqual({ otherRank: 1, mine: 'chênh lệch 10', theirs: 'chênh lệch 0' });
  });

  it('explains a shared rank and formats long durations', () => {
    const e = explainPlace(ranking, 'tied-b')!;
    expect(e.rank).toBe(3);
    expect(e.lines.at(-1)!.key).toBe('ranking.explain.behind.tie');
    expect(e.vi).toContain('Bằng người hạng 3 ở mọi tiêu chí của thể lệ nên đồng hạng.');
    expect(e.vi).toContain('12 phút 34,25 giây');
    expect(e.vi).toContain('Bạn không trả lời câu hỏi dự đoán (kết quả: 1.000).');
  });

  it('names under-before-over when the chain has it, and says the next rule decided when it does not', () => {
    const chained = parseRankingRules({ chain: ['score', 'prediction', 'under-before-over', 'time-taken', 'submitted-at'] });
    const r = rankRound([row('under', { prediction: 990, timeTakenMs: 90_000 }), row('over', { prediction: 1010, timeTakenMs: 30_000 })], chained, ctx);
    const over = explainPlace(r, 'over')!;
    expect(over.vi).toContain('cùng độ chênh lệch thì dự đoán không vượt quá kết quả xếp trước (dưới trước trên)');
    expect(over.vi).toContain(
      'Xếp sau người hạng 1 vì cùng độ chênh lệch, thể lệ xếp dự đoán không vượt quá kết quả trước dự đoán vượt quá kết quả (dưới trước trên): dự đoán 1.010 so với dự đoán 990.',
    );
    expect(over.lines.map((l) => l.key)).not.toContain('ranking.explain.equalDistance');

    const plain = rankRound(
      [row('under', { prediction: 990, timeTakenMs: 90_000 }), row('over', { prediction: 1010, timeTakenMs: 30_000 })],
      parseRankingRules({}),
      ctx,
    );
    const under = explainPlace(plain, 'under')!;
    expect(under.rank).toBe(2);
    expect(under.vi).toContain('Xếp sau người hạng 1 vì thời gian làm bài dài hơn');
    expect(under.vi).toContain(
      'Dự đoán 990 và 1.010 cùng chênh lệch 10 so với kết quả (một dưới, một trên); thể lệ không có tiêu chí “dưới trước trên” nên xét tiếp tiêu chí sau.',
    );
    expect(under.vi).not.toContain('dưới trước trên)');
  });

  it('still explains results stored under the retired equal-distance setting', () => {
    const stored = { ...parseRankingRules({}), equalDistance: 'earlier' } as ReturnType<typeof parseRankingRules>;
    const me = { ...rankRound([row('x', { prediction: 990 })], stored, ctx).results[0], rank: 2, vsPrevious: 'prediction-equal-distance' as const };
    const prev = { ...me, personId: 'y', rank: 1, prediction: 1010, vsPrevious: null };
    const e = explainFromNeighbours({ me, previous: prev, next: null, total: 2, rules: stored, actual: 1000 });
    expect(e.vi).toContain('thể lệ xếp người nộp bài sớm hơn trước');
  });

  it('speaks of the person in the third person, by name, when staff read it', () => {
    const mine = explainPlace(ranking, 'me')!;
    const staff = explainPlace(ranking, 'me', { reader: 'staff', name: 'Nguyễn V. A.' })!;
    expect(mine.perspective).toBe('self');
    expect(staff.perspective).toBe('staff');
    expect(staff.lines.map((l) => l.key)).toEqual(mine.lines.map((l) => l.key));
    expect(staff.vi).toContain('Nguyễn V. A. xếp hạng 2 trên 4 người dự thi.');
    expect(staff.vi).toContain('Dự đoán của Nguyễn V. A.: 1.010; kết quả: 1.000; chênh lệch 10.');
    expect(staff.vi).not.toMatch(/\bbạn\b/i);
    expect(staff.en).toContain('Nguyễn V. A. placed 2 of 4 entrants.');
    expect(staff.en).toContain("is Nguyễn V. A.'s best of 2 valid attempts");
    expect(staff.en).toContain("Nguyễn V. A.'s prediction: 1,010");
    expect(staff.en).not.toMatch(/\byour?\b/i);
    expect(staff.lines[0].params).toEqual({ rank: 2, total: 4, name: 'Nguyễn V. A.' });
    const none = explainPlace(ranking, 'tied-b', { reader: 'staff', name: 'Trần T. B.' })!;
    expect(none.vi).toContain('Trần T. B. không trả lời câu hỏi dự đoán (kết quả: 1.000).');
    expect(none.en).toContain('Trần T. B. gave no prediction');
  });

  it('returns null for someone not ranked', () => {
    expect(explainPlace(ranking, 'nobody')).toBeNull();
  });
});
