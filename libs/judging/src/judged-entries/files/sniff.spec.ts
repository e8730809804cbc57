import { sniffFile } from './sniff';

const head = (s: string | number[]) => (typeof s === 'string' ? Buffer.from(s, 'latin1') : Buffer.from(s));
type Members = () => { names: string[]; mimetype: string | null } | null;
const zip =
  (names: string[], mimetype: string | null = null): Members =>
  () => ({ names, mimetype });
const PK = [0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0];

describe('sniffFile', () => {
  it('recognises documents, slides, video and audio by their bytes', () => {
    const type = (h: Buffer, z?: Members) => {
      const r = sniffFile(h, z);
      return r.ok ? r.type.ext : r.reason;
    };
    expect(type(head('%PDF-1.7\n'))).toBe('pdf');
    expect(type(head(PK), zip(['[Content_Types].xml', 'word/document.xml']))).toBe('docx');
    expect(type(head(PK), zip(['[Content_Types].xml', 'ppt/presentation.xml', 'ppt/slides/slide1.xml']))).toBe('pptx');
    expect(type(head(PK), zip(['mimetype', 'content.xml'], 'application/vnd.oasis.opendocument.presentation'))).toBe('odp');
    expect(type(head('\0\0\0\x18ftypisom'))).toBe('mp4');
    expect(type(head('\0\0\0\x14ftypqt  '))).toBe('mov');
    expect(type(head('\0\0\0\x1cftypM4A '))).toBe('m4a');
    expect(type(head([0x1a, 0x45, 0xdf, 0xa3, 1]))).toBe('webm');
    expect(type(head('ID3\x04'))).toBe('mp3');
    expect(type(head([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
    expect(type(head([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpg');
  });

  it('refuses executables, web pages, macros, bare archives and old Office files', () => {
    const refused = (h: Buffer, z?: Members) => !sniffFile(h, z).ok;
    expect(refused(head('MZ\x90\0'))).toBe(true);
    expect(refused(head('<!DOCTYPE html>'))).toBe(true);
    expect(refused(head('\x7fELF'))).toBe(true);
    expect(refused(head(PK), zip(['[Content_Types].xml', 'word/document.xml', 'word/vbaProject.bin']))).toBe(true);
    expect(refused(head(PK), zip(['[Content_Types].xml', 'xl/workbook.xml']))).toBe(true);
    expect(refused(head(PK), () => null)).toBe(true);
    expect(refused(head([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe(true);
    expect(refused(head(''))).toBe(true);
  });
});
