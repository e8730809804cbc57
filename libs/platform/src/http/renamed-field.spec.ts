import { DomainError } from './domain-error';
import { renamedField } from './renamed-field';

describe('renamedField', () => {
  it('takes the new name, else the old one', () => {
    expect(renamedField({ attemptScoring: 'last' }, 'attemptScoring', 'representative')).toBe('last');
    expect(renamedField({ representative: 'last' }, 'attemptScoring', 'representative')).toBe('last');
    expect(renamedField({ attemptScoring: 'best', representative: 'best' }, 'attemptScoring', 'representative')).toBe('best');
    expect(renamedField({}, 'attemptScoring', 'representative')).toBeUndefined();
  });

  it('refuses both names with different values (400 alias_conflict on the new field)', () => {
    let err: unknown;
    try {
      renamedField({ attemptScoring: 'best', representative: 'last' }, 'attemptScoring', 'representative');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'alias_conflict', status: 400 });
    expect((err as DomainError & { details: { field: string }[] }).details[0].field).toBe('attemptScoring');
  });
});
