import 'reflect-metadata';
import fc from 'fast-check';
import { createValidationPipe } from '@lc/platform';
import { SaveAnswerDto } from './answer.dto';
import { isOrdinaryAnswer } from './answer-input';

const pipe = createValidationPipe();
const validate = (body: unknown) =>
  pipe.transform(body, { type: 'body', metatype: SaveAnswerDto }).then(
    (dto: SaveAnswerDto) => ({ ok: true as const, dto: { ...dto } }),
    () => ({ ok: false as const }),
  );

const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,32}$/);
const optionId = fc.oneof({ arbitrary: id, weight: 8 }, { arbitrary: fc.string({ maxLength: 40 }), weight: 1 }, { arbitrary: fc.constant('a b'), weight: 1 });
/** Mostly what clients send, each field sometimes wrong: both sides of the line get exercised. */
const nearlyOrdinary = fc.record(
  {
    optionIds: fc.oneof(
      { arbitrary: fc.uniqueArray(id, { maxLength: 20 }), weight: 6 },
      { arbitrary: fc.array(optionId, { maxLength: 22 }), weight: 2 },
      { arbitrary: fc.oneof(fc.constant(null), fc.string(), fc.array(fc.integer(), { maxLength: 2 })), weight: 1 },
    ),
    value: fc.oneof(fc.constant(null), fc.double(), fc.integer(), fc.string({ maxLength: 40 }), fc.string({ minLength: 1995, maxLength: 2005 }), fc.boolean()),
    seq: fc.oneof(
      { arbitrary: fc.integer({ min: -5, max: 2_000_000_005 }), weight: 4 },
      { arbitrary: fc.oneof(fc.double(), fc.string(), fc.constant(null)), weight: 1 },
    ),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  { arbitrary: nearlyOrdinary, weight: 5 },
  { arbitrary: fc.record({ extra: fc.anything(), seq: fc.nat() }), weight: 1 },
  { arbitrary: fc.anything(), weight: 1 },
);

describe('the lean autosave route accepts only what SaveAnswerDto accepts', () => {
  it('isOrdinaryAnswer(body) ⇒ the ValidationPipe accepts body, with the same fields', async () => {
    let ordinary = 0;
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        if (!isOrdinaryAnswer(b)) return;
        ordinary++;
        const r = await validate(b);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.dto).toEqual(b);
      }),
      { numRuns: 3000 },
    );
    // The property is only worth something if many bodies took the lean path.
    expect(ordinary).toBeGreaterThan(300);
  });

  it('takes the ordinary shapes residents send without the pipe', () => {
    for (const b of [
      { optionIds: ['a1'] },
      { optionIds: [] },
      { optionIds: ['a', 'b'], seq: 3 },
      { value: 12.5 },
      { value: 'Hiến pháp' },
      { value: null, seq: 0 },
    ]) {
      expect(isOrdinaryAnswer(b)).toBe(true);
    }
    for (const b of [
      null,
      [],
      'x',
      { optionIds: null },
      { optionIds: ['a', 'a'] },
      { optionIds: ['a b'] },
      { value: Infinity },
      { seq: 1.5 },
      { seq: -1 },
      { other: 1 },
    ]) {
      expect(isOrdinaryAnswer(b)).toBe(false);
    }
  });
});
