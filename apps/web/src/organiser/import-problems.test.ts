import { describe, expect, it } from 'vitest';
import { importProblemText, importRefText, isKnownImportProblem } from './import-problems';

/**
 * The server's sources for every sentence an import can report: question rules, topics,
 * parsers, the import run, file refusals. Read as text, so no server code runs here.
 */
const SOURCES = {
  ...import.meta.glob<string>(['../../../../libs/question-bank/src/questions/question-rules.ts', '../../../../libs/question-bank/src/topics/topic-path.ts'], {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
  ...import.meta.glob<string>(['../../../../libs/question-bank/src/transfer/**/*.ts', '!**/*.spec.ts'], { query: '?raw', import: 'default', eager: true }),
};

/** Where the sources put a reported sentence: right after these, a string or template literal. */
const SITES: (RegExp | [RegExp, string])[] = [
  /problems\.push\(\s*/g,
  /\bproblem:\s*/g,
  /\bproblems:\s*\[\s*/g,
  /\bskip:\s*/g,
  /warnings\.push\(\s*/g,
  /fileWarning:\s*/g,
  /fileRefused\(\s*/g,
  // zip-guard.ts: refuse(why) and fail(why) say `The XLSX file is damaged or unsafe: ${why}`.
  [/\brefuse\(\s*/g, 'The XLSX file is damaged or unsafe: '],
  [/\bfail\(\s*/g, 'The XLSX file is damaged or unsafe: '],
  /\bbroken\([\w.]+,\s*/g,
  /problems \?\? \[\s*/g,
  /reason:\s*inBank\s*\?\s*/g,
  /ImportTooLargeError\(\s*/g,
  /const NOT_UTF8 = /g,
];

type Segment = string | { expr: string; nested: Template[] };
type Template = Segment[];

/** Reads the '…' or `…` literal at `i` (templates with their ${…}, nested literals included). */
function readLiteral(src: string, i: number): { template: Template; end: number } {
  const quote = src[i];
  const out: Template = [];
  let text = '';
  let j = i + 1;
  while (j < src.length && src[j] !== quote) {
    if (src[j] === '\\') {
      text += src[j + 1];
      j += 2;
    } else if (quote === '`' && src.startsWith('${', j)) {
      out.push(text);
      text = '';
      const start = j + 2;
      let depth = 1;
      const nested: Template[] = [];
      j = start;
      while (depth) {
        const c = src[j];
        if (c === "'" || c === '`' || c === '"') {
          const lit = readLiteral(src, j);
          if (c !== '"') nested.push(lit.template);
          j = lit.end;
          continue;
        }
        if (c === '{') depth++;
        if (c === '}') depth--;
        j++;
      }
      out.push({ expr: src.slice(start, j - 1), nested });
    } else text += src[j++];
  }
  out.push(text);
  return { template: out, end: j + 1 };
}

/** A value like the one the server puts in for an expression. */
function sampleFor(expr: string): string {
  if (/fromCharCode/.test(expr)) return 'D';
  if (/^label$/.test(expr)) return 'option B';
  if (/^what$/.test(expr)) return 'the rubric';
  if (/^type$/.test(expr)) return 'single';
  if (/^inFile$/.test(expr)) return 'row 4';
  if (/LIMITS|max|MAX|Math|line|Line|count|limit|length|size/i.test(expr)) return '12';
  return 'abc';
}

/** Every sentence a template can make (each branch of a ternary in it). */
function variants(t: Template): string[] {
  let acc = [''];
  for (const seg of t) {
    const options = typeof seg === 'string' ? [seg] : seg.nested.length ? seg.nested.flatMap(variants) : [sampleFor(seg.expr.trim())];
    acc = acc.flatMap((a) => options.map((o) => a + o));
  }
  return acc;
}

function reportedSentences(): { file: string; sentence: string }[] {
  const found: { file: string; sentence: string }[] = [];
  for (const [file, src] of Object.entries(SOURCES)) {
    for (const entry of SITES) {
      const [site, prefix] = Array.isArray(entry) ? entry : [entry, ''];
      for (const m of src.matchAll(site)) {
        let at = m.index + m[0].length;
        for (;;) {
          if (src[at] !== "'" && src[at] !== '`') break;
          const lit = readLiteral(src, at);
          for (const sentence of variants(lit.template)) found.push({ file, sentence: prefix + sentence });
          const more = /^\s*:\s*(?=['`])/.exec(src.slice(lit.end));
          if (!more) break;
          at = lit.end + more[0].length;
        }
      }
    }
  }
  return found;
}

describe('import problems in Vietnamese', () => {
  it('has a Vietnamese text for every sentence the server can report', () => {
    const sentences = reportedSentences();
    expect(Object.keys(SOURCES).length).toBeGreaterThan(10);
    expect(sentences.length).toBeGreaterThan(80); // the scan still finds the server's sentences
    const missing = sentences.filter((s) => !isKnownImportProblem(s.sentence));
    expect(missing).toEqual([]);
  });

  it('says the problems of the browser journey file in Vietnamese, values kept', () => {
    expect(importProblemText('the question text is empty')).toBe('Nội dung câu hỏi đang trống.');
    expect(importProblemText('difficulty must be 1, 2 or 3')).toBe('Độ khó phải là 1, 2 hoặc 3.');
    expect(importProblemText('correct "E" is not the letter of a filled option (A–D)')).toBe(
      'Cột Đáp án (correct) ghi "E", không phải chữ cái của một phương án đã điền (A–D).',
    );
    expect(importProblemText('correct must be the numeric answer (got "mười")')).toBe('Cột Đáp án (correct) phải là đáp án bằng số (đang ghi "mười").');
    expect(importProblemText('points must be a number (got "hai")')).toBe('Cột Điểm (points) phải là một số (đang ghi "hai").');
    expect(importProblemText('option C repeats another option ("Quốc hội")')).toBe('Phương án C trùng với một phương án khác ("Quốc hội").');
    expect(importProblemText('the cell in column question is longer than 10000 characters')).toBe('Ô ở cột Nội dung câu hỏi (question) dài quá 10000 ký tự.');
    expect(importProblemText('the explanation is longer than 5000 characters')).toBe('Phần giải thích dài quá 5000 ký tự.');
    expect(importProblemText('type must be one of single, multiple, true_false, numeric, short_text, essay (got "matching")')).toBe(
      'Loại câu hỏi phải là một trong: single, multiple, true_false, numeric, short_text, essay (đang ghi "matching").',
    );
    expect(importProblemText('the question starting here has no ANSWER line before the next question on line 14')).toBe(
      'Câu hỏi bắt đầu ở dòng này chưa có dòng ANSWER trước câu hỏi tiếp theo ở dòng 14.',
    );
    expect(importProblemText('duplicate of question 0d5c1f2a-1111-4222-8333-944445555666 already in the bank')).toBe(
      'Trùng với câu hỏi đã có trong ngân hàng (mã 0d5c1f2a).',
    );
    expect(importProblemText('The XLSX file is damaged or unsafe: encrypted parts are not accepted')).toBe(
      'Tệp Excel bị hỏng hoặc không an toàn: tệp có mật khẩu hoặc bị mã hóa; hãy bỏ mật khẩu rồi lưu lại.',
    );
  });

  it('keeps the server text when it does not know a sentence', () => {
    expect(importProblemText('a brand-new rule')).toBe('a brand-new rule');
    expect(isKnownImportProblem('a brand-new rule')).toBe(false);
  });

  it('names where a question is', () => {
    expect(importRefText('row 5')).toBe('Dòng 5');
    expect(importRefText('line 31 (Q5)')).toBe('Dòng 31 (Q5)');
    expect(importRefText('question 3 (Bầu cử) on line 40')).toBe('Câu 3 (Bầu cử), dòng 40');
    expect(importRefText('file')).toBe('Cả tệp');
    expect(importRefText(undefined)).toBe('—');
  });
});
