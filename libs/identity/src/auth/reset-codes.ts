import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

export const RESET_CODE_TTL_SECONDS = 15 * 60;
/** Wrong codes before the code is spent: 5 guesses at 1 in 10^6 each. */
export const RESET_CODE_MAX_TRIES = 5;
/** One code per account per minute, so nobody floods a resident's inbox or phone. */
export const RESET_CODE_COOLDOWN_SECONDS = 60;

export const newResetCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** Kept only as a keyed hash: a Redis dump does not give the codes away. */
export const resetCodeHash = (key: string, userId: string, code: string): string => createHmac('sha256', key).update(`reset:${userId}:${code}`).digest('hex');

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** What the person reads, in Vietnamese. */
export function resetMessage(code: string): { subject: string; text: string } {
  const minutes = RESET_CODE_TTL_SECONDS / 60;
  return {
    subject: 'Mã đặt lại mật khẩu',
    text: `Mã đặt lại mật khẩu của bạn là ${code}. Mã có hiệu lực trong ${minutes} phút. Nếu bạn không yêu cầu, hãy bỏ qua tin này; đừng đưa mã cho ai.`,
  };
}
