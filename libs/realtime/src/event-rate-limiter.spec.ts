import { EventRateLimiter } from './event-rate-limiter';

describe('EventRateLimiter', () => {
  const limits = { perSecond: 20, burst: 40, patience: 40 };

  it('lets a normal client through indefinitely', () => {
    const l = new EventRateLimiter(limits, 0);
    for (let t = 0; t < 60_000; t += 100) {
      expect(l.take(t)).toBe('ok');
      expect(l.take(t + 1)).toBe('ok');
    }
  });

  it('allows a burst, then throttles', () => {
    const l = new EventRateLimiter(limits, 0);
    const v = Array.from({ length: 50 }, () => l.take(0));
    expect(v.slice(0, 40).every((x) => x === 'ok')).toBe(true);
    expect(v.slice(40).every((x) => x === 'throttled')).toBe(true);
  });

  it('disconnects a flood of 1,000 events per second within the first second', () => {
    const l = new EventRateLimiter(limits, 0);
    const verdicts: string[] = [];
    for (let i = 0; i < 1000; i++) verdicts.push(l.take(i));
    const cut = verdicts.indexOf('disconnect');
    expect(cut).toBeGreaterThan(40);
    expect(cut).toBeLessThan(200);
    expect(verdicts.slice(0, cut)).toContain('throttled');
  });

  it('forgives a client that backs off after being throttled', () => {
    const l = new EventRateLimiter(limits, 0);
    for (let i = 0; i < 60; i++) l.take(0);
    expect(l.take(0)).toBe('throttled');
    expect(l.take(5000)).toBe('ok');
    for (let i = 0; i < 45; i++) l.take(5000);
    expect(l.take(5000)).toBe('throttled');
  });
});
