/**
 * CORS for the api and the live sockets. Credentials (the refresh cookie) only ever go with
 * origins named in CORS_ORIGINS; `*` answers any origin but never with credentials; nothing
 * configured means same-origin only (the web app is served by the api itself).
 */
export function corsOptions(origins: string[] | '*'): { origin: string[] | '*' | false; credentials: boolean } {
  if (origins === '*') return { origin: '*', credentials: false };
  return origins.length ? { origin: origins, credentials: true } : { origin: false, credentials: false };
}
