import { randomInt } from 'node:crypto';

// No 0/O, 1/l/I: the password is read off a screen and typed, often on a phone.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 14 characters from 56: about 81 bits, from the system's CSPRNG. */
export function temporaryPassword(length = 14): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
