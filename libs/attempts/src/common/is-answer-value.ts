import { registerDecorator, ValidationOptions } from 'class-validator';

/** A finite number, text up to 2000 characters, or null. */
export function IsAnswerValue(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isAnswerValue',
      target: target.constructor,
      propertyName,
      options: { message: '$property must be a number, a text of at most 2000 characters, or null', ...options },
      validator: {
        validate: (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= 2000),
      },
    });
}
