import { describe, expect, it } from 'vitest';
import { contestBody, emptyContest, validateContest } from './contest-form';

describe('contest form', () => {
  it('builds the POST /contests body with the unit list and required fields', () => {
    const f = {
      ...emptyContest(),
      title: 'Tìm hiểu pháp luật về bầu cử',
      slug: 'bau-cu-2026',
      unitList: 'UBND xã A\n\nUBND xã B\nUBND xã A',
      requiredFields: ['unit'],
      customFields: 'position, unit',
    };
    expect(validateContest(f)).toEqual({});
    expect(contestBody(f)).toEqual({
      title: 'Tìm hiểu pháp luật về bầu cử',
      slug: 'bau-cu-2026',
      unitList: ['UBND xã A', 'UBND xã B'],
      requiredFields: ['unit', 'position'],
    });
  });

  it('rejects bad slugs and field names', () => {
    const e = validateContest({ ...emptyContest(), title: 'ab', slug: 'Bầu Cử', customFields: 'chức vụ' });
    expect(Object.keys(e).sort()).toEqual(['customFields', 'slug', 'title']);
  });
});
