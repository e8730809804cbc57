import { badRequest } from '@lc/platform';
import type { DuplicateMode } from '../questions/question.dto';
import { formatFromFilename } from './formats/registry';
import { IMPORT_FORMATS, ImportFormat } from './formats/types';

export interface ImportOptions {
  format: ImportFormat;
  dryRun: boolean;
  duplicates: DuplicateMode;
}

const KNOWN = ['format', 'dryRun', 'duplicates'];

/**
 * Options come as query parameters or as multipart fields sent before the file (the query
 * wins). The format may be left out when the file name says it (.xlsx, .csv, .gift, .xml).
 */
export function readImportOptions(query: Record<string, unknown>, fields: Record<string, string>, filename: string): ImportOptions {
  const unknown = [...Object.keys(query), ...Object.keys(fields)].filter((k) => !KNOWN.includes(k));
  if (unknown.length) throw badRequest('validation_failed', `Unknown import option(s): ${[...new Set(unknown)].join(', ')}`, { allowed: KNOWN });
  const pick = (k: string): string | undefined => {
    const v = query[k] ?? fields[k];
    return v === undefined ? undefined : String(v).trim();
  };
  const format = pick('format') ?? formatFromFilename(filename) ?? undefined;
  if (!format) throw badRequest('format_required', `Say which format the file is in: format=${IMPORT_FORMATS.join('|')}`);
  if (!IMPORT_FORMATS.includes(format as ImportFormat)) throw badRequest('validation_failed', `format must be one of ${IMPORT_FORMATS.join(', ')}`);
  const dry = pick('dryRun') ?? 'false';
  if (!['true', 'false', '1', '0'].includes(dry)) throw badRequest('validation_failed', 'dryRun must be true or false');
  const duplicates = pick('duplicates') ?? 'skip';
  if (duplicates !== 'skip' && duplicates !== 'keep') throw badRequest('validation_failed', 'duplicates must be skip or keep');
  return { format: format as ImportFormat, dryRun: dry === 'true' || dry === '1', duplicates };
}
