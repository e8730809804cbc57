import type { FastifyReply, FastifyRequest } from 'fastify';
import { cookieValue, isSecureRequest, sessionCookieText } from './cookies';

/**
 * The first-screen cookie (issue 16): lets the api's `/` recognise a signed-in resident, so the
 * page can carry their attempt in progress and a phone on a slow link skips one 2 s round trip.
 * It opens nothing else: its value is a token of its own type (TokenService.issuePageSession),
 * no guard accepts it, and it dies with the session's access tokens (same lifetime and checks).
 * The refresh cookie cannot serve: it is sent to /api/v1/auth only.
 */
export const PAGE_SESSION_COOKIE = 'lc_page_session';

export const pageSessionCookieText = (value: string, maxAgeSeconds: number, secure: boolean): string =>
  sessionCookieText(PAGE_SESSION_COOKIE, '/', value, maxAgeSeconds, secure);

/** The cookie's value from a Cookie header, if any. */
export const pageSessionOf = (cookieHeader: string | undefined): string | undefined => cookieValue(cookieHeader, PAGE_SESSION_COOKIE);

/** Sign-out everywhere and account deletion: the browser that asked forgets it (the token is revoked anyway). */
export function clearPageSessionCookie(req: FastifyRequest, reply: FastifyReply, appBaseUrl: string): void {
  void reply.header('set-cookie', pageSessionCookieText('', 0, isSecureRequest(req, appBaseUrl)));
}
