import { describe, expect, it } from 'vitest';
import { hashQuery, matchRoute } from '../shared/router';
import { paths, ROUTES } from './routes';

describe('routes', () => {
  it('matches every path builder back to its route', () => {
    expect(matchRoute(ROUTES, paths.contest('bau-cu-2026'))).toEqual({ name: 'contest', params: { contestId: 'bau-cu-2026' } });
    expect(matchRoute(ROUTES, paths.leaderboard('r 1'))).toEqual({ name: 'leaderboard', params: { roundId: 'r 1' } });
    expect(matchRoute(ROUTES, paths.contestNew())?.name).toBe('contestNew');
    expect(matchRoute(ROUTES, paths.contestEdit('c1'))?.name).toBe('contestEdit');
    expect(matchRoute(ROUTES, paths.roundRules('r1'))).toEqual({ name: 'roundRules', params: { roundId: 'r1' } });
    expect(matchRoute(ROUTES, paths.awardRules('c1'))).toEqual({ name: 'awardRules', params: { contestId: 'c1' } });
    expect(matchRoute(ROUTES, paths.winners('r1'))).toEqual({ name: 'winners', params: { roundId: 'r1' } });
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

describe('admin and round-judge routes', () => {
  it('are staff routes that match their path builders', async () => {
    const { STAFF_ROUTES } = await import('./routes');
    for (const [name, p] of [
      ['adminOrganisations', paths.adminOrganisations()],
      ['adminStaff', paths.adminStaff()],
      ['adminStaffImport', paths.adminStaffImport()],
      ['roundJudges', paths.roundJudges('r1')],
    ] as const) {
      expect(matchRoute(ROUTES, p)?.name).toBe(name);
      expect(STAFF_ROUTES.has(name)).toBe(true);
    }
    expect(matchRoute(ROUTES, paths.roundJudges('r1'))?.params).toEqual({ roundId: 'r1' });
  });
});
