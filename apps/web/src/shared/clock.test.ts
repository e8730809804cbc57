import { describe, expect, it } from 'vitest';
import { clockOffset, crossedThreshold, deadlineWarning, formatCountdown, remainingMs, speakCountdown } from './clock';

describe('clockOffset', () => {
  it('is server minus local at receipt when the send time is unknown', () => {
    const local = Date.parse('2025-07-01T00:00:00.000Z');
    expect(clockOffset('2025-07-01T00:00:05.000Z', local)).toBe(5000);
    expect(clockOffset('2025-06-30T23:59:50.000Z', local)).toBe(-10_000);
  });

  it('uses the midpoint of the round trip when the send time is known', () => {
    const sent = 1_000_000;
    const received = sent + 400; // server stamped ~200 ms after send
    expect(clockOffset(sent + 200 + 3000, received, sent)).toBe(3000);
  });

  it('ignores an unparseable server time', () => {
    expect(clockOffset('not a date', 123)).toBe(0);
  });
});

describe('remainingMs', () => {
  const deadline = '2025-07-01T10:10:00.000Z';
  const deadlineMs = Date.parse(deadline);

  it('counts down on the server clock, whatever the phone clock says', () => {
    // Phone is 1 hour behind: offset +1h. Server time now = deadline − 90 s.
    const offset = 3_600_000;
    const localNow = deadlineMs - 90_000 - offset;
    expect(remainingMs(deadline, offset, localNow)).toBe(90_000);
  });

  it('is right after the phone slept, because it recomputes from the deadline', () => {
    const offset = -2500;
    const before = deadlineMs - 600_000 - offset;
    expect(remainingMs(deadline, offset, before)).toBe(600_000);
    // 7 minutes of sleep without any tick in between.
    expect(remainingMs(deadline, offset, before + 420_000)).toBe(180_000);
  });

  it('never goes negative', () => {
    expect(remainingMs(deadline, 0, deadlineMs + 5000)).toBe(0);
  });
});

describe('formatting', () => {
  it('rounds up to whole seconds', () => {
    expect(formatCountdown(61_001)).toBe('01:02');
    expect(formatCountdown(59_999)).toBe('01:00');
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatCountdown(3_600_000 + 5000)).toBe('1:00:05');
  });

  it('speaks in Vietnamese', () => {
    expect(speakCountdown(245_000)).toBe('Còn 4 phút 5 giây');
    expect(speakCountdown(3_600_000)).toBe('Còn 1 giờ');
    expect(speakCountdown(0)).toBe('Còn 0 giây');
  });
});

describe('crossedThreshold', () => {
  it('reports a threshold once, when crossed', () => {
    expect(crossedThreshold(61_000, 60_000)).toBe(60);
    expect(crossedThreshold(60_000, 59_000)).toBeNull();
    expect(crossedThreshold(400_000, 250_000)).toBe(300);
  });
});

describe('deadlineWarning', () => {
  it('escalates when offline near the deadline', () => {
    expect(deadlineWarning(10 * 60_000, false, 0)).toBe('none');
    expect(deadlineWarning(4 * 60_000, false, 0)).toBe('offline_soon');
    expect(deadlineWarning(4 * 60_000, true, 3)).toBe('none');
    expect(deadlineWarning(90_000, true, 3)).toBe('unsent_soon');
    expect(deadlineWarning(90_000, true, 0)).toBe('soon');
    expect(deadlineWarning(0, true, 0)).toBe('over');
  });
});
