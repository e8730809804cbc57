import { fileLines } from '../../../../../platform/src/files/decode-text';
import { ParsedQuestion, ParseItem } from '../types';

const OPTION = /^([A-Z])[.)][ \t]*(\S.*)$/;
const ANSWER = /^ANSWER\s*:\s*(.*)$/;

interface Draft {
  line: number;
  stem: string[];
  options: { letter: string; text: string }[];
  /** Options came before any question text. */
  headless: boolean;
  /** A blank line followed the question text (before any option). */
  blank: boolean;
}

const broken = (line: number, reason: string): ParsedQuestion => ({ ref: `line ${line}`, line, problems: [reason] });

/**
 * Aiken (https://docs.moodle.org/en/Aiken_format): question text, options "A) …" or
 * "A. …", then "ANSWER: X". Single-choice only. Every broken question is reported at the
 * line where the problem shows.
 */
export function* parseAiken(file: string | Buffer): Generator<ParseItem> {
  let draft: Draft | null = null;
  const unfinished = (d: Draft, nextLine: number | null): ParsedQuestion => {
    if (d.headless) return broken(d.line, 'options without a question before them');
    return broken(
      d.line,
      `the question starting here has no ANSWER line ${nextLine ? `before the next question on line ${nextLine}` : 'before the end of the file'}`,
    );
  };

  for (const [line, raw] of fileLines(file)) {
    const t = raw.trim();
    if (!t) {
      if (draft && !draft.options.length) draft.blank = true;
      continue;
    }
    const answer = ANSWER.exec(t);
    const option = answer ? null : OPTION.exec(t);
    if (answer) {
      const d: Draft | null = draft;
      draft = null;
      if (!d) yield broken(line, 'ANSWER line without a question before it');
      else yield finished(d, answer[1].trim(), line);
    } else if (option) {
      draft ??= { line, stem: [], options: [], headless: true, blank: false };
      draft.options.push({ letter: option[1], text: option[2].trim() });
    } else {
      // Question text: starts a question, or continues one that has no options yet.
      if (draft && (draft.options.length || draft.blank)) {
        yield unfinished(draft, line);
        draft = null;
      }
      draft ??= { line, stem: [], options: [], headless: false, blank: false };
      draft.stem.push(t);
    }
  }
  if (draft) yield unfinished(draft, null);
}

function finished(d: Draft, given: string, line: number): ParsedQuestion {
  if (d.headless) return broken(d.line, 'options without a question before them');
  const letter = given.toUpperCase();
  if (d.options.length < 2) return broken(line, 'a question needs at least 2 options');
  if (!/^[A-Z]$/.test(letter)) return broken(line, `ANSWER must be one option letter (got "${given}")`);
  if (!d.options.some((o) => o.letter === letter)) return broken(line, `ANSWER ${letter} is not one of the options`);
  return {
    ref: `line ${d.line}`,
    line: d.line,
    input: { type: 'single', stem: d.stem.join('\n'), options: d.options.map((o) => ({ text: o.text, correct: o.letter === letter })) },
  };
}
