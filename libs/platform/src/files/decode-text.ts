import { isUtf8 } from 'node:buffer';
import { fileRefused } from './file-refused';

const NOT_UTF8 = 'The file is not UTF-8 text. In Excel choose "CSV UTF-8"; in other editors save as UTF-8.';

const hasUtf8Bom = (buf: Buffer) => buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
const isUtf16 = (buf: Buffer) => (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);

/**
 * Text files arrive as UTF-8 (with or without BOM) or, from Excel's "Unicode text",
 * UTF-16 with a BOM. Anything else (Windows-1258, say) is refused with a hint rather
 * than imported as mojibake.
 */
export function decodeText(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  const body = hasUtf8Bom(buf) ? buf.subarray(3) : buf;
  if (!isUtf8(body)) throw fileRefused(NOT_UTF8);
  return body.toString('utf8');
}

/** Each line with its 1-based number, whatever the line endings, without splitting the whole text up front. */
export function* lines(text: string): Generator<[number, string]> {
  const eol = /\r\n|\r|\n/g;
  let n = 0;
  let start = 0;
  for (let m = eol.exec(text); m; m = eol.exec(text)) {
    yield [++n, text.slice(start, m.index)];
    start = m.index + m[0].length;
  }
  yield [++n, text.slice(start)];
}

/**
 * The lines of a text file. UTF-8 is decoded line by line from the bytes, so a large
 * file never exists as one big string beside its buffer.
 */
export function* fileLines(source: string | Buffer): Generator<[number, string]> {
  if (typeof source === 'string' || isUtf16(source)) {
    yield* lines(typeof source === 'string' ? source : decodeText(source));
    return;
  }
  const body = hasUtf8Bom(source) ? source.subarray(3) : source;
  if (!isUtf8(body)) throw fileRefused(NOT_UTF8);
  let n = 0;
  for (let start = 0; start <= body.length;) {
    const nl = body.indexOf(10, start);
    const end = nl === -1 ? body.length : nl;
    const line = body.toString('utf8', start, end > start && body[end - 1] === 13 ? end - 1 : end);
    // A lone CR (old Mac line ends) separates lines too.
    if (line.includes('\r')) for (const part of line.split('\r')) yield [++n, part];
    else yield [++n, line];
    start = end + 1;
  }
}
