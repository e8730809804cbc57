import { describe, expect, it } from 'vitest';
import { changedRoundFields, emptyRound, fromRound, roundBody, validateRound, type StaffRound } from './round-form';

// Only the fields the form reads; the rest of the generated type does not matter here.
const saved = {
  id: 'r1',
  title: 'Tuần 1',
  kind: 'quiz',
  status: 'open',
  // Seconds and milliseconds: the form shows minutes, so these must never be sent back unchanged.
  opensAt: '2026-05-04T01:00:17.345Z',
  closesAt: '2026-05-10T13:00:00.000Z',
  durationSeconds: 1200,
  maxAttempts: 3,
  attemptScoring: 'best',
  selection: [{ bankId: 'b1', count: 20, types: ['single'] }],
  shuffleQuestions: true,
  shuffleOptions: false,
  partialCredit: false,
  predictionQuestion: { prompt: 'Bao nhiêu người đúng hết?', actual: null },
  prediction: { target: 'entrants', countBy: 'people' },
  leaderboard: { visibility: 'live', freezeAt: null, hidePredictionFigures: true },
  prizes: [{ name: 'Giải Nhất', count: 1 }],
  advancement: { mode: 'top', topN: 10 },
  entry: 'open',
  integrity: { minSecondsPerQuestion: 3, maxAccountsPerDevice: 2, maxAccountsPerIp: 50 },
} as StaffRound;

describe('editing a round', () => {
  it('fills the form with the saved round in Vietnam time', () => {
    const f = fromRound(saved);
    expect(f).toMatchObject({
      title: 'Tuần 1',
      opensAt: '04/05/2026 08:00',
      closesAt: '10/05/2026 20:00',
      durationMinutes: '20',
      maxAttempts: '3',
      shuffleOptions: false,
      predictionEnabled: true,
      predictionTarget: 'entrants',
      advancement: 'top',
      topN: '10',
    });
    expect(f.selection).toEqual([{ bankId: 'b1', topic: '', difficulty: '', types: ['single'], count: '20' }]);
  });

  it('sends only what changed, so an opened round is not refused for fields nobody touched', () => {
    const f = fromRound(saved);
    expect(changedRoundFields(f, f)).toEqual({});
    expect(changedRoundFields(f, { ...f, title: 'Tuần 1 (sửa)', maxAttempts: '4' })).toEqual({ title: 'Tuần 1 (sửa)', maxAttempts: 4 });
  });

  it('sends null for a setting the organiser removed', () => {
    const f = fromRound(saved);
    expect(changedRoundFields(f, { ...f, advancement: 'none', predictionEnabled: false })).toMatchObject({ advancement: null, predictionQuestion: null });
  });

  it('edits the integrity thresholds: 0 seconds turns the too-fast flag off, a negative one is refused', () => {
    const f = fromRound(saved);
    expect(f).toMatchObject({ minSecondsPerQuestion: '3', maxAccountsPerIp: '50' });
    expect(changedRoundFields(f, { ...f, minSecondsPerQuestion: '0' })).toEqual({
      integrity: { minSecondsPerQuestion: 0, maxAccountsPerDevice: 2, maxAccountsPerIp: 50 },
    });
    expect(validateRound({ ...f, minSecondsPerQuestion: '-1' }).minSecondsPerQuestion).toMatch(/từ 0 đến 600/);
    expect(validateRound({ ...f, maxAccountsPerDevice: '1' }).maxAccountsPerDevice).toBeDefined();
    expect(roundBody(emptyRound()).integrity).toEqual({ minSecondsPerQuestion: 2, maxAccountsPerDevice: 2, maxAccountsPerIp: 20 });
  });
});
