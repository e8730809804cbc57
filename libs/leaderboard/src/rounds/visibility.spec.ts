import { boardViewFor, parseLeaderboardSettings, residentMayKnow, RoundBoardInfo } from './visibility';

const base: RoundBoardInfo = {
  id: 'r',
  status: 'open',
  contestId: 'c',
  contestStatus: 'published',
  organisationId: 'o',
  scoring: 'best',
  visibility: 'live',
  freezeAtMs: null,
  predictionTarget: null,
  hidePredictionFigures: true,
};
const freezeAt = Date.parse('2026-03-01T10:00:00Z');

describe('boardViewFor', () => {
  it('shows a live board to everyone', () => {
    expect(boardViewFor(base, false, freezeAt)).toBe('live');
  });

  it('freezes for residents from freezeAt, never for staff, and not before', () => {
    const r = { ...base, visibility: 'frozen' as const, freezeAtMs: freezeAt };
    expect(boardViewFor(r, false, freezeAt - 1)).toBe('live');
    expect(boardViewFor(r, false, freezeAt)).toBe('frozen');
    expect(boardViewFor(r, true, freezeAt + 1)).toBe('live');
  });

  it('hides from residents until results are published', () => {
    const r = { ...base, visibility: 'hidden' as const };
    expect(boardViewFor(r, false, 0)).toBe('hidden');
    expect(boardViewFor({ ...r, status: 'closed' }, false, 0)).toBe('hidden');
    expect(boardViewFor({ ...r, status: 'published' }, false, 0)).toBe('live');
    expect(boardViewFor({ ...base, visibility: 'frozen', freezeAtMs: 0, status: 'published' }, false, 1)).toBe('live');
  });
});

describe('residentMayKnow', () => {
  it('hides draft rounds and unpublished contests unless registered', () => {
    expect(residentMayKnow(base, false)).toBe(true);
    expect(residentMayKnow({ ...base, status: 'draft' }, true)).toBe(false);
    expect(residentMayKnow({ ...base, contestStatus: 'draft' }, false)).toBe(false);
    expect(residentMayKnow({ ...base, contestStatus: 'draft' }, true)).toBe(true);
  });
});

describe('parseLeaderboardSettings', () => {
  it('reads the jsonb column defensively', () => {
    expect(parseLeaderboardSettings(null)).toEqual({ visibility: 'live', freezeAtMs: null, hidePredictionFigures: true });
    expect(parseLeaderboardSettings({ visibility: 'frozen', freezeAt: '2026-03-01T10:00:00Z' })).toEqual({
      visibility: 'frozen',
      freezeAtMs: freezeAt,
      hidePredictionFigures: true,
    });
    expect(parseLeaderboardSettings({ visibility: 'weird', freezeAt: 'nope', hidePredictionFigures: 'no' })).toEqual({
      visibility: 'live',
      freezeAtMs: null,
      hidePredictionFigures: true,
    });
    // Only an explicit false turns the prediction guard off.
    expect(parseLeaderboardSettings({ visibility: 'live', hidePredictionFigures: false }).hidePredictionFigures).toBe(false);
  });
});
