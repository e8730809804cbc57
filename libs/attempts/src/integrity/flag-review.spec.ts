import { reviewState, unreviewedFlags } from './flag-review';

const f = (code: string) => ({ code, at: '2026-03-01T00:00:00.000Z' });

describe('reviews of flagged attempts', () => {
  it('counts as unreviewed every flag after those a judge covered, once per code', () => {
    expect(unreviewedFlags([f('too_fast')], 0)).toEqual(['too_fast']);
    expect(unreviewedFlags([f('too_fast')], 1)).toEqual([]);
    expect(unreviewedFlags([f('too_fast'), f('shared_ip'), f('identical_answers'), f('shared_ip')], 1)).toEqual(['shared_ip', 'identical_answers']);
    expect(unreviewedFlags([], 0)).toEqual([]);
    expect(unreviewedFlags(null, 0)).toEqual([]);
    expect(unreviewedFlags([f('too_fast')], -3)).toEqual(['too_fast']);
  });

  it('says where an attempt stands: no flags, pending, cleared, void', () => {
    expect(reviewState('submitted', [], 0)).toBe('none');
    expect(reviewState('submitted', [f('too_fast')], 0)).toBe('pending');
    expect(reviewState('expired', [f('too_fast')], 1)).toBe('cleared');
    // Flagged again after the clear: a new look is needed.
    expect(reviewState('submitted', [f('too_fast'), f('identical_answers')], 1)).toBe('pending');
    expect(reviewState('void', [f('too_fast')], 0)).toBe('void');
  });
});
