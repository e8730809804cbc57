import { describe, expect, it } from 'vitest';
import { earlySentAt, takeEarly, type EarlyFetch } from './early';

const entry = (over: Partial<EarlyFetch> = {}): EarlyFetch => ({
  url: '/api/v1/attempts/a1',
  token: 'tok',
  sentAt: 1000,
  response: Promise.resolve(new Response('{}')),
  ...over,
});

describe('takeEarly', () => {
  it('hands the early answer once, for the same URL and token, and remembers when it was asked for', () => {
    const list = [entry()];
    expect(takeEarly('/api/v1/attempts/a1', 'other', list, 2000)).toBeNull();
    expect(takeEarly('/api/v1/attempts/a2', 'tok', list, 2000)).toBeNull();
    expect(takeEarly('/api/v1/attempts/a1', 'tok', list, 2000)?.sentAt).toBe(1000);
    expect(earlySentAt('/api/v1/attempts/a1')).toBe(1000);
    expect(takeEarly('/api/v1/attempts/a1', 'tok', list, 2000)).toBeNull();
  });

  it('matches signed-out requests, and leaves a stale answer alone', () => {
    const list = [entry({ url: '/api/v1/contests?limit=50&offset=0', token: null })];
    expect(takeEarly('/api/v1/contests?limit=50&offset=0', undefined, list, 40_000)).toBeNull();
    expect(takeEarly('/api/v1/contests?limit=50&offset=0', undefined, list, 5000)).not.toBeNull();
    expect(takeEarly('/api/v1/contests', undefined, undefined)).toBeNull();
  });
});
