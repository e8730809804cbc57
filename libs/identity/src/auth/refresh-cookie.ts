import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Session } from './auth.service';
import { cookieValue, isSecureRequest, sessionCookieText } from './cookies';
import { pageSessionCookieText } from './page-session-cookie';

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

const cookieText = (value: string, maxAgeSeconds: number, secure: boolean): string =>
  sessionCookieText(REFRESH_COOKIE, REFRESH_COOKIE_PATH, value, maxAgeSeconds, secure);

/** The first-screen cookie beside the refresh cookie (page-session-cookie.ts): its token, and how long it lives. */
export interface PageSession {
  token: string;
  ttlSeconds: number;
}

/**
 * In cookie mode the refresh token goes into the cookie and out of the body (page scripts never
 * see it), and the first-screen cookie comes with it.
 */
export function deliverSession(
  session: Session,
  req: FastifyRequest,
  reply: FastifyReply,
  appBaseUrl: string,
  ttlSeconds: number,
  pageSession: (accessToken: string) => PageSession,
): Session | Omit<Session, 'refreshToken'> {
  if (!wantsCookie(req)) return session;
  const secure = isSecureRequest(req, appBaseUrl);
  const page = pageSession(session.accessToken);
  void reply.header('set-cookie', [cookieText(session.refreshToken, ttlSeconds, secure), pageSessionCookieText(page.token, page.ttlSeconds, secure)]);
  const { refreshToken: _kept, ...rest } = session;
  return rest;
}

/** Sign-out: both session cookies go. */
export function clearSessionCookies(req: FastifyRequest, reply: FastifyReply, appBaseUrl: string): void {
  const secure = isSecureRequest(req, appBaseUrl);
  void reply.header('set-cookie', [cookieText('', 0, secure), pageSessionCookieText('', 0, secure)]);
}

/** The refresh token from the body, else (in cookie mode only) from the cookie. */
export function refreshTokenOf(req: FastifyRequest, body: { refreshToken?: string }): string | undefined {
  if (body.refreshToken) return body.refreshToken;
  if (!wantsCookie(req)) return undefined;
  return cookieValue(req.headers.cookie, REFRESH_COOKIE);
}
