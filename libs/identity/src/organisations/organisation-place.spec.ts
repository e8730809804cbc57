import { organisationPlace } from './organisation-place';

describe('organisationPlace', () => {
  it('gives central bodies no province and requires one for provincial and commune bodies', () => {
    expect(organisationPlace('central', null)).toEqual({ province: null });
    expect(organisationPlace('central', undefined)).toEqual({ province: null });
    expect(organisationPlace('province', 'Quảng Ninh')).toEqual({ province: 'Quảng Ninh' });
    expect(organisationPlace('commune', 'Huế')).toEqual({ province: 'Huế' });
  });

  it('names the province field when the level and the province disagree', () => {
    expect(organisationPlace('central', 'Hà Nội')).toEqual({ problem: { field: 'province', problems: ['a central organisation has no province'] } });
    expect(organisationPlace('province', null)).toEqual({ problem: { field: 'province', problems: ['required for a province-level organisation'] } });
    expect(organisationPlace('commune', '')).toEqual({ problem: { field: 'province', problems: ['required for a commune-level organisation'] } });
  });
});
