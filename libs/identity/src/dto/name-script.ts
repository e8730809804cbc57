import { ValidateBy, ValidationOptions } from 'class-validator';

const LATIN = /\p{Script=Latin}/u;
const LOOKALIKE = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;

/**
 * Vietnamese names are written in Latin letters. A name that mixes in Cyrillic or Greek
 * look-alikes ("Аn" with a Cyrillic А) exists only to impersonate someone on a public board.
 */
export function mixesLookalikeScripts(name: string): boolean {
  return LATIN.test(name) && LOOKALIKE.test(name);
}

export function NoLookalikeScripts(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'noLookalikeScripts',
      validator: {
        validate: (v: unknown) => typeof v !== 'string' || !mixesLookalikeScripts(v),
        defaultMessage: () => '$property mixes Latin with Cyrillic or Greek look-alike letters',
      },
    },
    options,
  );
}
