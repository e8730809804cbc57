import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import { badRequest, DomainError } from '@lc/platform';
import { isRecord, Problems, rejectUnknownKeys } from '../../common/problems';

/** Characters (UTF-16 units, counted in NFC after trimming) of an entry's text. */
export const MAX_ENTRY_TEXT = 50_000;
/**
 * Bytes a multipart text field may take. Vietnamese is 3 bytes a character in UTF-8 in NFC,
 * up to 5 in NFD (a letter and two combining marks, as some keyboards type it), and browsers
 * send each line break as CRLF: 6 bytes a character is room for any text that is within
 * MAX_ENTRY_TEXT. A field cut at this size is refused, never stored cut.
 */
export const MAX_ENTRY_FIELD_BYTES = MAX_ENTRY_TEXT * 6;
const MAX_LINK = 2000;

export interface EntryContent {
  text: string | null;
  link: string | null;
}

/**
 * The text and link of a hand-in (JSON body, or multipart fields sent before the file).
 * A link must be http(s): a `javascript:` or `file:` link would be opened by judges.
 */
export function parseEntryContent(input: unknown, hasFile: boolean): EntryContent {
  const p = new Problems();
  const o = isRecord(input) ? input : {};
  if (input !== undefined && input !== null && !isRecord(input)) p.add('body', 'must be an object { text?, link? }');
  rejectUnknownKeys(o, ['text', 'link'], '', p);
  let text: string | null = null;
  if (o.text !== undefined && o.text !== null) {
    const t = typeof o.text === 'string' ? o.text.normalize('NFC').trim() : null;
    if (t === null) p.add('text', 'must be text');
    else if (t.length > MAX_ENTRY_TEXT) p.add('text', `must be at most ${MAX_ENTRY_TEXT} characters (got ${t.length})`);
    else text = t || null;
  }
  let link: string | null = null;
  if (o.link !== undefined && o.link !== null && o.link !== '') {
    if (typeof o.link !== 'string' || o.link.length > MAX_LINK) p.add('link', `must be a URL of at most ${MAX_LINK} characters`);
    else {
      try {
        const u = new URL(o.link.trim());
        if (u.protocol !== 'https:' && u.protocol !== 'http:') p.add('link', 'must be an http or https link');
        else link = u.toString();
      } catch {
        p.add('link', 'is not a valid URL');
      }
    }
  }
  if (p.empty && !text && !link && !hasFile) p.add('body', 'hand in a text, a link or a file (multipart field "file")');
  p.throwIfAny('invalid_entry', 'entry');
  return { text, link };
}

/** The entrant's file name, for display only: no folders, no control characters, bounded. */
export function cleanFileName(name: string | undefined, ext: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // Stripping control characters is the point of this pattern.
  // eslint-disable-next-line no-control-regex
  const unsafe = /[\u0000-\u001f\u007f"<>|:*?]/g;
  const clean = base.normalize('NFC').replace(unsafe, '').replace(/^\.+/, '').trim().slice(0, 150);
  const stem = clean.replace(/\.[^.]*$/, '') || 'bai-du-thi';
  return `${stem}.${ext}`;
}

/**
 * The text fields of a multipart hand-in (sent before the file). A field cut at the size
 * limit is refused (413), as is a NUL character (PostgreSQL cannot store it: 400); line
 * breaks come back as the entrant typed them (browsers send CRLF).
 */
export function multipartFields(part: Pick<MultipartFile, 'fields'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const all = Array.isArray(value) ? value : [value];
    const fields = all.filter((v): v is MultipartValue => v?.type === 'field');
    if (!fields.length || name === 'file') continue;
    if (fields.some((f) => f.valueTruncated)) {
      throw new DomainError(
        'entry_text_too_long',
        413,
        `The field "${name}" is larger than ${MAX_ENTRY_FIELD_BYTES} bytes: an entry's text may have at most ${MAX_ENTRY_TEXT} characters`,
        {
          field: name,
          maxCharacters: MAX_ENTRY_TEXT,
          maxBytes: MAX_ENTRY_FIELD_BYTES,
        },
      );
    }
    if (name.includes('\u0000') || fields.some((f) => String(f.value).includes('\u0000'))) {
      throw badRequest('invalid_text', `The field "${name.split('\u0000').join('')}" contains a NUL character`);
    }
    out[name] = String(fields[0].value).replace(/\r\n/g, '\n');
  }
  return out;
}
