import type { FastifyRequest } from 'fastify';

/** A session cookie as both of ours are set: httpOnly, SameSite=Strict, Secure over https; `maxAgeSeconds` 0 clears it. */
export function sessionCookieText(name: string, path: string, value: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${name}=${value}`, `Path=${path}`, `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])].join('; ');
}

/** A cookie's value from a Cookie header, if any. */
export function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=') || undefined;
  }
  return undefined;
}

/** Secure whenever the page came over https (directly or, with TRUST_PROXY, through the balancer). */
export const isSecureRequest = (req: FastifyRequest, appBaseUrl: string): boolean => req.protocol === 'https' || appBaseUrl.startsWith('https:');
