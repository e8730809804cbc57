import { concealmentFor, concealRows, concealStanding, concealTotal, TOP_N, visibleRange } from './prediction-guard';

const open = { status: 'open', predictionTarget: 'entrants', hidePredictionFigures: true };
const row = (rank: number, userId = `u${rank}`) => ({ rank, userId, displayName: userId, unit: null, province: null, score: 10, timeTakenMs: 1000 });

describe('prediction guard', () => {
  it('applies to residents while a round with a prediction question takes entries, when the organiser keeps it on', () => {
    expect(concealmentFor(open, false)).toEqual({ reason: 'prediction_open', topN: TOP_N, hidden: ['total', 'ranks-beyond-top'] });
    expect(concealmentFor({ ...open, status: 'scheduled' }, false)).not.toBeNull();
    expect(concealmentFor(open, true)).toBeNull();
    expect(concealmentFor({ ...open, status: 'closed' }, false)).toBeNull();
    expect(concealmentFor({ ...open, status: 'published' }, false)).toBeNull();
    expect(concealmentFor({ ...open, hidePredictionFigures: false }, false)).toBeNull();
    expect(concealmentFor({ ...open, predictionTarget: null }, false)).toBeNull();
  });

  it('hides what each target reads', () => {
    expect(concealmentFor({ ...open, predictionTarget: 'perfect-score-entrants' }, false)!.hidden).toEqual(['scores', 'ranks-beyond-top']);
    expect(concealmentFor({ ...open, predictionTarget: 'custom' }, false)!.hidden).toEqual(['total', 'scores', 'ranks-beyond-top']);
  });

  it('lists only the top N', () => {
    const c = concealmentFor(open, false);
    expect(visibleRange(0, 50, c)).toEqual({ offset: 0, limit: TOP_N });
    expect(visibleRange(15, 10, c)).toEqual({ offset: 15, limit: 5 });
    expect(visibleRange(TOP_N, 10, c)).toBeNull();
    expect(visibleRange(TOP_N, 10, null)).toEqual({ offset: TOP_N, limit: 10 });
    expect(concealRows([row(20), row(21)], c).map((r) => r.rank)).toEqual([20]);
  });

  it("blanks others' scores for a perfect-score target, keeping the viewer's own", () => {
    const c = concealmentFor({ ...open, predictionTarget: 'perfect-score-entrants' }, false);
    expect(concealRows([row(1), row(2, 'me')], c, 'me').map((r) => r.score)).toEqual([null, 10]);
    expect(concealRows([row(1)], concealmentFor(open, false))[0].score).toBe(10);
  });

  it('withholds a rank beyond the top N and a hidden total, never the own score', () => {
    const c = concealmentFor(open, false);
    expect(concealStanding({ rank: 21, score: 3, total: 40 }, c)).toEqual({ rank: null, score: 3, total: null });
    expect(concealStanding({ rank: 20, score: 3, total: 40 }, c)).toEqual({ rank: 20, score: 3, total: null });
    expect(concealTotal(40, concealmentFor({ ...open, predictionTarget: 'perfect-score-entrants' }, false))).toBe(40);
  });
});
