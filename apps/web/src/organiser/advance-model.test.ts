import { describe, expect, it } from 'vitest';
import { describeApplied, describeQuota, describeRule, emptyQuota, parseBucketOverrides, quotaBody, reasonLabel } from './advance-model';

describe('advancement in plain Vietnamese', () => {
  it('reads the round rule out', () => {
    expect(describeRule({ mode: 'top', topN: 10 }, 'Vòng chung kết')).toBe(
      '10 người có kết quả cao nhất vào vòng «Vòng chung kết». Những người bằng nhau ở mọi tiêu chí xếp hạng tại vị trí cuối cùng được vào cùng nhau.',
    );
    expect(describeRule({ mode: 'threshold', minScore: 8.5 }, null)).toBe('Mọi người đạt từ 8,5 điểm trở lên vào vòng sau.');
    expect(describeRule({ mode: 'picked' }, 'Bán kết')).toBe('Ban giám khảo chọn từng người vào vòng «Bán kết».');
    expect(describeRule(null, 'Bán kết')).toMatch(/chưa có quy tắc/);
    expect(describeApplied({ mode: 'quota', quota: { by: ['unit'], perBucket: 2 } }, 'Bán kết')).toBe('Mỗi đơn vị 2 người có kết quả cao nhất.');
    expect(describeApplied({ mode: 'picked', toRoundSeq: 3 }, 'Chung kết')).toBe('Ban giám khảo chọn từng người vào vòng «Chung kết».');
  });

  it('reads a quota out, with named units', () => {
    expect(describeQuota({ by: ['unit'], perBucket: 1 })).toBe('Mỗi đơn vị 1 người có kết quả cao nhất.');
    expect(describeQuota({ by: ['unit', 'group'], perBucket: 1, groupField: 'nhom', buckets: { 'Phường Hạ Long | Báo cáo viên': 2 } })).toBe(
      'Mỗi đơn vị và nhóm 1 người có kết quả cao nhất (nhóm lấy từ trường «nhom» khi đăng ký); riêng Phường Hạ Long | Báo cáo viên: 2 người.',
    );
  });

  it('says why each entrant goes through', () => {
    expect(reasonLabel({ reason: 'quota', bucket: 'Phường Bãi Cháy', boundaryTie: false })).toBe('Suất của Phường Bãi Cháy');
    expect(reasonLabel({ reason: 'top', bucket: null, boundaryTie: true })).toBe('Trong nhóm dẫn đầu (đồng hạng ở vị trí cuối)');
    expect(reasonLabel({ reason: 'picked', bucket: null, boundaryTie: false })).toBe('Ban giám khảo chọn');
  });

  it('reads per-unit places and checks the quota form', () => {
    expect(parseBucketOverrides('Phường Hạ Long = 2\n\n Xã Quảng La: 0 ')).toEqual({ buckets: { 'Phường Hạ Long': 2, 'Xã Quảng La': 0 } });
    expect(parseBucketOverrides('Phường Hạ Long = hai')).toEqual({ error: 'Dòng 1: viết theo mẫu «Tên đơn vị = số suất» (số nguyên từ 0).' });
    expect(parseBucketOverrides('A = 1\nA = 2')).toEqual({ error: 'Dòng 2: «A» đã có ở dòng trên.' });
    expect(quotaBody({ ...emptyQuota(), perBucket: '2', overrides: 'Phường Hạ Long = 3' })).toEqual({
      body: { by: ['unit'], perBucket: 2, buckets: { 'Phường Hạ Long': 3 } },
    });
    const bad = quotaBody({ byUnit: false, byGroup: true, groupField: 'nhóm', perBucket: '-1', overrides: '' });
    expect('errors' in bad && Object.keys(bad.errors).sort()).toEqual(['groupField', 'perBucket']);
    expect('errors' in quotaBody({ ...emptyQuota(), byUnit: false }) && quotaBody({ ...emptyQuota(), byUnit: false })).toMatchObject({
      errors: { quotaBy: expect.any(String) },
    });
  });
});
