import { COMMON_PASSWORDS_TEXT } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 8;
let common: Set<string> | undefined;

/** Whether the password is one of the few thousand people pick most (case ignored). */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(COMMON_PASSWORDS_TEXT.split(/\s+/).filter(Boolean));
  return common.has(password.toLowerCase());
}

/** Why a new password is refused, or [] (length is also checked by the DTOs; this is the one rule). */
export function passwordProblems(password: string): string[] {
  if (password.length < MIN_PASSWORD_LENGTH) return [`must be at least ${MIN_PASSWORD_LENGTH} characters`];
  if (isCommonPassword(password)) return ['is one of the most common passwords; choose one that is harder to guess'];
  if (/^(.)\1*$/u.test(password)) return ['repeats one character; choose one that is harder to guess'];
  return [];
}
