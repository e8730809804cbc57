import { randomBytes } from 'node:crypto';
import { QUESTION_TYPES, QuestionType } from '../pool/question-pool.types';
import { cleanOptional, cleanText } from '../text/clean-text';
import { foldVietnamese } from '../../../platform/src/text/fold';
import { normaliseTopicPath } from '../topics/topic-path';
import { AnswerContent, OptionContent, QuestionContent, QuestionInput, TRUE_FALSE_LABELS } from './question-content';
import { LIMITS } from './question-limits';

export const newOptionId = (): string => randomBytes(6).toString('base64url');
const OPTION_ID = /^[A-Za-z0-9_-]{1,32}$/;
const TRUE_WORDS = new Set(['dung', 'true', 't', 'yes', 'co', 'y', 'x', '1']);
const FALSE_WORDS = new Set(['sai', 'false', 'f', 'no', 'khong', 'n', '0']);

/** Reads "Đúng"/"Sai" (and True/False, T/F, Có/Không…) as a truth value; null when it is neither. */
export function truthOf(text: string): boolean | null {
  const w = foldVietnamese(text.trim());
  if (TRUE_WORDS.has(w)) return true;
  if (FALSE_WORDS.has(w)) return false;
  return null;
}

const OPTION_LABELS = Array.from({ length: 26 }, (_, i) => `option ${String.fromCharCode(65 + i)}`);
const optionLabel = (i: number): string => OPTION_LABELS[Math.min(i, 25)];

export type Normalised = { content: QuestionContent; problems?: undefined } | { content?: undefined; problems: string[] };

/**
 * Validates a question and brings it to its one stored form. Every rule a question must
 * satisfy lives here, so the API and every importer agree; the result lists every
 * problem, not just the first.
 */
export function normaliseQuestion(input: QuestionInput, makeOptionId: () => string = newOptionId): Normalised {
  const problems: string[] = [];
  const type = String(input.type ?? '')
    .trim()
    .toLowerCase() as QuestionType;
  if (!QUESTION_TYPES.includes(type)) problems.push(`type must be one of ${QUESTION_TYPES.join(', ')}${input.type ? ` (got "${input.type}")` : ''}`);

  const stem = cleanText(String(input.stem ?? ''));
  if (!stem) problems.push('the question text is empty');
  else if (stem.length > LIMITS.stem) problems.push(`the question text is longer than ${LIMITS.stem} characters`);

  const difficulty = input.difficulty ?? 1;
  if (!Number.isInteger(difficulty) || difficulty < 1 || difficulty > 3) problems.push('difficulty must be 1, 2 or 3');
  const points = input.points ?? 1;
  if (typeof points !== 'number' || !Number.isFinite(points) || points <= 0 || points > LIMITS.maxPoints || Math.round(points * 100) !== points * 100) {
    problems.push(`points must be a number above 0 and at most ${LIMITS.maxPoints}, with at most 2 decimals`);
  }

  const topic = normaliseTopicPath(input.topic);
  if (topic.problem) problems.push(topic.problem);
  const legalReference = bounded(input.legalReference, LIMITS.legalReference, 'the legal reference', problems);
  const explanation = bounded(input.explanation, LIMITS.explanation, 'the explanation', problems);
  const rubric = bounded(input.rubric, LIMITS.rubric, 'the rubric', problems);
  const tags = normaliseTags(input.tags, problems);

  let options: OptionContent[] = [];
  let answer: AnswerContent = null;
  if (QUESTION_TYPES.includes(type)) {
    const rawOptions = input.options ?? [];
    const hasAnswer = input.answer !== null && input.answer !== undefined;
    switch (type) {
      case 'single':
      case 'multiple':
        options = normaliseOptions(rawOptions, makeOptionId, problems);
        if (options.length < 2) problems.push(`a ${type === 'single' ? 'single' : 'multiple'}-choice question needs at least 2 options`);
        if (type === 'single' && options.filter((o) => o.correct).length !== 1) problems.push('a single-choice question must have exactly one correct option');
        if (type === 'multiple' && !options.some((o) => o.correct)) problems.push('a multiple-choice question needs at least one correct option');
        if (hasAnswer) problems.push(`a ${type}-choice question takes options, not an answer`);
        break;
      case 'true_false':
        options = normaliseTrueFalse(rawOptions, makeOptionId, problems);
        if (hasAnswer) problems.push('a true/false question takes its two options, not an answer');
        break;
      case 'numeric':
        if (rawOptions.length) problems.push('a numeric question takes an answer { value, tolerance }, not options');
        answer = normaliseNumeric(input.answer, problems);
        break;
      case 'short_text':
        if (rawOptions.length) problems.push('a short-text question takes accepted answers, not options');
        answer = normaliseShortText(input.answer, problems);
        break;
      case 'essay':
        if (rawOptions.length || hasAnswer) problems.push('an essay question has no options or answer (put guidance for judges in the rubric)');
        break;
    }
  }
  if (problems.length) return { problems };
  return {
    content: { type, stem, options, answer, points, difficulty, topic: topic.path, legalReference, explanation, rubric, tags },
  };
}

function bounded(value: string | null | undefined, max: number, what: string, problems: string[]): string | null {
  const v = cleanOptional(value);
  if (v !== null && v.length > max) problems.push(`${what} is longer than ${max} characters`);
  return v;
}

function normaliseTags(raw: string[] | null | undefined, problems: string[]): string[] {
  const out: string[] = [];
  for (const t of raw ?? []) {
    const tag = cleanText(String(t)).replace(/\s+/g, ' ');
    if (!tag) continue;
    if (tag.length > LIMITS.tag) problems.push(`tag "${tag.slice(0, 20)}…" is longer than ${LIMITS.tag} characters`);
    else if (/[,;|]/.test(tag)) problems.push(`tag "${tag}" may not contain , ; or |`);
    else if (!out.includes(tag)) out.push(tag);
  }
  if (out.length > LIMITS.tags) problems.push(`at most ${LIMITS.tags} tags`);
  return out;
}

function normaliseOptions(raw: NonNullable<QuestionInput['options']>, makeOptionId: () => string, problems: string[]): OptionContent[] {
  if (raw.length > LIMITS.options) problems.push(`at most ${LIMITS.options} options`);
  const seenText = new Set<string>();
  const seenIds = new Set<string>();
  const out: OptionContent[] = [];
  raw.forEach((o, i) => {
    const text = cleanText(String(o?.text ?? ''));
    const label = optionLabel(i);
    if (!text) problems.push(`${label} is empty`);
    else if (text.length > LIMITS.option) problems.push(`${label} is longer than ${LIMITS.option} characters`);
    const key = text.toLowerCase();
    if (text && seenText.has(key)) problems.push(`${label} repeats another option ("${text.slice(0, 40)}")`);
    seenText.add(key);
    let id = typeof o?.id === 'string' && OPTION_ID.test(o.id) && !seenIds.has(o.id) ? o.id : makeOptionId();
    while (seenIds.has(id)) id = makeOptionId();
    seenIds.add(id);
    out.push({ id, text, correct: o?.correct === true });
  });
  return out;
}

/** Always the two options Đúng, Sai (in that order), whatever words the input used. */
function normaliseTrueFalse(raw: NonNullable<QuestionInput['options']>, makeOptionId: () => string, problems: string[]): OptionContent[] {
  if (raw.length !== 2) {
    problems.push('a true/false question has exactly two options, Đúng and Sai');
    return [];
  }
  const truths = raw.map((o) => truthOf(String(o?.text ?? '')));
  if (truths[0] === null || truths[1] === null || truths[0] === truths[1]) {
    problems.push('the options of a true/false question must be Đúng and Sai (or True and False)');
    return [];
  }
  if (raw.filter((o) => o?.correct === true).length !== 1) {
    problems.push('a true/false question must have exactly one correct option');
    return [];
  }
  const trueFirst = truths[0] ? raw : [raw[1], raw[0]];
  return trueFirst.map((o, i) => ({
    id: typeof o.id === 'string' && OPTION_ID.test(o.id) ? o.id : makeOptionId(),
    text: TRUE_FALSE_LABELS[i],
    correct: o.correct === true,
  }));
}

function normaliseNumeric(raw: QuestionInput['answer'], problems: string[]): AnswerContent {
  const value = raw?.value;
  const tolerance = raw?.tolerance ?? 0;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.push('a numeric question needs answer.value, a number');
    return null;
  }
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    problems.push('answer.tolerance must be a number of at least 0');
    return null;
  }
  if (raw?.accepted !== undefined) problems.push('a numeric question takes answer.value, not answer.accepted');
  return { value, tolerance };
}

function normaliseShortText(raw: QuestionInput['answer'], problems: string[]): AnswerContent {
  const accepted: string[] = [];
  for (const a of raw?.accepted ?? []) {
    const text = cleanText(String(a)).replace(/\s+/g, ' ');
    if (!text) continue;
    if (text.length > LIMITS.acceptedLength) problems.push(`an accepted answer is longer than ${LIMITS.acceptedLength} characters`);
    else if (text.includes('|')) problems.push(`accepted answer "${text}" may not contain |`);
    else if (!accepted.includes(text)) accepted.push(text);
  }
  if (!accepted.length) {
    problems.push('a short-text question needs at least one accepted answer');
    return null;
  }
  if (accepted.length > LIMITS.accepted) problems.push(`at most ${LIMITS.accepted} accepted answers`);
  if (raw?.value !== undefined) problems.push('a short-text question takes answer.accepted, not answer.value');
  return { accepted, caseSensitive: raw?.caseSensitive === true, diacriticsSensitive: raw?.diacriticsSensitive === true };
}

/** Whether two contents say the same thing (an edit that changes nothing makes no version). */
export function sameContent(a: QuestionContent, b: QuestionContent): boolean {
  return contentKey(a) === contentKey(b);
}

function contentKey(c: QuestionContent): string {
  const answer =
    c.answer === null
      ? null
      : 'value' in c.answer
        ? [c.answer.value, c.answer.tolerance]
        : [c.answer.accepted, c.answer.caseSensitive, c.answer.diacriticsSensitive];
  const options = c.options.map((o) => [o.id, o.text, o.correct]);
  return JSON.stringify([c.type, c.stem, options, answer, c.points, c.difficulty, c.topic, c.legalReference, c.explanation, c.rubric, c.tags]);
}
