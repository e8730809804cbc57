import { offsetFrom } from './clock-offset';

describe('offsetFrom (our clock against Redis TIME)', () => {
  it('is 0 with no reading, and the midpoint rule for one', () => {
    expect(offsetFrom([])).toBe(0);
    expect(offsetFrom([{ before: 1000, redisMs: 1502, after: 1004 }])).toBe(500);
  });

  it('trusts the fastest round trip, not the latest: a reply that waited 40 ms in a busy event loop does not move the clock 20 ms', () => {
    // Same clock on both sides. The slow reading's reply sat in our queue: Redis read its clock at our 2,000.
    const fast = { before: 1000, redisMs: 1001, after: 1002 };
    const slow = { before: 2000, redisMs: 2000, after: 2040 };
    expect(offsetFrom([fast, slow])).toBe(0);
    // The same for a request that waited before it was sent: Redis read at our 3,040, which put "now" 20 ms ahead.
    expect(offsetFrom([{ before: 3000, redisMs: 3040, after: 3040 }, fast])).toBe(0);
  });
});
