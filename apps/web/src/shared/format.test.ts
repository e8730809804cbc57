import { describe, expect, it } from 'vitest';
import { ageOn, formatDateTime, formatDuration, formatScore, formatTimeTaken, isoToVnLocalInput, roundPhase, vnLocalInputToIso } from './format';

describe('Vietnam time', () => {
  it('shows UTC instants in Asia/Ho_Chi_Minh', () => {
    expect(formatDateTime('2025-07-01T01:30:00.000Z')).toBe('08:30, 01/07/2025');
    expect(formatDateTime('2025-06-30T17:00:00.000Z')).toBe('00:00, 01/07/2025');
    expect(formatDateTime(null)).toBe('—');
  });

  it('round-trips datetime-local inputs typed in Vietnam time', () => {
    expect(vnLocalInputToIso('2025-07-01T08:30')).toBe('2025-07-01T01:30:00.000Z');
    expect(isoToVnLocalInput('2025-07-01T01:30:00.000Z')).toBe('2025-07-01T08:30');
    expect(vnLocalInputToIso('01/07/2025')).toBeNull();
  });
});

describe('durations and scores', () => {
  it('speaks Vietnamese', () => {
    expect(formatDuration(1200)).toBe('20 phút');
    expect(formatDuration(3900)).toBe('1 giờ 5 phút');
    expect(formatDuration(45)).toBe('45 giây');
    expect(formatTimeTaken(192_500)).toBe('3 phút 12,5 giây');
    expect(formatTimeTaken(8000)).toBe('8 giây');
    expect(formatScore(7.5, 10)).toBe('7,5/10');
    expect(formatScore(null)).toBe('—');
  });
});

describe('ageOn', () => {
  it('counts whole years', () => {
    expect(ageOn('2010-07-02', new Date(2026, 6, 1))).toBe(15);
    expect(ageOn('2010-07-01', new Date(2026, 6, 1))).toBe(16);
    expect(Number.isNaN(ageOn('01/07/2010', new Date()))).toBe(true);
  });
});

describe('roundPhase', () => {
  const r = { opensAt: '2025-07-01T00:00:00Z', closesAt: '2025-07-08T00:00:00Z' };
  it('follows the server clock unless the status says otherwise', () => {
    expect(roundPhase(r, Date.parse('2025-06-30T00:00:00Z'))).toBe('upcoming');
    expect(roundPhase(r, Date.parse('2025-07-02T00:00:00Z'))).toBe('open');
    expect(roundPhase(r, Date.parse('2025-07-08T00:00:00Z'))).toBe('closed');
    expect(roundPhase({ ...r, status: 'published' }, Date.parse('2025-07-02T00:00:00Z'))).toBe('published');
  });
});
