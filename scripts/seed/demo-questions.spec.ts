import { DEMO_QUESTIONS, type DemoQuestion } from './demo-questions';

const TYPES: DemoQuestion['type'][] = ['single', 'multiple', 'true_false', 'numeric', 'short_text', 'essay'];

const ofType = (type: DemoQuestion['type']) => DEMO_QUESTIONS.filter((q) => q.type === type);
const correctCount = (q: DemoQuestion) => (q.options ?? []).filter((o) => o.correct).length;
const label = (q: DemoQuestion) => `[${q.type}] ${q.stem.slice(0, 80)}`;
const isNfc = (s: string) => s === s.normalize('NFC');

describe('demo question bank', () => {
  it.each(TYPES)('has at least 40 %s questions', (type) => {
    expect(ofType(type).length).toBeGreaterThanOrEqual(40);
  });

  it('single: exactly 4 options with exactly one correct', () => {
    const bad = ofType('single')
      .filter((q) => q.options?.length !== 4 || correctCount(q) !== 1)
      .map(label);
    expect(bad).toEqual([]);
  });

  it('multiple: 4-5 options with at least 2 correct', () => {
    const bad = ofType('multiple')
      .filter((q) => !q.options || q.options.length < 4 || q.options.length > 5 || correctCount(q) < 2)
      .map(label);
    expect(bad).toEqual([]);
  });

  it('true_false: exactly [Đúng, Sai] with one correct', () => {
    const bad = ofType('true_false')
      .filter((q) => q.options?.map((o) => o.text).join('|') !== 'Đúng|Sai' || correctCount(q) !== 1)
      .map(label);
    expect(bad).toEqual([]);
  });

  it('numeric: a finite value and no options', () => {
    const bad = ofType('numeric')
      .filter((q) => !q.answer || !('value' in q.answer) || !Number.isFinite(q.answer.value) || q.options)
      .map(label);
    expect(bad).toEqual([]);
  });

  it('short_text: at least one non-empty NFC accepted answer and no options', () => {
    const bad = ofType('short_text')
      .filter(
        (q) =>
          !q.answer || !('accepted' in q.answer) || q.answer.accepted.length < 1 || q.answer.accepted.some((a) => a.trim() === '' || !isNfc(a)) || q.options,
      )
      .map(label);
    expect(bad).toEqual([]);
  });

  it('essay: a rubric hint, 10 points, no options or answer', () => {
    const bad = ofType('essay')
      .filter((q) => !q.rubricHint?.trim() || q.points !== 10 || q.options || q.answer)
      .map(label);
    expect(bad).toEqual([]);
  });

  it('objective questions are worth 1 point and carry no rubric', () => {
    const bad = DEMO_QUESTIONS.filter((q) => q.type !== 'essay' && (q.points !== 1 || q.rubricHint)).map(label);
    expect(bad).toEqual([]);
  });

  it('has no duplicate stems (case- and whitespace-insensitive)', () => {
    const seen = new Map<string, number>();
    for (const q of DEMO_QUESTIONS) {
      const key = q.stem.toLowerCase().replace(/\s+/g, ' ').trim();
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect([...seen].filter(([, n]) => n > 1).map(([stem]) => stem)).toEqual([]);
  });

  it('every text field is non-empty and NFC-normalised', () => {
    const bad: string[] = [];
    for (const q of DEMO_QUESTIONS) {
      const fields: Record<string, string | undefined> = {
        stem: q.stem,
        explanation: q.explanation,
        legalReference: q.legalReference,
        topic: q.topic,
        rubricHint: q.rubricHint ?? 'n/a',
      };
      q.options?.forEach((o, i) => (fields[`option ${i}`] = o.text));
      q.tags.forEach((t, i) => (fields[`tag ${i}`] = t));
      for (const [name, value] of Object.entries(fields)) {
        if (!value || value.trim() === '' || !isNfc(value)) bad.push(`${label(q)}: ${name}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('difficulty is 1-3 and every question has at least one tag', () => {
    const bad = DEMO_QUESTIONS.filter((q) => ![1, 2, 3].includes(q.difficulty) || q.tags.length === 0).map(label);
    expect(bad).toEqual([]);
  });
});
