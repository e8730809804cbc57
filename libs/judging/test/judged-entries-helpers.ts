import { Http, Res } from '../../../test/harness';

/** A minimal (valid enough to sniff) PDF. */
export function pdfBytes(label = 'Đề cương'): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${label}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'utf8');
}

/** A ZIP with stored (uncompressed) members: enough for Office / OpenDocument sniffing. */
export function zipBytes(members: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(members)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const n = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(0, 14); // CRC not checked by the sniffer
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(members).length, 8);
  end.writeUInt16LE(Object.keys(members).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export const docxBytes = (extra: Record<string, string> = {}) =>
  zipBytes({ '[Content_Types].xml': '<Types/>', '_rels/.rels': '<Relationships/>', 'word/document.xml': '<w:document>Bài dự thi</w:document>', ...extra });

export const pptxBytes = () => zipBytes({ '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p:presentation/>' });

/** An MP4 header (ftyp box, brand isom) followed by padding. */
export function mp4Bytes(size = 2048): Buffer {
  const b = Buffer.alloc(size);
  b.writeUInt32BE(24, 0);
  b.write('ftypisom', 4, 'latin1');
  return b;
}

/** POST /rounds/:id/entries as multipart: text fields first, then the file in "file". */
export function handInFile(
  http: Http,
  roundId: string,
  token: string,
  file: { bytes: Buffer; name: string; type?: string },
  fields: Record<string, string> = {},
  field = 'file',
): Promise<Res> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append(field, new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
  return http.req('POST', `/rounds/${roundId}/entries`, { token, raw: form });
}

/** Rubric marks that add up to `total` on content 50 / delivery 30 / form 20. */
export function marksFor(total: number): { content: number; delivery: number; form: number } {
  const content = Math.min(50, total);
  const delivery = Math.min(30, total - content);
  return { content, delivery, form: total - content - delivery };
}

export const RUBRIC = [
  { key: 'content', label: 'Nội dung', maxPoints: 50 },
  { key: 'delivery', label: 'Kỹ năng trình bày', maxPoints: 30 },
  { key: 'form', label: 'Hình thức, thời gian', maxPoints: 20 },
];
