import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { QuestionInput } from '../../../questions/question-content';
import { decodeEntities, htmlToText } from '../../../text/html-to-text';
import { moodleCategoryToPath } from '../../../topics/topic-path';
import { parseNumericAnswer } from '../gift/parse-gift';
import { fileRefused, ParsedQuestion, ParseItem } from '../types';

type Node = Record<string, unknown> | string | undefined;

const ARRAYS = new Set(['quiz.question', 'quiz.question.answer', 'quiz.question.tags.tag']);

/**
 * Moodle XML (https://docs.moodle.org/en/Moodle_XML_format). Entities are never expanded
 * and any DOCTYPE is refused, which shuts out external entities (XXE) and entity
 * expansion bombs ("billion laughs") before a parser sees them.
 */
export function* parseMoodleXml(xml: string): Generator<ParseItem> {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw fileRefused('XML with a DOCTYPE or entity declarations is refused');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw fileRefused(`The XML is malformed: ${valid.err.msg} (line ${valid.err.line})`, { line: valid.err.line });
  let doc: { quiz?: { question?: Record<string, unknown>[] } | string };
  try {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      processEntities: false,
      htmlEntities: false,
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
      cdataPropName: '__cdata',
      isArray: (_name: string, jpath: unknown) => ARRAYS.has(String(jpath)),
    });
    doc = parser.parse(xml) as typeof doc;
  } catch (e) {
    throw fileRefused(`The XML could not be read: ${(e as Error).message.slice(0, 200)}`);
  }
  if (doc.quiz === undefined) throw fileRefused('This is not a Moodle XML question file: the root element must be <quiz>');
  if (typeof doc.quiz === 'string') return;
  const lines = questionLines(xml);
  const all = doc.quiz.question ?? [];
  let topic: string | null = null;
  for (const [i, node] of all.entries()) {
    const line = lines.length === all.length ? lines[i] : undefined;
    const type = String(node['@_type'] ?? '');
    if (type === 'category') {
      const path = moodleCategoryToPath(textOf(child(node, 'category', 'text')));
      topic = path.trim() ? path : null;
      continue;
    }
    const name = textOf(child(node, 'name', 'text')).trim();
    const ref = `question ${i + 1}${name ? ` (${name.slice(0, 60)})` : ''}${line ? ` on line ${line}` : ''}`;
    yield { ref, line, ...readQuestion(node, type, topic) };
  }
}

function readQuestion(node: Record<string, unknown>, type: string, topic: string | null): Omit<ParsedQuestion, 'ref' | 'line'> {
  const warnings: string[] = [];
  const answers = ((node.answer as Record<string, unknown>[] | undefined) ?? []).map((a) => ({
    fraction: Number(a['@_fraction'] ?? 0),
    text: formatted(a, warnings),
    feedback: textOf(child(a, 'feedback', 'text')).trim(),
    tolerance: textOf(child(a, 'tolerance')).trim(),
  }));
  if (answers.some((a) => a.feedback)) warnings.push('per-answer feedback is not kept');
  const full = answers.filter((a) => a.fraction >= 99.99);
  const partial = answers.filter((a) => a.fraction > 0 && a.fraction < 99.99);
  const grade = Number(textOf(child(node, 'defaultgrade')).trim());
  const difficulty = Number(textOf(child(node, 'difficulty')).trim());
  const tags = ((child(node, 'tags', 'tag') as unknown as Record<string, unknown>[] | undefined) ?? []).map((t) => textOf(child(t, 'text')).trim());
  const base: QuestionInput = {
    stem: formatted(child(node, 'questiontext'), warnings),
    explanation: formatted(child(node, 'generalfeedback'), warnings) || null,
    points: textOf(child(node, 'defaultgrade')).trim() && Number.isFinite(grade) ? grade : undefined,
    difficulty: Number.isFinite(difficulty) && difficulty > 0 ? difficulty : undefined,
    legalReference: textOf(child(node, 'legalreference')).trim() || null,
    tags,
    topic,
    rubric: formatted(child(node, 'graderinfo'), warnings) || null,
  };
  const done = (input: QuestionInput) => ({ input: { ...base, ...input }, warnings: warnings.length ? [...new Set(warnings)] : undefined });

  switch (type) {
    case 'multichoice': {
      const single = ['true', '1'].includes(textOf(child(node, 'single')).trim().toLowerCase());
      if (single) {
        if (partial.length) warnings.push('partial-credit options are not kept: only the fully correct option counts');
        return done({ type: 'single', options: answers.map((a) => ({ text: a.text, correct: full.includes(a) })) });
      }
      return done({ type: 'multiple', options: answers.map((a) => ({ text: a.text, correct: a.fraction > 0 })) });
    }
    case 'truefalse': {
      const t = answers.find((a) => a.text.trim().toLowerCase() === 'true');
      if (!t) return { problems: ['a true/false question needs an answer "true"'] };
      const isTrue = t.fraction >= 99.99;
      return done({
        type: 'true_false',
        options: [
          { text: 'Đúng', correct: isTrue },
          { text: 'Sai', correct: !isTrue },
        ],
      });
    }
    case 'shortanswer': {
      const accepted = full.map((a) => a.text).filter((a) => a !== '*');
      if (accepted.length < answers.length)
        warnings.push('answers with partial credit (or the * wildcard) are not kept; only fully correct answers are accepted');
      const caseSensitive = textOf(child(node, 'usecase')).trim() === '1';
      const diacriticsSensitive = textOf(child(node, 'diacriticssensitive')).trim() === '1';
      return done({ type: 'short_text', answer: { accepted, caseSensitive, diacriticsSensitive } });
    }
    case 'numerical': {
      if (partial.length) warnings.push('numeric answers with partial credit are not kept');
      const best = full.find((a) => a.text !== '*');
      const parsed = best ? parseNumericAnswer(`${best.text}${best.tolerance ? `:${best.tolerance}` : ''}`) : null;
      if (!parsed) return { problems: ['a numerical question needs a fully correct numeric answer'] };
      return done({ type: 'numeric', answer: parsed });
    }
    case 'essay':
      return done({ type: 'essay' });
    case 'description':
      return { skip: 'a description is not a question' };
    default:
      return { skip: `Moodle question type "${type || 'unknown'}" is not supported` };
  }
}

function child(node: Node, ...path: string[]): Node {
  let cur: Node = node;
  for (const p of path) {
    if (!cur || typeof cur === 'string') return undefined;
    cur = cur[p] as Node;
    if (Array.isArray(cur) && p !== 'tag') cur = cur[0] as Node;
  }
  return cur;
}

/** Element text: entity references decoded in plain text, CDATA taken as written. */
function textOf(node: Node): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return decodeEntities(node);
  if (typeof node !== 'object') return String(node);
  const plain = node['#text'];
  const cdata = node.__cdata;
  const parts = [typeof plain === 'string' ? decodeEntities(plain) : '', ...(Array.isArray(cdata) ? cdata : cdata !== undefined ? [cdata] : []).map(String)];
  return parts.join('');
}

/** A Moodle text element with a format attribute: HTML becomes plain text. */
function formatted(node: Node, warnings: string[]): string {
  if (!node || typeof node === 'string') return textOf(node).trim();
  const format = String(node['@_format'] ?? 'html');
  const text = textOf(child(node, 'text'));
  if (format !== 'html') return text.trim();
  const t = htmlToText(text);
  if (t.droppedImages) warnings.push('images in the text are not kept');
  return t.text;
}

/** Line of each <question> element, skipping comments and CDATA, for error reports. */
function questionLines(xml: string): number[] {
  const out: number[] = [];
  let line = 1;
  let skipUntil: string | null = null;
  for (let i = 0; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 10) line++;
    if (skipUntil) {
      if (xml.startsWith(skipUntil, i)) {
        i += skipUntil.length - 1;
        skipUntil = null;
      }
      continue;
    }
    if (c !== 60) continue;
    if (xml.startsWith('<!--', i)) skipUntil = '-->';
    else if (xml.startsWith('<![CDATA[', i)) skipUntil = ']]>';
    else if (xml.startsWith('<question', i) && /[\s>/]/.test(xml[i + 9] ?? '')) out.push(line);
  }
  return out;
}
