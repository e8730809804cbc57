import { isNumericAnswer, isShortTextAnswer, QuestionContent } from '../../../questions/question-content';
import { pathToMoodleCategory } from '../../../topics/topic-path';
import { ExportedFile } from '../types';
import { escapeGift } from './gift-text';
import { GIFT_META_PREFIX } from './parse-gift';

/**
 * GIFT that Moodle imports and that parseGift reads back to the same questions: what GIFT
 * has no syntax for (difficulty, points, legal reference, tags, rubric, matching options)
 * rides in a comment line Moodle ignores.
 */
export function writeGift(questions: QuestionContent[]): ExportedFile {
  const out: string[] = ['// Exported from the legal-knowledge contest platform (GIFT format).', ''];
  let topic: string | null = null;
  for (const q of questions) {
    if (q.topic !== topic && q.topic !== null) {
      out.push(`$CATEGORY: ${pathToMoodleCategory(q.topic)}`, '');
    }
    topic = q.topic ?? topic;
    const meta = metaOf(q);
    if (meta) out.push(`${GIFT_META_PREFIX}${meta}`);
    const title = escapeGift(q.stem.replace(/\s+/g, ' ').slice(0, 60));
    out.push(`::${title}::${escapeGift(q.stem)} {${answerBlock(q)}}`, '');
  }
  return { content: Buffer.from(out.join('\n'), 'utf8'), contentType: 'text/plain; charset=utf-8', extension: 'gift.txt', skipped: 0 };
}

function answerBlock(q: QuestionContent): string {
  const general = q.explanation ? ` ####${escapeGift(q.explanation)}` : '';
  switch (q.type) {
    case 'single':
      return `${q.options.map((o) => `${o.correct ? '=' : '~'}${escapeGift(o.text)}`).join(' ')}${general}`;
    case 'multiple': {
      const k = q.options.filter((o) => o.correct).length;
      const weight = Number((100 / k).toFixed(5));
      return `${q.options.map((o) => `~%${o.correct ? weight : -100}%${escapeGift(o.text)}`).join(' ')}${general}`;
    }
    case 'true_false':
      return `${q.options[0]?.correct ? 'TRUE' : 'FALSE'}${general}`;
    case 'numeric':
      return isNumericAnswer(q.answer) ? `#${q.answer.value}:${q.answer.tolerance}${general}` : general;
    case 'short_text':
      return isShortTextAnswer(q.answer) ? `${q.answer.accepted.map((a) => `=${escapeGift(a)}`).join(' ')}${general}` : general;
    case 'essay':
      return general.trim();
  }
}

function metaOf(q: QuestionContent): string | null {
  const m: Record<string, unknown> = {};
  if (q.difficulty !== 1) m.difficulty = q.difficulty;
  if (q.points !== 1) m.points = q.points;
  if (q.legalReference) m.legalReference = q.legalReference;
  if (q.tags.length) m.tags = q.tags;
  if (q.rubric) m.rubric = q.rubric;
  if (isShortTextAnswer(q.answer)) {
    if (q.answer.caseSensitive) m.caseSensitive = true;
    if (q.answer.diacriticsSensitive) m.diacriticsSensitive = true;
  }
  return Object.keys(m).length ? JSON.stringify(m) : null;
}
