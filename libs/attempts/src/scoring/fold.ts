import { foldVietnamese } from '../../../platform/src/text/fold';

/**
 * The comparison form of a short answer: NFC, runs of white space as one, and (unless the
 * question says otherwise) without case and Vietnamese diacritics, as the question bank folds.
 */
export function foldText(s: string, opts: { caseSensitive?: boolean; diacriticsSensitive?: boolean } = {}): string {
  const t = s.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!opts.diacriticsSensitive) return opts.caseSensitive ? stripMarks(t) : foldVietnamese(t);
  return opts.caseSensitive ? t : t.toLowerCase();
}

/** Diacritics off, case kept. */
function stripMarks(t: string): string {
  return t
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}
