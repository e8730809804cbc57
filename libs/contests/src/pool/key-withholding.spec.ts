import { stillDrawing, withheldKeys } from './key-withholding';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-05-10T12:00:00Z').getTime();
const GRACE = 2000;
const round = (questionId: string, status: string, closesAt: string, closedAt: string | null = null) => ({
  questionId,
  roundId: `${questionId}-${closesAt}`,
  status,
  closesAt: at(closesAt),
  closedAt: closedAt ? at(closedAt) : null,
});

describe('key withholding', () => {
  it('holds while a round drawing the question is scheduled or open', () => {
    expect(stillDrawing(round('q', 'scheduled', '2026-05-17T13:00:00Z'), NOW, GRACE)).toBe(true);
    expect(stillDrawing(round('q', 'open', '2026-05-10T11:00:00Z'), NOW, GRACE)).toBe(true); // the close job is late: still open
    expect(stillDrawing(round('q', 'published', '2026-05-17T13:00:00Z'), NOW, GRACE)).toBe(false);
    expect(stillDrawing(round('q', 'draft', '2026-05-17T13:00:00Z'), NOW, GRACE)).toBe(false);
  });

  it('holds through the answer grace after closing, from the earlier of closesAt and the close', () => {
    expect(stillDrawing(round('q', 'closed', '2026-05-10T11:59:59Z', '2026-05-10T12:00:00Z'), NOW, GRACE)).toBe(true);
    expect(stillDrawing(round('q', 'closed', '2026-05-10T11:59:57Z', '2026-05-10T12:00:00Z'), NOW, GRACE)).toBe(false);
    // Closed early by staff: its nominal closesAt a week away does not keep the key.
    expect(stillDrawing(round('q', 'closed', '2026-05-17T13:00:00Z', '2026-05-10T11:59:00Z'), NOW, GRACE)).toBe(false);
  });

  it('withholds until the last round drawing the question closes', () => {
    const keys = withheldKeys(
      [
        round('a', 'open', '2026-05-17T13:00:00Z'),
        round('a', 'scheduled', '2026-05-24T13:00:00Z'),
        round('b', 'closed', '2026-05-09T13:00:00Z', '2026-05-09T13:00:00Z'),
        round('c', 'open', '2026-05-17T13:00:00Z'),
      ],
      NOW,
      GRACE,
    );
    expect(Object.fromEntries(keys)).toEqual({
      a: { reason: 'in_open_round', until: '2026-05-24T13:00:00.000Z' },
      c: { reason: 'in_open_round', until: '2026-05-17T13:00:00.000Z' },
    });
  });
});
