import { DomainError } from '@lc/platform';
import { parseBriefInput, requireHandInKinds } from './brief-input';

describe('a judged round brief', () => {
  it('keeps the kinds in a fixed order and trims the brief', () => {
    expect(parseBriefInput({ brief: '  Trình bày bốn nguyên tắc bầu cử  ', handInKinds: ['file', 'text'] })).toEqual({
      brief: 'Trình bày bốn nguyên tắc bầu cử',
      handInKinds: ['text', 'file'],
    });
    expect(parseBriefInput({ brief: '   ', handInKinds: ['link'] }).brief).toBeNull();
  });

  it('names every problem', () => {
    try {
      parseBriefInput({ brief: 3, handInKinds: ['text', 'text', 'video'], extra: true });
      throw new Error('expected a 400');
    } catch (e) {
      expect((e as DomainError).status).toBe(400);
      expect(((e as DomainError).details as { field: string }[]).map((d) => d.field).sort()).toEqual(['brief', 'extra', 'handInKinds']);
    }
    expect(() => parseBriefInput({ handInKinds: [] })).toThrow(DomainError);
    expect(() => parseBriefInput(null)).toThrow(DomainError);
  });

  it('refuses an entry holding a kind the round does not take', () => {
    expect(() => requireHandInKinds(['text', 'link'], { text: 'bài', link: null, file: false })).not.toThrow();
    try {
      requireHandInKinds(['text'], { text: 'bài', link: 'https://x.vn', file: true });
      throw new Error('expected a 400');
    } catch (e) {
      expect((e as DomainError).code).toBe('hand_in_kind_not_allowed');
      expect(((e as DomainError).details as { field: string }[]).map((d) => d.field)).toEqual(['link', 'file']);
    }
  });
});
