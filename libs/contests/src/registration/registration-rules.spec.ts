import { fold, resolveRegistration } from './registration-rules';

const profile = {
  fullName: 'Trần Văn An',
  province: 'Quảng Ninh',
  commune: 'Phường Hạ Long',
  unit: 'Sở Tư pháp',
  phone: '091****678',
  nationalId: '001******789',
};

describe('registration rules', () => {
  it('fills required fields from the profile and what the entrant typed', () => {
    const r = resolveRegistration({ requiredFields: ['unit', 'commune', 'position'], unitList: null }, profile, { fields: { position: 'Báo cáo viên' } });
    expect(r).toEqual({ ok: true, unit: 'Sở Tư pháp', fields: { unit: 'Sở Tư pháp', commune: 'Phường Hạ Long', position: 'Báo cáo viên' } });
  });

  it('lists every missing field', () => {
    const r = resolveRegistration({ requiredFields: ['dateOfBirth', 'position'], unitList: null }, profile, {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.field)).toEqual(['fields.dateOfBirth', 'fields.position']);
  });

  it('takes the unit from the list, ignoring case and diacritics, and stores the list spelling', () => {
    const contest = { requiredFields: [], unitList: ['Ủy ban nhân dân xã Đông Hưng', 'Đoàn Thanh niên'] };
    expect(resolveRegistration(contest, profile, { unit: 'uy ban nhan dan xa dong hung' })).toEqual({
      ok: true,
      unit: 'Ủy ban nhân dân xã Đông Hưng',
      fields: {},
    });
    const bad = resolveRegistration(contest, profile, {});
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0].problems[0]).toMatch(/not in the contest's unit list/);
    const none = resolveRegistration(contest, { ...profile, unit: null }, {});
    if (!none.ok) expect(none.problems[0].problems[0]).toMatch(/choose your unit/);
    else throw new Error('expected a problem');
  });

  it('never takes personal numbers typed into a registration', () => {
    const r = resolveRegistration({ requiredFields: ['nationalId'], unitList: null }, profile, { fields: { nationalId: '001234567890' } });
    expect(r.ok).toBe(false);
    const fromAccount = resolveRegistration({ requiredFields: ['nationalId'], unitList: null }, profile, {});
    expect(fromAccount).toEqual({ ok: true, unit: 'Sở Tư pháp', fields: { nationalId: '001******789' } });
  });

  it('folds Vietnamese for comparison', () => {
    expect(fold('  Đoàn   Thanh NIÊN ')).toBe('doan thanh nien');
  });
});
