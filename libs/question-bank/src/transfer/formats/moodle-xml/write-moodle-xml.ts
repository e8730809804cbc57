import { isNumericAnswer, isShortTextAnswer, QuestionContent } from '../../../questions/question-content';
import { escapeXml } from '../../../text/html-to-text';
import { pathToMoodleCategory } from '../../../topics/topic-path';
import { ExportedFile } from '../types';

const MOODLE_TYPE = {
  single: 'multichoice',
  multiple: 'multichoice',
  true_false: 'truefalse',
  numeric: 'numerical',
  short_text: 'shortanswer',
  essay: 'essay',
} as const;

/**
 * Moodle XML that Moodle imports and parseMoodleXml reads back the same. Text is written
 * as plain_text; difficulty, legal reference and the diacritics flag are extra elements
 * Moodle ignores.
 */
export function writeMoodleXml(questions: QuestionContent[]): ExportedFile {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>'];
  let topic: string | null = null;
  for (const q of questions) {
    if (q.topic !== null && q.topic !== topic) {
      out.push('  <question type="category">', `    <category><text>${escapeXml(pathToMoodleCategory(q.topic))}</text></category>`, '  </question>');
    }
    topic = q.topic ?? topic;
    out.push(...question(q));
  }
  out.push('</quiz>', '');
  return { content: Buffer.from(out.join('\n'), 'utf8'), contentType: 'application/xml; charset=utf-8', extension: 'xml', skipped: 0 };
}

const text = (tag: string, value: string, indent = '    ') => `${indent}<${tag} format="plain_text"><text>${escapeXml(value)}</text></${tag}>`;

function question(q: QuestionContent): string[] {
  const lines = [
    `  <question type="${MOODLE_TYPE[q.type]}">`,
    `    <name><text>${escapeXml(q.stem.replace(/\s+/g, ' ').slice(0, 60))}</text></name>`,
    text('questiontext', q.stem),
    text('generalfeedback', q.explanation ?? ''),
    `    <defaultgrade>${q.points}</defaultgrade>`,
    `    <difficulty>${q.difficulty}</difficulty>`,
  ];
  if (q.legalReference) lines.push(`    <legalreference>${escapeXml(q.legalReference)}</legalreference>`);
  const answer = (fraction: number, value: string, extra = '') =>
    `    <answer fraction="${fraction}" format="plain_text"><text>${escapeXml(value)}</text>${extra}</answer>`;
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const k = q.options.filter((o) => o.correct).length;
      lines.push(`    <single>${q.type === 'single'}</single>`, '    <shuffleanswers>1</shuffleanswers>', '    <answernumbering>ABCD</answernumbering>');
      for (const o of q.options) lines.push(answer(o.correct ? (q.type === 'single' ? 100 : Number((100 / k).toFixed(5))) : 0, o.text));
      break;
    }
    case 'true_false': {
      const isTrue = q.options[0]?.correct === true;
      lines.push(answer(isTrue ? 100 : 0, 'true'), answer(isTrue ? 0 : 100, 'false'));
      break;
    }
    case 'numeric':
      if (isNumericAnswer(q.answer)) lines.push(answer(100, String(q.answer.value), `<tolerance>${q.answer.tolerance}</tolerance>`));
      break;
    case 'short_text':
      if (isShortTextAnswer(q.answer)) {
        lines.push(`    <usecase>${q.answer.caseSensitive ? 1 : 0}</usecase>`);
        if (q.answer.diacriticsSensitive) lines.push('    <diacriticssensitive>1</diacriticssensitive>');
        for (const a of q.answer.accepted) lines.push(answer(100, a));
      }
      break;
    case 'essay':
      lines.push('    <responseformat>editor</responseformat>', text('graderinfo', q.rubric ?? ''));
      break;
  }
  if (q.type !== 'essay' && q.rubric) lines.push(text('graderinfo', q.rubric));
  if (q.tags.length) lines.push('    <tags>', ...q.tags.map((t) => `      <tag><text>${escapeXml(t)}</text></tag>`), '    </tags>');
  lines.push('  </question>');
  return lines;
}
