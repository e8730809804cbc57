import { createInflateRaw } from 'node:zlib';
import { fileRefused } from './file-refused';

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the uncompressed sizes. */
  maxTotalBytes: number;
  /** Rows holding a value, per worksheet: counted while inflating, so an oversized sheet is refused before it is parsed. */
  maxSheetRows?: number;
  /** What the rows are, for the refusal: "questions", "accounts". */
  rowNoun?: string;
}

export const XLSX_LIMITS: ZipLimits = { maxEntries: 1000, maxTotalBytes: 150 * 1024 * 1024 };

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const refuse = (why: string) => fileRefused(`The XLSX file is damaged or unsafe: ${why}`);

/**
 * Checks an XLSX (a zip) before any parser opens it: the declared sizes must be within
 * limits, every entry must inflate to exactly its declared size (a zip bomb lies about
 * it; inflating stops as soon as it overshoots, so memory stays flat), the entries must
 * lie back to back as a streaming reader will meet them (nothing hidden between them),
 * no XML part may declare a DOCTYPE or entities, and (with maxSheetRows) no worksheet may
 * hold more rows than an import takes.
 */
export async function checkXlsxZip(buf: Buffer, limits: ZipLimits = XLSX_LIMITS): Promise<ZipPart[]> {
  const entries = centralDirectory(buf, limits);
  const parts: ZipPart[] = [];
  let expectedOffset = 0;
  for (const e of [...entries].sort((a, b) => a.offset - b.offset)) {
    if (e.offset !== expectedOffset) throw refuse('unexpected data between entries');
    if (buf.readUInt32LE(e.offset) !== 0x04034b50) throw refuse('bad local header');
    const nameLength = buf.readUInt16LE(e.offset + 26);
    const extraLength = buf.readUInt16LE(e.offset + 28);
    if (buf.toString('utf8', e.offset + 30, e.offset + 30 + nameLength) !== e.name) throw refuse('local and central names differ');
    const start = e.offset + 30 + nameLength + extraLength;
    const end = start + e.compressedSize;
    if (end > buf.length) throw refuse('entry runs past the end of the file');
    if (!(e.flags & 0x08)) {
      if (buf.readUInt32LE(e.offset + 18) !== e.compressedSize || buf.readUInt32LE(e.offset + 22) !== e.size) throw refuse('local and central sizes differ');
    }
    await inflateChecked(buf.subarray(start, end), e, WORKSHEET.test(e.name) ? limits.maxSheetRows : undefined, limits.rowNoun);
    expectedOffset = end;
    if (e.flags & 0x08) {
      // A data descriptor follows: crc and sizes, with or without its signature.
      const signed = end + 4 <= buf.length && buf.readUInt32LE(end) === 0x08074b50;
      expectedOffset += signed ? 16 : 12;
    }
    parts.push({ name: e.name, start: e.offset, end: expectedOffset });
  }
  const cdOffset = buf.readUInt32LE(findEocd(buf) + 16);
  if (expectedOffset !== cdOffset) throw refuse('unexpected data before the directory');
  return parts;
}

/** One entry of a checked zip as it lies in the file: local header, data and any data descriptor. */
export interface ZipPart {
  name: string;
  start: number;
  end: number;
}

/**
 * The checked zip's entries again, every worksheet after the workbook, shared strings and
 * styles, for exceljs's streaming reader. Excel and exceljs store the worksheets first; the
 * reader then parks each in a temporary file whose descriptor it never closes (two per read)
 * and, in about one read in ten, parses it before the workbook part has arrived and throws
 * "reading 'sheets'" (exceljs#3064). The streaming reader meets entries by their local
 * headers, so the central directory is left off.
 */
export function worksheetsLast(buf: Buffer, parts: ZipPart[]): Buffer {
  const sheets = parts.filter((p) => WORKSHEET.test(p.name));
  const rest = parts.filter((p) => !WORKSHEET.test(p.name));
  return Buffer.concat([...rest, ...sheets].map((p) => buf.subarray(p.start, p.end)));
}

function findEocd(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return i;
  }
  throw fileRefused('This is not an XLSX file (no zip directory found)');
}

function centralDirectory(buf: Buffer, limits: ZipLimits): Entry[] {
  if (buf.length < 22) throw fileRefused('This is not an XLSX file');
  const eocd = findEocd(buf);
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw refuse('ZIP64 is not accepted');
  if (count > limits.maxEntries) throw refuse(`more than ${limits.maxEntries} parts`);
  if (offset + size > eocd) throw refuse('bad directory');
  const entries: Entry[] = [];
  let total = 0;
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50) throw refuse('bad directory entry');
    const nameLength = buf.readUInt16LE(p + 28);
    const e: Entry = {
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      offset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
    };
    if (e.flags & 0x01) throw refuse('encrypted parts are not accepted');
    if (e.method !== 0 && e.method !== 8) throw refuse('unknown compression');
    if (e.method === 0 && e.compressedSize !== e.size) throw refuse('stored part with inconsistent size');
    total += e.size;
    if (total > limits.maxTotalBytes) throw refuse(`it would unpack to more than ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB`);
    entries.push(e);
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

const FORBIDDEN_XML = /<!DOCTYPE|<!ENTITY/i;

async function inflateChecked(data: Buffer, e: Entry, maxRows?: number, rowNoun = 'rows'): Promise<void> {
  const rows = maxRows === undefined ? null : new RowCounter();
  const tooManyRows = () => fileRefused(`The file has more than ${maxRows} ${rowNoun}; split it`);
  if (e.method === 0) {
    if (e.name.endsWith('.xml') || e.name.endsWith('.rels')) checkXml(data.toString('latin1'), e);
    if (rows && rows.feed(data.toString('latin1')) > maxRows! + 1) throw tooManyRows();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const inflate = createInflateRaw();
    let produced = 0;
    let tail = '';
    const fail = (why: string) => {
      inflate.destroy();
      reject(refuse(why));
    };
    inflate.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > e.size) return fail(`${e.name} unpacks to more than it declares (a zip bomb?)`);
      const latin = chunk.toString('latin1');
      const text = tail + latin;
      if (FORBIDDEN_XML.test(text)) return fail(`${e.name} declares a DOCTYPE or entities`);
      tail = text.slice(-16);
      // The header row is one of them.
      if (rows && rows.feed(latin) > maxRows! + 1) {
        inflate.destroy();
        reject(tooManyRows());
      }
    });
    inflate.on('error', () => fail(`${e.name} is not valid compressed data`));
    inflate.on('end', () => (produced === e.size ? resolve() : fail(`${e.name} unpacks to a different size than it declares`)));
    inflate.end(data);
  });
}

function checkXml(text: string, e: Entry): void {
  if (FORBIDDEN_XML.test(text)) throw refuse(`${e.name} declares a DOCTYPE or entities`);
}

/**
 * Counts the worksheet rows that hold a value (a <v> or an inline <is> inside <row>…</row>),
 * as the parser counts non-blank rows, over a stream of chunks: a tag cut by a chunk boundary
 * is carried over to the next one.
 */
export class RowCounter {
  private carry = '';
  private inRow = false;
  private hasValue = false;
  count = 0;

  feed(chunk: string): number {
    const text = this.carry + chunk;
    const cut = text.lastIndexOf('<');
    // Everything up to the last '<' is complete; the rest may be the start of a tag.
    const done = cut === -1 ? text : text.slice(0, cut);
    this.carry = cut === -1 ? '' : text.slice(cut, cut + 64);
    for (const m of done.matchAll(/<(\/?)(row|v|is)[\s>/]/g)) {
      if (m[2] === 'row') {
        if (m[1]) {
          if (this.inRow && this.hasValue) this.count++;
          this.inRow = false;
        } else {
          this.inRow = !done.startsWith('/>', done.indexOf('>', m.index) - 1);
          this.hasValue = false;
        }
      } else if (!m[1] && this.inRow) this.hasValue = true;
    }
    return this.count;
  }
}
