import { type Durations, serverSideLatency } from './server-latency';

const les = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, Infinity];
/** Cumulative counts from per-bucket counts, as /metrics gives them. */
const hist = (perBucket: number[]): Map<number, number> => {
  let sum = 0;
  return new Map(les.map((le, i) => [le, (sum += perBucket[i] ?? 0)]));
};

describe('serverSideLatency', () => {
  it('reads p50 and p99 inside their buckets from the requests between two scrapes', () => {
    const before: Durations = new Map([['POST /api/v1/attempts/:id/submit', hist([50])]]);
    // 1,000 more: 900 under 5 ms, 80 in 5–10 ms, 20 in 250–500 ms (the 990th halfway into those).
    const after: Durations = new Map([['POST /api/v1/attempts/:id/submit', hist([950, 80, 0, 0, 0, 0, 20])]]);
    expect(serverSideLatency(before, after)).toEqual({ 'POST /api/v1/attempts/:id/submit': { count: 1000, p50: 3, p99: 375 } });
  });

  it('says a p99 past the last bucket as "> 5000", and leaves out routes with few requests', () => {
    const after: Durations = new Map([
      ['PUT /a', hist([980, 0, 0, 0, 0, 0, 0, 0, 0, 0, 20])],
      ['GET /b', hist([99])],
    ]);
    expect(serverSideLatency(new Map(), after)).toEqual({ 'PUT /a': { count: 1000, p50: 3, p99: '> 5000' } });
  });
});
