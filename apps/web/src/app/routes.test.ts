import { describe, expect, it } from 'vitest';
import { hashQuery, matchRoute } from '../shared/router';
import { paths, ROUTES } from './routes';

describe('routes', () => {
  it('matches every path builder back to its route', () => {
    expect(matchRoute(ROUTES, paths.contest('bau-cu-2026'))).toEqual({ name: 'contest', params: { contestId: 'bau-cu-2026' } });
    expect(matchRoute(ROUTES, paths.leaderboard('r 1'))).toEqual({ name: 'leaderboard', params: { roundId: 'r 1' } });
    expect(matchRoute(ROUTES, paths.contestNew())?.name).toBe('contestNew');
    expect(matchRoute(ROUTES, paths.contestEdit('c1'))?.name).toBe('contestEdit');
    expect(matchRoute(ROUTES, paths.roundJury('r1'))).toEqual({ name: 'roundJury', params: { roundId: 'r1' } });
    expect(matchRoute(ROUTES, paths.roundAdvance('r1'))).toEqual({ name: 'roundAdvance', params: { roundId: 'r1' } });
    expect(matchRoute(ROUTES, '/')?.name).toBe('home');
    expect(matchRoute(ROUTES, '/khong-co')).toBeNull();
  });

  it('carries a return path in the query', () => {
    const p = paths.login('/vong/r1');
    expect(matchRoute(ROUTES, p)?.name).toBe('login');
    expect(hashQuery(p).get('next')).toBe('/vong/r1');
  });

  it('survives malformed escapes', () => {
    expect(matchRoute(ROUTES, '/cuoc-thi/%E0%A4%A')).toBeNull();
  });
});
