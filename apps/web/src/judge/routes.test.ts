import { describe, expect, it } from 'vitest';
import { paths, ROUTES, STAFF_ROUTES } from '../app/routes';
import { matchRoute } from '../shared/router';

describe('judging routes', () => {
  it('matches the judge, results and hand-in paths, staff ones in the staff chunk', () => {
    expect(matchRoute(ROUTES, paths.judgeResults('r1'))).toEqual({ name: 'judgeResults', params: { roundId: 'r1' } });
    expect(matchRoute(ROUTES, paths.judgeEntry('e1'))).toEqual({ name: 'judgeEntry', params: { entryId: 'e1' } });
    expect(matchRoute(ROUTES, paths.handIn('r1'))).toEqual({ name: 'handIn', params: { roundId: 'r1' } });
    expect(STAFF_ROUTES.has('judgeResults') && STAFF_ROUTES.has('judgeEntry')).toBe(true);
    expect(STAFF_ROUTES.has('handIn') || STAFF_ROUTES.has('results')).toBe(false);
  });
});
