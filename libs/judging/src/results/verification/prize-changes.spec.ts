import { PrizeHolder, prizeChanges } from './prize-changes';

const holder = (userId: string, fullName: string, code: string, name: string, level: number): PrizeHolder => ({
  userId,
  fullName,
  prize: { code, name, level },
});

describe('prizeChanges', () => {
  it('lists who moved up and who lost their prize, best prize first', () => {
    const before = [holder('a', 'An', 'nhat', 'Giải Nhất', 1), holder('b', 'Bình', 'nhi', 'Giải Nhì', 2), holder('c', 'Chi', 'ba', 'Giải Ba', 3)];
    const after = [holder('b', 'Bình', 'nhat', 'Giải Nhất', 1), holder('c', 'Chi', 'nhi', 'Giải Nhì', 2), holder('d', 'Dũng', 'ba', 'Giải Ba', 3)];
    expect(prizeChanges(before, after)).toEqual([
      { userId: 'b', fullName: 'Bình', before: 'Giải Nhì', after: 'Giải Nhất' },
      { userId: 'c', fullName: 'Chi', before: 'Giải Ba', after: 'Giải Nhì' },
      { userId: 'd', fullName: 'Dũng', before: null, after: 'Giải Ba' },
      { userId: 'a', fullName: 'An', before: 'Giải Nhất', after: null },
    ]);
  });

  it('is empty when no prize changed hands', () => {
    const same = [holder('a', 'An', 'nhat', 'Giải Nhất', 1)];
    expect(prizeChanges(same, same)).toEqual([]);
  });

  it('says plainly when a prize found no one to pass to', () => {
    expect(prizeChanges([holder('a', 'An', 'kk', 'Giải Khuyến khích', 4)], [])).toEqual([
      { userId: 'a', fullName: 'An', before: 'Giải Khuyến khích', after: null },
    ]);
  });
});
