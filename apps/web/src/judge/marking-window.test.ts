import { describe, expect, it } from 'vitest';
import { markingWindow } from './marking-window';

describe('marking window', () => {
  const closesAt = '2026-05-10T13:00:00.000Z';
  it('is closed while entries are still handed in, saying until when', () => {
    const w = markingWindow({ status: 'open', closesAt }, Date.parse(closesAt) - 1);
    expect(w).toEqual({ open: false, opensAt: closesAt, reason: expect.stringContaining('còn nhận bài đến 20:00, 10/05/2026') });
  });
  it('opens at the deadline, or when staff close the round early, until results are published', () => {
    expect(markingWindow({ status: 'open', closesAt }, Date.parse(closesAt))).toEqual({ open: true });
    expect(markingWindow({ status: 'closed', closesAt }, Date.parse(closesAt) - 3600_000)).toEqual({ open: true });
    expect(markingWindow({ status: 'published', closesAt }, Date.parse(closesAt) + 1)).toMatchObject({
      open: false,
      reason: expect.stringContaining('đã công bố'),
    });
  });
});
