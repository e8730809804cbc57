import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { vnDateParts } from '@lc/platform';
import { registerVietnameseFonts } from './fonts';

/** The issuing body as printed top left: e.g. "UBND TỈNH THỪA THIÊN HUẾ" over "SỞ TƯ PHÁP". */
export interface Issuer {
  parent?: string;
  name: string;
}

export interface Signer {
  /** e.g. "GIÁM ĐỐC" or "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC". */
  title: string;
  name: string;
}

export const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Text is normalised to NFC: decomposed input ("e" + combining marks) would print loose accents. */
export function vn(s: string): string {
  return s.normalize('NFC');
}

export function upperVn(s: string): string {
  return vn(s).toLocaleUpperCase('vi');
}

/** "Huế, ngày 05 tháng 3 năm 2026" (administrative style: day 1-9 padded, months 1-2 padded). */
export function placeAndDate(place: string, d: Date): string {
  const { day, month, year } = vnDateParts(d);
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return vn(`${place}, ngày ${String(day).padStart(2, '0')} tháng ${mm} năm ${year}`);
}

export function newDocument(opts: {
  title: string;
  layout?: 'portrait' | 'landscape';
  createdAt: Date;
  margins?: { top: number; bottom: number; left: number; right: number };
}): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout: opts.layout ?? 'portrait',
    margins: opts.margins ?? { top: 57, bottom: 57, left: 85, right: 57 }, // 2 cm / 3 cm left as in Decree 30/2020
    info: { Title: vn(opts.title), Creator: 'legal-contest-platform', CreationDate: opts.createdAt, ModDate: opts.createdAt },
    bufferPages: false,
  });
  registerVietnameseFonts(doc);
  return doc;
}

/** Collects a finished document into a Buffer. */
export async function pdfToBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of doc as unknown as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

export async function writePdf(doc: PDFKit.PDFDocument, out: Writable): Promise<void> {
  await pipeline(doc as unknown as NodeJS.ReadableStream, out);
}

/** The two-column heading of an administrative document (issuer left, national motto right). */
export function drawHeading(doc: PDFKit.PDFDocument, issuer: Issuer, leftExtra: string | null, rightExtra: string | null): void {
  const { left, right } = doc.page.margins;
  const width = doc.page.width - left - right;
  const leftW = width * 0.42;
  const rightW = width - leftW;
  const top = doc.y;
  const size = 11.5;

  doc.font('vn').fontSize(size);
  let y = top;
  if (issuer.parent) {
    doc.text(upperVn(issuer.parent), left, y, { width: leftW, align: 'center' });
    y = doc.y;
  }
  doc.font('vn-bold').text(upperVn(issuer.name), left, y, { width: leftW, align: 'center' });
  y = doc.y + 2;
  rule(doc, left + leftW * 0.35, left + leftW * 0.65, y);
  if (leftExtra)
    doc
      .font('vn')
      .fontSize(12)
      .text(vn(leftExtra), left, y + 6, { width: leftW, align: 'center' });
  const leftBottom = doc.y;

  doc
    .font('vn-bold')
    .fontSize(fitSize(doc, NATION, 12, rightW))
    .text(NATION, left + leftW, top, { width: rightW, align: 'center' });
  doc.fontSize(fitSize(doc, MOTTO, 13, rightW)).text(MOTTO, left + leftW, doc.y, { width: rightW, align: 'center' });
  const mottoW = doc.widthOfString(MOTTO);
  y = doc.y + 2;
  rule(doc, left + leftW + (rightW - mottoW) / 2, left + leftW + (rightW + mottoW) / 2, y);
  if (rightExtra)
    doc
      .font('vn-italic')
      .fontSize(12)
      .text(vn(rightExtra), left + leftW, y + 6, { width: rightW, align: 'center' });
  doc.x = left;
  doc.y = Math.max(leftBottom, doc.y) + 18;
}

/** The largest size up to `max` at which `text` fits on one line of `width` in the current font. */
export function fitSize(doc: PDFKit.PDFDocument, text: string, max: number, width: number): number {
  doc.fontSize(max);
  const w = doc.widthOfString(text);
  return w <= width ? max : Math.floor((max * width * 10) / w) / 10;
}

export function rule(doc: PDFKit.PDFDocument, x1: number, x2: number, y: number): void {
  doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(0.6).stroke().restore();
}
