import { describe, expect, it } from 'vitest';
import { archivePrompt, offsetAfterRemoval, shortStem } from './bank-model';

describe('bank page: archiving a question', () => {
  it('cuts a long stem at a word, keeps a short one whole', () => {
    expect(shortStem('Tuổi được bầu cử?')).toBe('Tuổi được bầu cử?');
    const long = 'Theo Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân năm 2015, công dân đủ bao nhiêu tuổi thì có quyền bầu cử?';
    const s = shortStem(long, 60);
    expect(s.length).toBeLessThanOrEqual(60);
    expect(s.endsWith('…')).toBe(true);
    expect(long.startsWith(s.slice(0, -1))).toBe(true);
    expect(s).not.toMatch(/\s…$/);
  });

  it('says what archiving means: out of the list and of new pools, kept by rounds that froze it', () => {
    const q = archivePrompt('Tuổi được bầu cử đại biểu Quốc hội?');
    expect(q).toContain('“Tuổi được bầu cử đại biểu Quốc hội?”');
    expect(q).toContain('không còn trong danh sách');
    expect(q).toContain('vẫn giữ nguyên câu hỏi này');
  });

  it('steps back a page when the last row of the last page goes', () => {
    expect(offsetAfterRemoval(0, 25, 1)).toBe(0);
    expect(offsetAfterRemoval(25, 25, 26)).toBe(0);
    expect(offsetAfterRemoval(25, 25, 27)).toBe(25);
    expect(offsetAfterRemoval(50, 25, 60)).toBe(50);
  });
});
