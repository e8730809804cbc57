import type { FileHandle } from 'node:fs/promises';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Member names of a ZIP file from its central directory (at the end of the file, so the
 * whole upload must be on disk), plus the OpenDocument `mimetype` member if stored
 * uncompressed first, as that format requires. Null when the file is not a readable ZIP.
 */
export async function zipMembers(fh: FileHandle, size: number): Promise<{ names: string[]; mimetype: string | null } | null> {
  const tailLen = Math.min(size, 22 + 0xffff);
  const tail = Buffer.alloc(tailLen);
  await fh.read(tail, 0, tailLen, size - tailLen);
  let at = -1;
  for (let i = tailLen - 22; i >= 0; i--)
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  if (at < 0) return null;
  const count = tail.readUInt16LE(at + 10);
  const cdSize = tail.readUInt32LE(at + 12);
  const cdOffset = tail.readUInt32LE(at + 16);
  if (cdOffset + cdSize > size || cdSize > 16 * 1024 * 1024) return null;
  const cd = Buffer.alloc(cdSize);
  await fh.read(cd, 0, cdSize, cdOffset);
  const names: string[] = [];
  let p = 0;
  for (let n = 0; n < count && p + 46 <= cd.length; n++) {
    if (cd.readUInt32LE(p) !== CENTRAL) return null;
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    names.push(cd.subarray(p + 46, p + 46 + nameLen).toString('utf8'));
    p += 46 + nameLen + extraLen + commentLen;
  }
  let mimetype: string | null = null;
  const head = Buffer.alloc(30 + 8 + 100);
  const { bytesRead } = await fh.read(head, 0, head.length, 0);
  if (bytesRead >= 30 && head.readUInt32LE(0) === LOCAL && head.readUInt16LE(8) === 0) {
    const nameLen = head.readUInt16LE(26);
    const extraLen = head.readUInt16LE(28);
    const dataLen = head.readUInt32LE(18);
    if (head.subarray(30, 30 + nameLen).toString('latin1') === 'mimetype' && dataLen <= 100) {
      const start = 30 + nameLen + extraLen;
      mimetype = head.subarray(start, Math.min(bytesRead, start + dataLen)).toString('latin1');
    }
  }
  return { names, mimetype };
}
