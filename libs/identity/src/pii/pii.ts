import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/** Keyed hash: equal inputs give equal hashes (uniqueness, lookup) but the value cannot be read back. */
export function keyedHash(key: string, purpose: string, value: string): string {
  return createHmac('sha256', key).update(`${purpose}:${value}`).digest('hex');
}

function encKey(key: string): Buffer {
  return createHash('sha256').update(`enc:${key}`).digest();
}

/** AES-256-GCM; output `iv.tag.ciphertext` in base64url. */
export function encrypt(key: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encKey(key), iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), ct].map((b) => b.toString('base64url')).join('.');
}

export function decrypt(key: string, sealed: string): string {
  const [iv, tag, ct] = sealed.split('.').map((s) => Buffer.from(s, 'base64url'));
  const d = createDecipheriv('aes-256-gcm', encKey(key), iv);
  d.setAuthTag(tag);
  return Buffer.concat([d.update(ct), d.final()]).toString('utf8');
}

// The mask lives in platform (spreadsheet exports use it too); identity's callers keep importing it from here.
export { maskMiddle } from '@lc/platform';

/**
 * Vietnamese mobile numbers: 10 digits starting 03/05/07/08/09, written with +84/84 or
 * spaces/dots as people do. Returns the canonical 0xxxxxxxxx form or null.
 */
export function normalisePhone(input: string): string | null {
  const s = input.replace(/[\s.\-()]/g, '');
  const m = /^(?:\+?84|0)([35789]\d{8})$/.exec(s);
  return m ? `0${m[1]}` : null;
}

export const NATIONAL_ID_PATTERN = /^\d{12}$/;
