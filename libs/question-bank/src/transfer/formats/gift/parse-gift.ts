import type { QuestionInput } from '../../../questions/question-content';
import { htmlToText } from '../../../text/html-to-text';
import { moodleCategoryToPath } from '../../../topics/topic-path';
import { fileLines } from '../../../../../platform/src/files/decode-text';
import { ParsedQuestion, ParseItem } from '../types';
import { findUnescaped, splitUnescaped, unescapeGift } from './gift-text';

/** Comment lines starting with this carry what GIFT cannot: difficulty, points, legal reference… */
export const GIFT_META_PREFIX = '//@lc ';

interface Block {
  line: number;
  text: string;
  meta: string | null;
  topic: string | null;
}

interface GiftAnswer {
  mark: '=' | '~' | '';
  weight: number | null;
  text: string;
  feedback: string | null;
}

/**
 * Moodle's GIFT format (https://docs.moodle.org/en/GIFT_format): one question per block of
 * non-blank lines, "//" comments, "$CATEGORY:" lines, "::title::", answers in braces.
 */
export function* parseGift(file: string | Buffer): Generator<ParseItem> {
  for (const block of blocks(file)) yield parseBlock(block);
}

function* blocks(file: string | Buffer): Generator<Block> {
  let topic: string | null = null;
  let current: { line: number; lines: string[]; meta: string | null } | null = null;
  const finish = (): Block | null => {
    const done = current?.lines.length ? { line: current.line, text: current.lines.join('\n'), meta: current.meta, topic } : null;
    current = null;
    return done;
  };
  for (const [line, raw] of fileLines(file)) {
    const trimmed = raw.trim();
    if (!trimmed) {
      const done = finish();
      if (done) yield done;
      continue;
    }
    if (trimmed.startsWith('//')) {
      if (trimmed.startsWith(GIFT_META_PREFIX.trim())) {
        current ??= { line, lines: [], meta: null };
        current.meta = trimmed.slice(GIFT_META_PREFIX.trim().length).trim();
      }
      continue;
    }
    if (/^\$CATEGORY:/i.test(trimmed)) {
      const done = finish();
      if (done) yield done;
      const path = moodleCategoryToPath(trimmed.slice('$CATEGORY:'.length).trim());
      topic = path.trim() ? path : null;
      continue;
    }
    current ??= { line, lines: [], meta: null };
    if (!current.lines.length) current.line = line;
    current.lines.push(raw);
  }
  const done = finish();
  if (done) yield done;
}

function parseBlock(block: Block): ParsedQuestion {
  let rest = block.text.trim();
  let title = '';
  if (rest.startsWith('::')) {
    const end = findUnescaped(rest, '::', 2);
    if (end !== -1) {
      title = unescapeGift(rest.slice(2, end)).trim();
      rest = rest.slice(end + 2);
    }
  }
  const ref = `line ${block.line}${title ? ` (${title.slice(0, 60)})` : ''}`;
  const q: ParsedQuestion = { ref, line: block.line };
  const warnings: string[] = [];

  const open = findUnescaped(rest, '{');
  if (open === -1) return { ...q, skip: 'no answer block in braces: a description, not a question' };
  const close = findUnescaped(rest, '}', open + 1);
  if (close === -1) return { ...q, problems: ['the answer block opened with { is never closed by }'] };

  let before = rest.slice(0, open);
  const section = rest.slice(open + 1, close);
  const after = rest.slice(close + 1).trim();
  let html = false;
  const format = /^\s*\[(html|moodle|plain|markdown)\]/i.exec(before);
  if (format) {
    html = format[1].toLowerCase() === 'html';
    before = before.slice(format[0].length);
  }
  const stem = withBlank(textOf(before, html, warnings), unescapeGift(after), warnings);

  const [answerPart, ...general] = splitUnescaped(section, '####');
  const explanation = general.length ? textOf(general.join('####'), html, warnings) : null;
  const meta = readMeta(block.meta);
  if ('problem' in meta) return { ...q, problems: [meta.problem] };
  const base: QuestionInput = { stem, explanation, topic: block.topic, ...meta.fields };

  const answer = answerPart.trim();
  const result = interpret(answer, html, warnings);
  if ('skip' in result) return { ...q, skip: result.skip };
  if ('problem' in result) return { ...q, problems: [result.problem] };
  const input: QuestionInput = { ...base, ...result.input, answer: mergeAnswer(result.input.answer, meta.answerFlags) };
  return { ...q, input, warnings: warnings.length ? [...new Set(warnings)] : undefined };
}

type Interpretation = { input: QuestionInput } | { skip: string } | { problem: string };

function interpret(section: string, html: boolean, warnings: string[]): Interpretation {
  if (section === '') return { input: { type: 'essay' } };
  if (section.startsWith('#')) return numeric(section.slice(1), warnings);
  const tf = /^(TRUE|FALSE|T|F)\s*(#[\s\S]*)?$/i.exec(section);
  if (tf) {
    if (tf[2]) warnings.push('per-answer feedback is not kept');
    const isTrue = tf[1].toUpperCase().startsWith('T');
    return {
      input: {
        type: 'true_false',
        options: [
          { text: 'Đúng', correct: isTrue },
          { text: 'Sai', correct: !isTrue },
        ],
      },
    };
  }
  const answers = splitAnswers(section, html, warnings);
  if (answers.some((a) => a.text.includes('->'))) return { skip: 'matching questions are not supported' };
  if (answers.some((a) => a.mark === '')) return { problem: `text "${answers[0].text.slice(0, 40)}" before the first = or ~ in the answer block` };
  if (answers.some((a) => a.feedback)) warnings.push('per-answer feedback is not kept');

  if (answers.every((a) => a.mark === '=')) {
    const accepted = answers.filter((a) => (a.weight ?? 100) >= 100 && a.text !== '*').map((a) => a.text);
    if (answers.length !== accepted.length)
      warnings.push('answers with partial credit (or the * wildcard) are not kept; only fully correct answers are accepted');
    if (!accepted.length) return { problem: 'no fully correct answer (=) in a short-answer question' };
    return { input: { type: 'short_text', answer: { accepted } } };
  }

  // As in Moodle: one "=" makes a single-choice question; weighted "~" options alone make a
  // multiple-answer one, whose correct options are those with a positive weight.
  const equals = answers.filter((a) => a.mark === '=');
  const positive = answers.filter((a) => a.mark === '~' && a.weight !== null && a.weight > 0);
  if (equals.length === 1) {
    if (positive.length) warnings.push('partial-credit options are not kept: only the fully correct option counts');
    return { input: { type: 'single', options: answers.map((a) => ({ text: a.text, correct: a === equals[0] })) } };
  }
  const correct = equals.length ? equals : positive;
  if (equals.length && positive.length) warnings.push('partial-credit options are not kept: only the = options count as correct');
  if (!correct.length) return { problem: 'no correct option: mark the right answer with = (or a positive %weight%)' };
  return { input: { type: 'multiple', options: answers.map((a) => ({ text: a.text, correct: correct.includes(a) })) } };
}

function numeric(section: string, warnings: string[]): Interpretation {
  const answers = splitAnswers(section, false, warnings);
  const candidates = answers.filter((a) => a.mark === '' || a.mark === '=');
  const best = candidates.filter((a) => (a.weight ?? 100) >= 100);
  if (answers.some((a) => a.feedback)) warnings.push('per-answer feedback is not kept');
  if (candidates.length > best.length) warnings.push('numeric answers with partial credit are not kept');
  if (!best.length || !best[0].text) return { problem: 'a numeric question needs a number after #' };
  if (best.length > 1) warnings.push('only the first fully correct numeric answer is kept');
  const parsed = parseNumericAnswer(best[0].text);
  if (!parsed) return { problem: `"${best[0].text}" is not a number, number:tolerance or min..max` };
  return { input: { type: 'numeric', answer: parsed } };
}

/** "1822", "1822:2" or "3.141..3.142" (a range becomes its midpoint and half-width). */
export function parseNumericAnswer(text: string): { value: number; tolerance: number } | null {
  const t = text.trim();
  const num = (s: string) => (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s.trim()) ? Number(s.trim()) : NaN);
  const range = /^(.+?)\.\.(.+)$/.exec(t);
  if (range) {
    const lo = num(range[1]);
    const hi = num(range[2]);
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi < lo) return null;
    return { value: round((lo + hi) / 2), tolerance: round((hi - lo) / 2) };
  }
  const [v, tol, extra] = t.split(':');
  if (extra !== undefined) return null;
  const value = num(v);
  const tolerance = tol === undefined ? 0 : num(tol);
  if (!Number.isFinite(value) || !Number.isFinite(tolerance) || tolerance < 0) return null;
  return { value, tolerance };
}

const round = (n: number): number => Number(n.toPrecision(12));

function splitAnswers(section: string, html: boolean, warnings: string[]): GiftAnswer[] {
  const out: GiftAnswer[] = [];
  let start = 0;
  let mark: GiftAnswer['mark'] = '';
  const push = (end: number) => {
    const raw = section.slice(start, end);
    if (mark === '' && !raw.trim()) return;
    let body = raw.trim();
    let weight: number | null = null;
    const w = /^%(-?\d+(?:\.\d+)?)%/.exec(body);
    if (w) {
      weight = Number(w[1]);
      body = body.slice(w[0].length);
    }
    const hash = findUnescaped(body, '#');
    const feedback = hash === -1 ? null : unescapeGift(body.slice(hash + 1)).trim() || null;
    const text = textOf(hash === -1 ? body : body.slice(0, hash), html, warnings);
    out.push({ mark, weight, text, feedback });
  };
  for (let i = 0; i < section.length; i++) {
    const c = section[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '=' || c === '~') {
      // "->" in matching answers contains neither; "=" inside a word is a new answer in GIFT too.
      push(i);
      mark = c;
      start = i + 1;
    }
  }
  push(section.length);
  return out;
}

function textOf(raw: string, html: boolean, warnings: string[]): string {
  let text = unescapeGift(raw);
  const marker = /^\s*\[(html|moodle|plain|markdown)\]/i.exec(text);
  if (marker) {
    html = marker[1].toLowerCase() === 'html';
    text = text.slice(marker[0].length);
  }
  if (!html) return text.trim();
  const t = htmlToText(text);
  if (t.droppedImages) warnings.push('images in the text are not kept');
  return t.text;
}

/**
 * Text after the answer block makes a "missing word" question: the block is the blank.
 * Bare punctuation after a finished sentence (a stray "." or '";') is not a blank.
 */
function withBlank(before: string, after: string, warnings: string[]): string {
  const a = after.trim();
  if (!a) return before;
  const wordy = /[\p{L}\p{N}]/u.test(a);
  if (!wordy && /[?.!:;]\s*$/.test(before)) {
    warnings.push(`text after the answer block ("${a.slice(0, 20)}") is ignored`);
    return before;
  }
  return `${before} _____${/^[\p{L}\p{N}]/u.test(a) ? ' ' : ''}${a}`;
}

interface MetaFields {
  fields: Partial<QuestionInput>;
  answerFlags: { caseSensitive?: boolean; diacriticsSensitive?: boolean };
}

function readMeta(raw: string | null): MetaFields | { problem: string } {
  if (!raw) return { fields: {}, answerFlags: {} };
  let m: Record<string, unknown>;
  try {
    m = JSON.parse(raw) as Record<string, unknown>;
    if (typeof m !== 'object' || m === null || Array.isArray(m)) throw new Error('not an object');
  } catch {
    return { problem: `the ${GIFT_META_PREFIX.trim()} comment is not a JSON object` };
  }
  const fields: Partial<QuestionInput> = {};
  if (m.difficulty !== undefined) fields.difficulty = m.difficulty as number;
  if (m.points !== undefined) fields.points = m.points as number;
  if (typeof m.legalReference === 'string') fields.legalReference = m.legalReference;
  if (typeof m.rubric === 'string') fields.rubric = m.rubric;
  if (Array.isArray(m.tags)) fields.tags = m.tags.map(String);
  return { fields, answerFlags: { caseSensitive: m.caseSensitive === true, diacriticsSensitive: m.diacriticsSensitive === true } };
}

function mergeAnswer(answer: QuestionInput['answer'], flags: MetaFields['answerFlags']): QuestionInput['answer'] {
  if (!answer || !answer.accepted) return answer;
  return { ...answer, ...(flags.caseSensitive ? { caseSensitive: true } : {}), ...(flags.diacriticsSensitive ? { diacriticsSensitive: true } : {}) };
}
