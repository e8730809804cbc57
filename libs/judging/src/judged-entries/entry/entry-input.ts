import { isRecord, Problems, rejectUnknownKeys } from '../../common/problems';

export const MAX_ENTRY_TEXT = 50_000;
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
    if (typeof o.text !== 'string') p.add('text', 'must be text');
    else if (o.text.length > MAX_ENTRY_TEXT) p.add('text', `must be at most ${MAX_ENTRY_TEXT} characters`);
    else text = o.text.normalize('NFC').trim() || null;
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
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const clean = base.normalize('NFC').replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').replace(/^\.+/, '').trim().slice(0, 150);
  const stem = clean.replace(/\.[^.]*$/, '') || 'bai-du-thi';
  return `${stem}.${ext}`;
}
