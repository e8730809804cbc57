import { describe, expect, it } from 'vitest';
import { describeFlags } from './flags';

describe('describeFlags', () => {
  it('reads codes, objects and maps', () => {
    expect(describeFlags(['too_fast'])).toEqual(['Làm bài nhanh bất thường']);
    expect(describeFlags([{ kind: 'shared_ip', detail: '5 tài khoản' }])).toEqual(['Nhiều tài khoản từ một địa chỉ IP — 5 tài khoản']);
    expect(describeFlags({ too_fast: true, shared_device: false, focus_lost: 7 })).toEqual(['Làm bài nhanh bất thường', 'Rời khỏi màn hình làm bài — 7']);
    expect(describeFlags([{ code: 'shared_device', at: '2026-05-04T01:00:00Z', detail: { accounts: 3, deviceId: 'd1' } }])).toEqual(['Nhiều tài khoản trên một thiết bị — accounts: 3, deviceId: d1']);
    expect(describeFlags(null)).toEqual([]);
  });
});
