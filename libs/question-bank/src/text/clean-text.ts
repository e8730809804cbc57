// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

/**
 * One canonical form for every piece of question text: NFC (so "ầ" typed on different
 * keyboards compares equal), Unix newlines, no control characters (they break XML and
 * spreadsheets), trimmed. Imports call this for every field of every question, so the
 * rewrites run only when needed.
 */
export function cleanText(text: string): string {
  let t = text.normalize('NFC');
  if (t.includes('\r')) t = t.replace(/\r\n?/g, '\n');
  if (CONTROL.test(t)) t = t.replace(CONTROLS, '');
  return t.trim();
}

/** cleanText, and null for blank. */
export function cleanOptional(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const t = cleanText(String(text));
  return t === '' ? null : t;
}
