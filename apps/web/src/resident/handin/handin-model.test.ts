import { describe, expect, it } from 'vitest';
import { checkHandIn, formatSize, handInPhase, markColumns } from './handin-model';

describe('hand-in form rules', () => {
  it('needs a text, a link or a file', () => {
    expect(checkHandIn({ text: '  ', link: '', file: null }).errors.text).toMatch(/Nhập nội dung, dán đường dẫn hoặc chọn tệp/);
    expect(checkHandIn({ text: 'Bài viết', link: '', file: null })).toEqual({ errors: {}, text: 'Bài viết', link: null });
    expect(checkHandIn({ text: '', link: ' https://youtu.be/x ', file: null })).toEqual({ errors: {}, text: null, link: 'https://youtu.be/x' });
  });

  it('counts the text as the server does: 50,000 composed characters, even when typed with combining marks', () => {
    const nfd = 'ệ'.normalize('NFD').repeat(50_000); // 150,000 UTF-16 units as typed
    expect(checkHandIn({ text: nfd, link: '', file: null }).errors).toEqual({});
    expect(checkHandIn({ text: `${nfd}a`, link: '', file: null }).errors.text).toMatch(/tối đa 50\.000 ký tự/);
  });

  it('refuses links that are not http(s)', () => {
    expect(checkHandIn({ text: '', link: 'javascript:alert(1)', file: null }).errors.link).toMatch(/https:\/\//);
    expect(checkHandIn({ text: '', link: 'youtu.be/x', file: null }).errors.link).toBeDefined();
  });

  it('checks the file’s size and kind before uploading', () => {
    expect(checkHandIn({ text: '', link: '', file: { name: 'bai.pdf', size: 300 * 1024 * 1024 } }).errors.file).toBe('Tệp 300,0 MB vượt giới hạn 200,0 MB.');
    expect(checkHandIn({ text: '', link: '', file: { name: 'bai.doc', size: 1000 } }).errors.file).toBe('Định dạng .doc không được nhận.');
    expect(checkHandIn({ text: '', link: '', file: { name: 'trong.pdf', size: 0 } }).errors.file).toMatch(/rỗng/);
    expect(checkHandIn({ text: '', link: '', file: { name: 'Bai Thi.PPTX', size: 5_000_000 } }).errors).toEqual({});
    expect(checkHandIn({ text: '', link: '', file: { name: 'bai.pdf', size: 2_000 } }, 1_000).errors.file).toMatch(/vượt giới hạn 1000 B/);
    expect(formatSize(2_500_000)).toBe('2,4 MB');
  });

  it('takes hand-ins from opening until the deadline', () => {
    const r = { opensAt: '2026-05-01T00:00:00Z', closesAt: '2026-05-10T00:00:00Z' };
    expect(handInPhase(r, Date.parse('2026-04-30T23:59:59Z'))).toBe('upcoming');
    expect(handInPhase(r, Date.parse('2026-05-05T00:00:00Z'))).toBe('open');
    expect(handInPhase(r, Date.parse('2026-05-10T00:00:00Z'))).toBe('closed');
    expect(handInPhase({ ...r, status: 'closed' }, Date.parse('2026-05-05T00:00:00Z'))).toBe('closed');
  });

  it('names mark columns by the rubric, in its order, keeping keys it does not name', () => {
    const rubric = [
      { key: 'delivery', label: 'Kỹ năng trình bày', maxPoints: 30 },
      { key: 'content', label: 'Nội dung', maxPoints: 50 },
    ];
    expect(markColumns(rubric, [{ scores: { content: 40, delivery: 20, extra: 1 } }])).toEqual([
      { key: 'delivery', label: 'Kỹ năng trình bày', maxPoints: 30 },
      { key: 'content', label: 'Nội dung', maxPoints: 50 },
      { key: 'extra', label: 'extra', maxPoints: null },
    ]);
    expect(markColumns(undefined, [{ scores: { content: 1 } }, { scores: { content: 2 } }])).toEqual([{ key: 'content', label: 'content', maxPoints: null }]);
  });
});
