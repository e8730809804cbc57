import { ROUND_STATUSES, type RoundStatus } from '../round.types';
import { canMove, fromSql, movesFrom, ROUND_MOVES } from './round-transitions';

const ORDER: Record<RoundStatus, number> = { draft: 0, scheduled: 1, open: 2, closed: 3, published: 4 };

describe('round transitions', () => {
  it('allows exactly the five-state machine', () => {
    const allowed = ROUND_STATUSES.flatMap((from) => ROUND_STATUSES.filter((to) => canMove(from, to)).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(['closed→published', 'draft→closed', 'draft→scheduled', 'open→closed', 'scheduled→closed', 'scheduled→open'].sort());
  });

  it('only ever moves forward; published is final', () => {
    for (const m of Object.values(ROUND_MOVES)) for (const f of m.from) expect(ORDER[m.to]).toBeGreaterThan(ORDER[f]);
    for (const to of ROUND_STATUSES) expect(canMove('published', to)).toBe(false);
    for (const s of ROUND_STATUSES) expect(canMove(s, s)).toBe(false);
  });

  it('a close on time never touches a draft; only calling off does', () => {
    expect(movesFrom('close')).toEqual(['scheduled', 'open']);
    expect(movesFrom('callOff')).toEqual(['draft', 'scheduled']);
    expect(movesFrom('publish')).toEqual(['closed']);
  });

  it('renders the SQL list of a move', () => {
    expect(fromSql('close')).toBe("'scheduled', 'open'");
    expect(fromSql('open')).toBe("'scheduled'");
  });
});
