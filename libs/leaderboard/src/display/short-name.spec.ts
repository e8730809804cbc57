import { shortName } from './short-name';

describe('shortName', () => {
  it('keeps the family name and abbreviates the others', () => {
    expect(shortName('Nguyễn Thị Bình')).toBe('Nguyễn T. B.');
    expect(shortName('  Trần   văn  đức ')).toBe('Trần V. Đ.');
    expect(shortName('Lê Ánh')).toBe('Lê Á.');
  });

  it('normalises decomposed input to one letter per initial', () => {
    expect(shortName('Phạm Ước'.normalize('NFD'))).toBe('Phạm Ư.');
  });

  it('shows a single name as is and a missing one as a dash', () => {
    expect(shortName('Hùng')).toBe('Hùng');
    expect(shortName('')).toBe('—');
    expect(shortName(null)).toBe('—');
  });
});
