import { describe, expect, it } from 'vitest';
import {
  checkMarks,
  checkReconcile,
  formatPoints,
  historyLines,
  initialValues,
  isBlind,
  markingLabel,
  readPoints,
  staffRole,
  summaryLines,
  entryTitleSub,
} from './marking-model';
import { blindMarks, HEAD, judgedRow, jury, marking, ME, openMarks, OTHER } from './test-fixtures';

const rubric = jury.rubric;

describe('rubric form rules', () => {
  it('reads Vietnamese decimals and refuses the rest', () => {
    expect(readPoints('7,5')).toBe(7.5);
    expect(readPoints(' 12 ')).toBe(12);
    expect(readPoints('7.25')).toBe(7.25);
    expect(readPoints('bảy')).toBeNull();
    expect(readPoints('1e3')).toBeNull();
    expect(formatPoints(71.5)).toBe('71,5');
    expect(formatPoints(null)).toBe('—');
  });

  it('accepts a full, in-range set of marks and sums it', () => {
    const c = checkMarks(rubric, { content: '45', delivery: '25,5', form: '12' }, '  Tốt  ');
    expect(c.errors).toEqual({});
    expect(c.scores).toEqual({ content: 45, delivery: 25.5, form: 12 });
    expect(c.total).toBe(82.5);
    expect(c.comment).toBe('Tốt');
  });

  it('names every bad criterion in Vietnamese', () => {
    const c = checkMarks(rubric, { content: '51', delivery: 'abc', form: '' }, 'x'.repeat(5001));
    expect(c.errors.content).toBe('Điểm từ 0 đến 50.');
    expect(c.errors.delivery).toMatch(/phải là một số/);
    expect(c.errors.form).toBe('Nhập điểm từ 0 đến 20.');
    expect(c.errors.comment).toMatch(/tối đa 5000 ký tự/);
    expect(checkMarks(rubric, { content: '-1', delivery: '1,234', form: '0' }, '').errors).toEqual({
      content: 'Điểm từ 0 đến 50.',
      delivery: 'Tối đa 2 chữ số thập phân.',
    });
  });

  it('starts from the judge’s own earlier marks', () => {
    expect(initialValues(rubric, { content: 37.5, delivery: 20, form: 14 })).toEqual({ content: '37,5', delivery: '20', form: '14' });
    expect(initialValues(rubric, undefined)).toEqual({ content: '', delivery: '', form: '' });
  });
});

describe('blind marking and roles', () => {
  it('is blind for judges (the head judge too) while the server withholds the summary', () => {
    expect(isBlind('judge', blindMarks)).toBe(true);
    expect(isBlind('judge', { ...openMarks, marks: openMarks.marks.slice(0, 1), marking: undefined })).toBe(true);
    expect(isBlind('judge', openMarks)).toBe(false);
    expect(isBlind('head', blindMarks)).toBe(true);
    expect(isBlind('organiser', blindMarks)).toBe(false);
  });

  it('writes the marking history, a replacement with what it replaced', () => {
    const names = new Map([[OTHER, 'Trần Thị B']]);
    const lines = historyLines(
      [
        { judgeUserId: ME, action: 'mark', at: '2026-05-04T01:00:00.000Z', before: null, after: { scores: {}, total: 10, comment: null } },
        {
          judgeUserId: ME,
          action: 'replace',
          at: '2026-05-04T01:05:00.000Z',
          before: { scores: {}, total: 10, comment: null },
          after: { scores: {}, total: 78.5, comment: null },
        },
        { judgeUserId: OTHER, action: 'mark', at: '2026-05-04T02:00:00.000Z', before: null, after: { scores: {}, total: 61, comment: null } },
      ],
      names,
      ME,
    );
    expect(lines[0]).toMatch(/Bạn chấm 10$/);
    expect(lines[1]).toMatch(/Bạn sửa điểm 10 → 78,5$/);
    expect(lines[2]).toMatch(/Trần Thị B chấm 61$/);
  });

  it('tells the head judge from the others', () => {
    expect(staffRole('judge', HEAD, HEAD)).toBe('head');
    expect(staffRole('judge', ME, HEAD)).toBe('judge');
    expect(staffRole('organiser', HEAD, HEAD)).toBe('organiser');
    expect(staffRole('judge', ME, null)).toBe('judge');
  });

  it('says where an entry stands', () => {
    expect(markingLabel(judgedRow)).toBe('2/3 giám khảo đã chấm · bạn đã chấm · điểm chênh lệch lớn, chờ trưởng ban giám khảo · điểm cuối 70,5');
    expect(markingLabel({ judges: 3, marked: 0, markedByMe: false, flagged: false })).toBe('0/3 giám khảo đã chấm');
  });

  it('explains the aggregate, the penalty and the final mark', () => {
    const lines = summaryLines(marking);
    expect(lines[0]).toBe('Điểm tổng hợp (trung bình cộng, 2 giám khảo): 71,5');
    expect(lines).toContain('Trừ 1 điểm: quá giờ');
    expect(lines).toContain('Điểm cuối: 70,5');
    expect(lines.at(-1)).toMatch(/Cần trưởng ban/);
  });
});

describe('head judge reconciliation form', () => {
  it('needs a reason, and marks when giving final marks', () => {
    expect(checkReconcile(rubric, 'accept', ' ', {}).errors.reason).toMatch(/Ghi lý do/);
    expect(checkReconcile(rubric, 'accept', 'Hội đồng thống nhất', {}).body).toEqual({ reason: 'Hội đồng thống nhất', acceptAggregate: true });
    const bad = checkReconcile(rubric, 'marks', 'Thống nhất', { content: '60', delivery: '20', form: '10' });
    expect(bad.body).toBeNull();
    expect(bad.errors.content).toBe('Điểm từ 0 đến 50.');
    expect(checkReconcile(rubric, 'marks', 'Thống nhất', { content: '40', delivery: '20', form: '10' }).body).toEqual({
      reason: 'Thống nhất',
      scores: { content: 40, delivery: 20, form: 10 },
    });
  });
});

describe('entry page title', () => {
  it('names whose entry it is, and tells the head judge their role', () => {
    expect(entryTitleSub({ author: { fullName: 'Vũ Đình Khải', unit: 'Xã Quảng La' } }, 'judge')).toBe('Bài của Vũ Đình Khải · Xã Quảng La.');
    expect(entryTitleSub({ author: { fullName: 'Vũ Đình Khải', unit: null } }, 'head')).toBe('Bài của Vũ Đình Khải. Bạn là trưởng ban giám khảo của vòng này.');
    expect(entryTitleSub({}, 'head')).toBe('Bạn là trưởng ban giám khảo của vòng này.');
    expect(entryTitleSub({}, 'organiser')).toBeUndefined();
  });
});
