/** A kind of file an entrant may hand in, recognised by its first bytes. */
export interface SniffedType {
  mime: string;
  ext: string;
  label: string;
}

const T = {
  pdf: { mime: 'application/pdf', ext: 'pdf', label: 'PDF' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx', label: 'Word (DOCX)' },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', ext: 'pptx', label: 'PowerPoint (PPTX)' },
  odt: { mime: 'application/vnd.oasis.opendocument.text', ext: 'odt', label: 'OpenDocument text' },
  odp: { mime: 'application/vnd.oasis.opendocument.presentation', ext: 'odp', label: 'OpenDocument presentation' },
  mp4: { mime: 'video/mp4', ext: 'mp4', label: 'MP4 video' },
  mov: { mime: 'video/quicktime', ext: 'mov', label: 'QuickTime video' },
  m4a: { mime: 'audio/mp4', ext: 'm4a', label: 'M4A audio' },
  webm: { mime: 'video/webm', ext: 'webm', label: 'WebM / Matroska video' },
  mp3: { mime: 'audio/mpeg', ext: 'mp3', label: 'MP3 audio' },
  png: { mime: 'image/png', ext: 'png', label: 'PNG image' },
  jpeg: { mime: 'image/jpeg', ext: 'jpg', label: 'JPEG image' },
} satisfies Record<string, SniffedType>;

export const ACCEPTED_LABELS = [...new Set(Object.values(T).map((t) => t.label))];

export type SniffResult = { ok: true; type: SniffedType } | { ok: false; reason: string };

const starts = (b: Buffer, sig: number[] | string, at = 0) => {
  const bytes = typeof sig === 'string' ? Buffer.from(sig, 'latin1') : Buffer.from(sig);
  return b.length >= at + bytes.length && b.subarray(at, at + bytes.length).equals(bytes);
};

/**
 * What the file is, from its head (at least the first 16 bytes) and, for ZIP containers,
 * the names of its members (Office and OpenDocument files are ZIPs; what is inside tells
 * a Word file from slides, and a macro project from a plain document). The client's name
 * and Content-Type are never trusted.
 */
export function sniffFile(head: Buffer, zipMembers?: () => { names: string[]; mimetype: string | null } | null): SniffResult {
  if (starts(head, '%PDF-')) return { ok: true, type: T.pdf };
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, type: T.png };
  if (starts(head, [0xff, 0xd8, 0xff])) return { ok: true, type: T.jpeg };
  if (starts(head, [0x1a, 0x45, 0xdf, 0xa3])) return { ok: true, type: T.webm };
  if (starts(head, 'ID3') || (head.length >= 2 && head[0] === 0xff && (head[1] & 0xe0) === 0xe0 && (head[1] & 0x06) !== 0)) return { ok: true, type: T.mp3 };
  if (starts(head, 'ftyp', 4)) {
    const brand = head.subarray(8, 12).toString('latin1');
    if (brand === 'qt  ') return { ok: true, type: T.mov };
    if (brand.startsWith('M4A') || brand.startsWith('M4B')) return { ok: true, type: T.m4a };
    if (brand.startsWith('heic') || brand.startsWith('avif') || brand.startsWith('mif1'))
      return { ok: false, reason: 'images other than PNG and JPEG are not accepted' };
    return { ok: true, type: T.mp4 };
  }
  if (starts(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return { ok: false, reason: 'Office 97-2003 files (.doc, .ppt) can carry macros: save the file as PDF, DOCX or PPTX' };
  }
  if (starts(head, [0x50, 0x4b, 0x03, 0x04])) {
    const zip = zipMembers?.() ?? null;
    if (!zip) return { ok: false, reason: 'the ZIP container could not be read' };
    const has = (n: string) => zip.names.includes(n);
    if (zip.names.some((n) => /vbaProject\.bin$/i.test(n))) return { ok: false, reason: 'documents with macros are not accepted: save as PDF, DOCX or PPTX' };
    if (has('[Content_Types].xml') && has('word/document.xml')) return { ok: true, type: T.docx };
    if (has('[Content_Types].xml') && has('ppt/presentation.xml')) return { ok: true, type: T.pptx };
    if (zip.mimetype === T.odt.mime) return { ok: true, type: T.odt };
    if (zip.mimetype === T.odp.mime) return { ok: true, type: T.odp };
    return { ok: false, reason: 'ZIP archives are not accepted: hand in one PDF, DOCX, PPTX or video file' };
  }
  return { ok: false, reason: `accepted files: ${ACCEPTED_LABELS.join(', ')}` };
}
