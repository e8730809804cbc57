import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { badRequest, DomainError } from './domain-error';

export interface Upload {
  file: Buffer;
  filename: string;
  /** Multipart fields sent before the file. */
  fields: Record<string, string>;
}

/** Reads the multipart field "file" into memory, refusing more than `maxBytes` with a 413. */
export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!req.isMultipart()) throw badRequest('file_required', 'Send the file as multipart/form-data in the field "file"');
  let part: MultipartFile | undefined;
  try {
    part = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  } catch (e) {
    throw badRequest('file_required', `The multipart body could not be read: ${(e as Error).message}`);
  }
  if (!part) throw badRequest('file_required', 'No file: send it in the multipart field "file"');
  if (part.fieldname !== 'file') throw badRequest('file_required', `The file must be sent in the field "file" (got "${part.fieldname}")`);
  let file: Buffer;
  try {
    file = await part.toBuffer();
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new DomainError('file_too_large', 413, `The file is larger than the import limit of ${(maxBytes / 1024 / 1024).toFixed(1)} MB`, { maxBytes });
    }
    throw badRequest('file_required', `The upload could not be read: ${(e as Error).message}`);
  }
  if (!file.length) throw badRequest('file_required', 'The file is empty');
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v && v.type === 'field' && name !== 'file') fields[name] = String(v.value);
  }
  return { file, filename: part.filename ?? '', fields };
}
