import type { MultipartFile } from '@fastify/multipart';
import { DomainError } from '@lc/platform';
import { MAX_ENTRY_TEXT, multipartFields, parseEntryContent } from './entry-input';

const field = (value: string, valueTruncated = false) => ({
  type: 'field',
  fieldname: 'x',
  mimetype: 'text/plain',
  encoding: '7bit',
  value,
  fieldnameTruncated: false,
  valueTruncated,
  fields: {},
});
const part = (fields: Record<string, unknown>) => ({ fields }) as unknown as Pick<MultipartFile, 'fields'>;
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? { code: e.code, status: e.status, message: e.message } : e;
  }
  throw new Error('not refused');
};

describe('entry text', () => {
  it('counts composed characters after trimming, so Vietnamese typed with combining marks fits', () => {
    const nfd = 'ệ'.normalize('NFD').repeat(MAX_ENTRY_TEXT); // three UTF-16 units a letter as typed
    expect(parseEntryContent({ text: ` ${nfd} ` }, false).text).toBe('ệ'.repeat(MAX_ENTRY_TEXT));
    expect(refusal(() => parseEntryContent({ text: 'ệ'.repeat(MAX_ENTRY_TEXT + 1) }, false))).toMatchObject({ code: 'invalid_entry', status: 400 });
  });

  it('reads multipart fields: CRLF as typed, a cut field refused (413) naming the limit, a NUL refused (400)', () => {
    expect(multipartFields(part({ text: field('Dòng 1\r\nDòng 2'), link: [field('https://a.vn'), field('https://b.vn')] }))).toEqual({
      text: 'Dòng 1\nDòng 2',
      link: 'https://a.vn',
    });
    expect(refusal(() => multipartFields(part({ text: field('ệ'.repeat(10), true) })))).toMatchObject({
      code: 'entry_text_too_long',
      status: 413,
      message: expect.stringContaining('50000 characters'),
    });
    expect(refusal(() => multipartFields(part({ link: [field('https://a.vn'), field('x\u0000')] })))).toMatchObject({ code: 'invalid_text', status: 400 });
  });
});
