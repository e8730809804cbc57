import { normaliseQuestion } from '../../questions/question-rules';
import { QuestionContent } from '../../questions/question-content';
import { parseAiken } from './aiken/parse-aiken';
import { writeAiken } from './aiken/write-aiken';
import { escapeGift, unescapeGift } from './gift/gift-text';
import { parseGift, parseNumericAnswer } from './gift/parse-gift';
import { parseQuestionFile, writeQuestionFile } from './registry';
import { comparable, sampleQuestions } from '../../../test/sample-questions';
import { ImportProblem, IMPORT_FORMATS, isFileWarning, ParsedQuestion, ParseStream } from './types';

async function collect(stream: ParseStream): Promise<ParsedQuestion[]> {
  const out: ParsedQuestion[] = [];
  for await (const item of stream) if (!isFileWarning(item)) out.push(item);
  return out;
}

const errorsOf = async (stream: ParseStream): Promise<ImportProblem[]> =>
  (await collect(stream)).filter((q) => q.problems).map((q) => ({ line: q.line, reason: q.problems![0] }));

/** Parsed file → validated contents, failing loudly on any problem. */
async function contents(stream: ParseStream): Promise<QuestionContent[]> {
  return (await collect(stream)).map((q) => {
    expect(q.problems ?? q.skip ?? null).toBeNull();
    const n = normaliseQuestion(q.input!);
    if (n.problems) throw new Error(`${q.ref}: ${n.problems.join('; ')}`);
    return n.content;
  });
}

/** Exports list untopiced questions first, grouped by topic; the samples compared in that order. */
const ordered = (qs: QuestionContent[]) => [...qs.filter((q) => !q.topic), ...qs.filter((q) => q.topic).sort((a, b) => a.topic!.localeCompare(b.topic!))];

describe('export → import round trip, in memory', () => {
  const samples = ordered(sampleQuestions());

  for (const format of IMPORT_FORMATS.filter((f) => f !== 'aiken')) {
    it(`${format} gives back the same questions`, async () => {
      const file = await writeQuestionFile(format, samples);
      expect(file.skipped).toBe(0);
      const back = await contents(parseQuestionFile(format, file.content));
      expect(back.map(comparable)).toEqual(samples.map(comparable));
    });
  }

  it('aiken gives back its single-choice questions and counts the rest as skipped', async () => {
    const file = await writeQuestionFile('aiken', samples);
    const singles = samples.filter((q) => q.type === 'single');
    expect(file.skipped).toBe(samples.length - singles.length);
    const back = await contents(parseQuestionFile('aiken', file.content));
    const carried = (q: QuestionContent) => ({ type: q.type, stem: q.stem, options: q.options.map((o) => [o.text, o.correct]) });
    expect(back.map(carried)).toEqual(singles.map(carried));
  });
});

describe('GIFT details', () => {
  it('escapes and unescapes every control character and newlines', () => {
    const text = 'a~b=c#d{e}f:g\\h\nnew line';
    expect(escapeGift(text)).not.toMatch(/\n/);
    expect(unescapeGift(escapeGift(text))).toBe(text);
  });

  it('reads numeric answers as value:tolerance and min..max', () => {
    expect(parseNumericAnswer('1822')).toEqual({ value: 1822, tolerance: 0 });
    expect(parseNumericAnswer('1822:2')).toEqual({ value: 1822, tolerance: 2 });
    expect(parseNumericAnswer('3.141..3.142')).toEqual({ value: 3.1415, tolerance: 0.0005 });
    expect(parseNumericAnswer('-5:0.5')).toEqual({ value: -5, tolerance: 0.5 });
    expect(parseNumericAnswer('abc')).toBeNull();
    expect(parseNumericAnswer('3..1')).toBeNull();
  });

  it('carries categories forward, reads the metadata comment, and reports a bad one', async () => {
    const questions = await collect(
      parseGift(
        ['$CATEGORY: $course$/top/Luật/Chương I', '', '//@lc {"difficulty":3,"points":2,"tags":["a"]}', 'Q? {=A ~B}', '', '//@lc {oops', 'R? {T}'].join('\n'),
      ),
    );
    expect(questions[0].input).toEqual(expect.objectContaining({ topic: 'Luật/Chương I', difficulty: 3, points: 2, tags: ['a'] }));
    expect(questions[1]).toEqual(expect.objectContaining({ line: 7, problems: [expect.stringMatching(/not a JSON object/)] }));
  });

  it('treats a block without braces as a description and skips it', async () => {
    expect((await collect(parseGift('Just some text.')))[0].skip).toMatch(/description/);
  });

  it('needs a correct option in a multiple-choice block', async () => {
    expect(await errorsOf(parseGift('Q? {~a ~b}'))).toEqual([{ line: 1, reason: expect.stringMatching(/no correct option/) }]);
  });
});

describe('Aiken details', () => {
  it('accepts "A." options and several question lines', async () => {
    const [q] = await collect(parseAiken('Dòng một\nDòng hai?\nA. Có\nB. Không\nANSWER: B\n'));
    expect(q.input).toEqual({
      type: 'single',
      stem: 'Dòng một\nDòng hai?',
      options: [
        { text: 'Có', correct: false },
        { text: 'Không', correct: true },
      ],
    });
  });

  it('reports an ANSWER that names no option, and a file ending mid-question', async () => {
    expect(await errorsOf(parseAiken('Q?\nA) x\nB) y\nANSWER: C'))).toEqual([{ line: 4, reason: 'ANSWER C is not one of the options' }]);
    expect(await errorsOf(parseAiken('Q?\nA) x\nB) y'))).toEqual([{ line: 1, reason: expect.stringMatching(/no ANSWER line before the end of the file/) }]);
    expect(await errorsOf(parseAiken('ANSWER: A'))).toEqual([{ line: 1, reason: 'ANSWER line without a question before it' }]);
  });

  it('reports the three broken questions of aiken_errors.txt at their lines', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(`${__dirname}/../../../test/fixtures/aiken-errors.txt`, 'utf8');
    const all = await collect(parseAiken(text));
    expect(all.filter((q) => q.problems).map((q) => q.line)).toEqual([3, 5, 14]);
    expect(all.filter((q) => q.input).map((q) => q.input!.stem)).toEqual(['A good question', 'A second good question']);
  });

  it('leaves out questions it cannot write exactly', () => {
    const [q] = sampleQuestions();
    expect(writeAiken([{ ...q, stem: 'A) looks like an option' }]).skipped).toBe(1);
    expect(writeAiken([{ ...q, stem: 'Has\n\nblank line' }]).skipped).toBe(1);
    expect(writeAiken([q]).skipped).toBe(0);
  });
});
