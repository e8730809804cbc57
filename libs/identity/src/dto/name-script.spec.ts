import { mixesLookalikeScripts } from './name-script';

describe('mixesLookalikeScripts', () => {
  it('accepts Vietnamese, and names wholly in another script', () => {
    for (const n of ['Nguyễn Thị Ánh', 'Đặng Văn Ơn', 'Nguyễn Thị Ánh'.normalize('NFD'), 'Иван Петров', 'Νίκος', "O'Neil-Trần"])
      expect(mixesLookalikeScripts(n)).toBe(false);
  });
  it('refuses Latin mixed with Cyrillic or Greek look-alikes', () => {
    for (const n of ['Nguyễn Văn Аn', 'Trần Thị Βình', 'Lе Văn Tám']) expect(mixesLookalikeScripts(n)).toBe(true);
  });
});
