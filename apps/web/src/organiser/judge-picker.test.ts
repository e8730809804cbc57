import { describe, expect, it } from 'vitest';
import { judgePickerHint, type JudgePickerState } from './judge-picker';

const settled: JudgePickerState = { typed: 'lan', query: 'lan', loading: false, found: 3, candidates: 2, total: 3 };

describe('the judge picker hint', () => {
  it('says it is searching until the search catches up with the typing', () => {
    // The organiser typed on: the list still shows the search for "la", which must not be named as the answer to "lan".
    expect(judgePickerHint({ ...settled, typed: 'lan', query: 'la', candidates: 0, found: 0 })).toBe('Đang tìm…');
    expect(judgePickerHint({ ...settled, loading: true })).toBe('Đang tìm…');
    expect(judgePickerHint({ ...settled, typed: ' lan ' })).toBe('2 giám khảo.');
  });

  it('counts the judges who can still be assigned, and says when the list is cut', () => {
    expect(judgePickerHint({ ...settled, found: 20, candidates: 20, total: 45 })).toBe('20 giám khảo (gõ để tìm thêm).');
  });

  it('tells apart nobody found, and everybody found already assigned', () => {
    expect(judgePickerHint({ ...settled, candidates: 0 })).toBe('Các giám khảo khớp “lan” đều đã được phân công.');
    expect(judgePickerHint({ ...settled, typed: '', query: '', candidates: 0 })).toBe('Mọi giám khảo của đơn vị đều đã được phân công.');
    expect(judgePickerHint({ ...settled, found: 0, candidates: 0, total: 0 })).toBe('Không có giám khảo nào của đơn vị khớp “lan”.');
    expect(judgePickerHint({ typed: '', query: '', loading: false, found: 0, candidates: 0, total: 0 })).toBe(
      'Đơn vị chưa có giám khảo nào. Quản trị viên tạo tài khoản giám khảo.',
    );
  });
});
