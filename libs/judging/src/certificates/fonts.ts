import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * pdfkit's built-in fonts (WinAnsi) cannot draw "ễ", "ộ", "ư"…: documents use DejaVu
 * Serif, vendored in libs/judging/assets/fonts (free licence in LICENSE there), so a
 * fresh machine or container renders Vietnamese without system fonts.
 */
export const FONT_FILES = { regular: 'DejaVuSerif.ttf', bold: 'DejaVuSerif-Bold.ttf', italic: 'DejaVuSerif-Italic.ttf' } as const;
export type FontStyle = keyof typeof FONT_FILES;

// Source (libs/judging/src/certificates) and build (dist/libs/judging/src/certificates) layouts.
const CANDIDATE_DIRS = [
  resolve(__dirname, '../../assets/fonts'),
  resolve(__dirname, '../../../../../libs/judging/assets/fonts'),
  resolve(process.cwd(), 'libs/judging/assets/fonts'),
];

let cache: Record<FontStyle, Buffer> | null = null;

export function fontDir(): string {
  const dir = CANDIDATE_DIRS.find((d) => existsSync(join(d, FONT_FILES.regular)));
  if (!dir) throw new Error(`Vietnamese fonts not found; looked in ${CANDIDATE_DIRS.join(', ')}`);
  return dir;
}

/** The three font files, read once per process. */
export function vietnameseFonts(): Record<FontStyle, Buffer> {
  if (!cache) {
    const dir = fontDir();
    cache = {
      regular: readFileSync(join(dir, FONT_FILES.regular)),
      bold: readFileSync(join(dir, FONT_FILES.bold)),
      italic: readFileSync(join(dir, FONT_FILES.italic)),
    };
  }
  return cache;
}

/** Registers the fonts as `vn`, `vn-bold` and `vn-italic` on a document. */
export function registerVietnameseFonts(doc: PDFKit.PDFDocument): void {
  const f = vietnameseFonts();
  doc.registerFont('vn', f.regular);
  doc.registerFont('vn-bold', f.bold);
  doc.registerFont('vn-italic', f.italic);
}
