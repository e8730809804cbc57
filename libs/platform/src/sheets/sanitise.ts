import { maskMiddle } from '../text/mask';

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab / carriage return
 * that hides one) as a formula: a name like "=HYPERLINK(…)" typed at registration
 * would run on an organiser's machine. Such text gets a leading apostrophe (OWASP
 * "CSV injection"). Numbers are written as numbers and are never touched.
 */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/**
 * National IDs and phones never leave in full: `001******789`, `091****678`. Values the
 * database already holds masked pass through unchanged.
 */
export function maskIdentifier(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const v = value.replace(/[\s.-]/g, '');
  if (!v) return null;
  if (v.includes('*')) return v;
  return maskMiddle(v, 3);
}
