import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Session } from './auth.service';

export const REFRESH_COOKIE = 'lc_refresh';
/** Only the routes that need it see the cookie: refresh and logout live under it. */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';
/**
 * The web app asks for the cookie with this header. It is also what makes a cross-site use
 * of the cookie impossible: a custom header needs a CORS preflight that only configured
 * origins pass (and the cookie is SameSite=Strict besides).
 */
export const COOKIE_MODE_HEADER = 'x-session-cookie';

export const wantsCookie = (req: FastifyRequest): boolean => req.headers[COOKIE_MODE_HEADER] === '1';

function cookieText(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${REFRESH_COOKIE}=${value}`,
    `Path=${REFRESH_COOKIE_PATH}`,
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** Secure whenever the page came over https (directly or, with TRUST_PROXY, through the balancer). */
const isSecure = (req: FastifyRequest, appBaseUrl: string): boolean => req.protocol === 'https' || appBaseUrl.startsWith('https:');

/** In cookie mode the refresh token goes into the cookie and out of the body (page scripts never see it). */
export function deliverSession(
  session: Session,
  req: FastifyRequest,
  reply: FastifyReply,
  appBaseUrl: string,
  ttlSeconds: number,
): Session | Omit<Session, 'refreshToken'> {
  if (!wantsCookie(req)) return session;
  void reply.header('set-cookie', cookieText(session.refreshToken, ttlSeconds, isSecure(req, appBaseUrl)));
  const { refreshToken: _kept, ...rest } = session;
  return rest;
}

export function clearRefreshCookie(req: FastifyRequest, reply: FastifyReply, appBaseUrl: string): void {
  void reply.header('set-cookie', cookieText('', 0, isSecure(req, appBaseUrl)));
}

/** The refresh token from the body, else (in cookie mode only) from the cookie. */
export function refreshTokenOf(req: FastifyRequest, body: { refreshToken?: string }): string | undefined {
  if (body.refreshToken) return body.refreshToken;
  if (!wantsCookie(req)) return undefined;
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === REFRESH_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}
