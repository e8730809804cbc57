import { isNumericAnswer, isShortTextAnswer, QuestionContent, QuestionInput } from '../../../questions/question-content';
import { LIMITS } from '../../../questions/question-limits';
import { truthOf } from '../../../questions/question-rules';
import { foldVietnamese } from '../../../../../platform/src/text/fold';
import type { SheetLimits, SheetRow } from '../../../../../platform/src/files/sheet-rows';
import { fileRefused, ParseItem, ParsedQuestion } from '../types';
import { HeaderMap, mapHeader } from './header-map';

/** The extra columns of an export, after the template's (header-map.ts lists every column). */
export const EXTRA_COLUMNS = ['tolerance', 'tags', 'rubric', 'case_sensitive', 'diacritics_sensitive'] as const;
/**
 * Type codes as people write them, English or Vietnamese (folded: case and diacritics
 * ignored; the Vietnamese template writes the labels of the question editor).
 */
const TYPE_ALIASES: Record<string, string> = {
  truefalse: 'true_false',
  'true/false': 'true_false',
  tf: 'true_false',
  shorttext: 'short_text',
  short: 'short_text',
  text: 'short_text',
  multi: 'multiple',
  number: 'numeric',
  'mot dap an dung': 'single',
  'mot lua chon': 'single',
  'nhieu dap an dung': 'multiple',
  'nhieu lua chon': 'multiple',
  'dung / sai': 'true_false',
  'dung/sai': 'true_false',
  'dung sai': 'true_false',
  'dien so': 'numeric',
  'tra loi ngan': 'short_text',
  'tu luan': 'essay',
};

export type SheetHeader = HeaderMap;

/** The header row to columns; a header with unknown or missing columns refuses the file (header-map.ts). */
export const readHeader = (cells: string[]): SheetHeader => mapHeader(cells);

/** Undoes the "'" that exports put before text Excel would read as a formula. */
const unguard = (s: string): string => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

/** One data row (cells as text) to a question, as the template defines the columns. */
export function rowToQuestion(header: SheetHeader, cells: string[], row: number): ParsedQuestion {
  const ref = `row ${row}`;
  const problems: string[] = [];
  const get = (name: string): string => {
    const i = header.names.indexOf(name);
    return i === -1 ? '' : unguard((cells[i] ?? '').trim());
  };
  header.names.forEach((n, i) => {
    if (n && (cells[i]?.length ?? 0) > LIMITS.stem) problems.push(`the cell in column ${n} is longer than ${LIMITS.stem} characters`);
  });
  if (problems.length) return { ref, row, problems };

  const rawType = get('type').toLowerCase();
  const type = TYPE_ALIASES[foldVietnamese(rawType).replace(/\s+/g, ' ')] ?? rawType;
  const optionTexts = header.optionColumns.map((i) => unguard((cells[i] ?? '').trim()));
  while (optionTexts.length && !optionTexts[optionTexts.length - 1]) optionTexts.pop();
  const correct = get('correct');
  const input: QuestionInput = {
    type,
    stem: get('question'),
    topic: get('topic') || null,
    legalReference: get('legal_reference') || null,
    explanation: get('explanation') || null,
    rubric: get('rubric') || null,
    difficulty: numberOrUndefined(get('difficulty'), 'difficulty', problems),
    points: numberOrUndefined(get('points'), 'points', problems),
    tags: get('tags')
      .split(/[,;]/)
      .map((t) => t.trim())
      .filter(Boolean),
  };

  switch (type) {
    case 'single':
    case 'multiple':
    case 'true_false': {
      let texts = optionTexts;
      if (type === 'true_false' && !texts.length) texts = ['Đúng', 'Sai'];
      const picked = pickOptions(correct, texts, type === 'true_false', problems);
      input.options = texts.map((text, i) => ({ text, correct: picked.includes(i) }));
      break;
    }
    case 'numeric': {
      const value = parseNumber(correct);
      const tol = get('tolerance');
      if (value === null) problems.push(`correct must be the numeric answer (got "${correct}")`);
      const tolerance = tol ? parseNumber(tol) : 0;
      if (tolerance === null) problems.push(`tolerance must be a number (got "${tol}")`);
      if (optionTexts.length) problems.push('a numeric question has no options: put the number in the correct column');
      input.answer = { value: value ?? NaN, tolerance: tolerance ?? 0 };
      break;
    }
    case 'short_text':
      if (optionTexts.length) problems.push('a short-text question has no options: put the accepted answers in the correct column, separated by |');
      input.answer = {
        accepted: correct
          .split(/\n|\|/)
          .map((a) => a.trim())
          .filter(Boolean),
        caseSensitive: truthOf(get('case_sensitive')) === true,
        diacriticsSensitive: truthOf(get('diacritics_sensitive')) === true,
      };
      break;
    case 'essay':
      if (optionTexts.length || correct) problems.push('an essay question has no options or correct answer');
      break;
    default:
      break; // normaliseQuestion names the bad type
  }
  return problems.length ? { ref, row, problems } : { ref, row, input };
}

function pickOptions(correct: string, texts: string[], trueFalse: boolean, problems: string[]): number[] {
  if (!correct) {
    problems.push('the correct column is empty: give the letter(s) of the correct option(s), e.g. B or A,C');
    return [];
  }
  if (trueFalse && truthOf(correct) !== null && !/^[ab]$/i.test(correct)) {
    const want = truthOf(correct);
    return texts.map((t, i) => (truthOf(t) === want ? i : -1)).filter((i) => i >= 0);
  }
  const letters = correct.split(/[\s,;]+/).filter(Boolean);
  const out: number[] = [];
  for (const l of letters) {
    const i = /^[a-z]$/i.test(l) ? l.toUpperCase().charCodeAt(0) - 65 : -1;
    if (i < 0 || i >= texts.length)
      problems.push(`correct "${l}" is not the letter of a filled option (A–${String.fromCharCode(64 + Math.max(texts.length, 1))})`);
    else if (!out.includes(i)) out.push(i);
  }
  return out;
}

/** Numbers as people type them: "2021", "0,5" (Vietnamese decimal comma), "1.5". */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/\s/g, '');
  if (!t) return null;
  const normal = /^[-+]?\d+,\d+$/.test(t) ? t.replace(',', '.') : t;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normal)) return null;
  return Number(normal);
}

function numberOrUndefined(text: string, column: string, problems: string[]): number | undefined {
  if (!text) return undefined;
  const n = parseNumber(text);
  if (n === null) problems.push(`${column} must be a number (got "${text}")`);
  return n ?? undefined;
}

/** The header an export writes: the template, more option columns when needed, then the extras. */
export function exportHeader(optionCount: number): string[] {
  const letters = Array.from({ length: Math.max(4, optionCount) }, (_, i) => `option_${String.fromCharCode(97 + i)}`);
  return ['topic', 'legal_reference', 'type', 'difficulty', 'points', 'question', ...letters, 'correct', 'explanation', ...EXTRA_COLUMNS];
}

/** One question as a row under exportHeader(optionCount). */
export function questionToRow(q: QuestionContent, optionCount: number): (string | number)[] {
  const options = Array.from({ length: Math.max(4, optionCount) }, (_, i) => q.options[i]?.text ?? '');
  let correct: string | number = '';
  let tolerance: string | number = '';
  if (q.options.length)
    correct = q.options
      .map((o, i) => (o.correct ? String.fromCharCode(65 + i) : ''))
      .filter(Boolean)
      .join(',');
  if (isNumericAnswer(q.answer)) {
    correct = q.answer.value;
    tolerance = q.answer.tolerance;
  }
  const short = isShortTextAnswer(q.answer) ? q.answer : null;
  if (short) correct = short.accepted.join('|');
  return [
    q.topic ?? '',
    q.legalReference ?? '',
    q.type,
    q.difficulty,
    q.points,
    q.stem,
    ...options,
    correct,
    q.explanation ?? '',
    tolerance,
    q.tags.join(', '),
    q.rubric ?? '',
    short?.caseSensitive ? 'TRUE' : '',
    short?.diacriticsSensitive ? 'TRUE' : '',
  ];
}

export const MAX_SHEET_ROWS = LIMITS.importQuestions;
export const SHEET_LIMITS: SheetLimits = { maxRows: MAX_SHEET_ROWS, rowNoun: 'questions' };

/** A sheet's rows as questions: the first row is the header (unknown or missing columns refuse the file), each later row one question. */
export async function* parseSheet(rows: AsyncIterable<SheetRow>, emptyMessage: string): AsyncGenerator<ParseItem> {
  let header: SheetHeader | null = null;
  for await (const { row, cells } of rows) {
    if (!header) {
      header = readHeader(cells);
      continue;
    }
    yield rowToQuestion(header, cells, row);
  }
  if (!header) throw fileRefused(emptyMessage);
}
