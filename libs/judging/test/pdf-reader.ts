import { execFileSync, spawnSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';

/** Test helpers: what a PDF viewer or a search engine can read back from our documents. */

export function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/**
 * The text layer via poppler's pdftotext in reading order, pages split on form feeds
 * and whitespace runs (line wraps inside table cells) collapsed to one space. Null when
 * poppler-utils is not installed.
 */
export function pdftotext(buf: Buffer): string[] | null {
  if (!hasTool('pdftotext')) return null;
  const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: buf }).toString('utf8').normalize('NFC');
  return raw
    .split('\f')
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p);
}

export function pdfPageCount(buf: Buffer): number {
  return (buf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}

/** Every stream's decoded bytes (Flate-compressed ones inflated). */
function streams(buf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  const s = buf.toString('latin1');
  const re = /<<([^]*?)>>\s*stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endstream', start);
    const raw = buf.subarray(start, end);
    if (/\/FlateDecode/.test(m[1])) {
      try {
        out.push(inflateSync(raw));
      } catch {
        out.push(inflateSync(raw.subarray(0, raw.length - 1)));
      }
    } else out.push(raw);
  }
  return out;
}

/**
 * The Unicode characters the PDF's ToUnicode maps can produce: proof, without any
 * external tool, that the embedded glyphs are mapped back to the right characters.
 */
export function toUnicodeChars(buf: Buffer): Set<string> {
  const chars = new Set<string>();
  for (const st of streams(buf)) {
    const t = st.toString('latin1');
    if (!t.includes('begincmap')) continue;
    for (const [, hex] of t.matchAll(/<([0-9a-fA-F]{4,})>/g)) {
      for (let i = 0; i + 4 <= hex.length; i += 4) chars.add(String.fromCharCode(parseInt(hex.slice(i, i + 4), 16)));
    }
  }
  return chars;
}
