import { QuestionContent } from '../../../questions/question-content';
import { ExportedFile } from '../types';

const LOOKS_SPECIAL = /^([A-Z][.)]|ANSWER\s*:)/;

/**
 * Aiken holds single-choice questions only, as plain lines. Questions it cannot hold
 * exactly (other types, blank or option-like lines, more than 26 options) are left out
 * and counted, never written half-true.
 */
export function writeAiken(questions: QuestionContent[]): ExportedFile {
  const out: string[] = [];
  let skipped = 0;
  for (const q of questions) {
    const stemLines = q.stem.split('\n');
    const fits =
      q.type === 'single' &&
      q.options.length <= 26 &&
      stemLines.every((l) => l.trim() !== '' && l === l.trim() && !LOOKS_SPECIAL.test(l)) &&
      q.options.every((o) => !o.text.includes('\n'));
    if (!fits) {
      skipped++;
      continue;
    }
    out.push(...stemLines);
    q.options.forEach((o, i) => out.push(`${String.fromCharCode(65 + i)}) ${o.text}`));
    out.push(`ANSWER: ${String.fromCharCode(65 + q.options.findIndex((o) => o.correct))}`, '');
  }
  return { content: Buffer.from(out.join('\n'), 'utf8'), contentType: 'text/plain; charset=utf-8', extension: 'aiken.txt', skipped };
}
