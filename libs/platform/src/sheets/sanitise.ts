import { maskMiddle } from '../text/mask';

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
