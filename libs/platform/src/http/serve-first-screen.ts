import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { EventBus } from '../events/event-bus';
import { encodeShell, EncodedShell, FirstScreenSource, loadWebShell, pickEncoding, WebShell } from './first-screen';

/**
 * Organisers' edits show on the home screen within this long; a crowd opening `/` at once
 * (the link shared in a group chat) costs one list query per interval, not one each.
 */
export const FIRST_SCREEN_TTL_MS = 5_000;

/** GET `/`: the web app's shell with the home screen already in it (first-screen.ts). */
export function serveFirstScreen(app: NestFastifyApplication, config: AppConfig, appCsp: string): void {
  let shell: WebShell | null | undefined;
  let cached: { at: number; body: Promise<EncodedShell | null> } | null = null;

  const source = (): FirstScreenSource | null => {
    try {
      return app.get(FirstScreenSource, { strict: false });
    } catch {
      return null; // an app without a home screen to render (tests of one module)
    }
  };
  const build = async (s: WebShell): Promise<EncodedShell | null> => {
    const src = source();
    if (!src) return encodeShell(s.render(null));
    try {
      return encodeShell(s.render(await src.render()));
    } catch {
      return null; // the database is away: the plain shell, and the app asks the api itself
    }
  };

  // This instance draws the list again at once after a change here; other instances within the TTL.
  try {
    app.get(EventBus, { strict: false }).on('ContestChanged', 'first screen', () => {
      cached = null;
    });
  } catch {
    /* an app without the event bus: the TTL alone */
  }

  app
    .getHttpAdapter()
    .getInstance()
    .get('/', async (req: FastifyRequest, reply: FastifyReply) => {
      if (shell === undefined) shell = loadWebShell(config.webDistDir, appCsp);
      if (!shell) return reply.header('cache-control', 'no-cache').sendFile('index.html');
      const now = Date.now();
      if (!cached || now - cached.at >= FIRST_SCREEN_TTL_MS) cached = { at: now, body: build(shell) };
      let body = await cached.body;
      if (!body) {
        cached = null;
        body = encodeShell(shell.render(null));
      }
      const encoding = pickEncoding(req.headers['accept-encoding']);
      if (encoding !== 'identity') void reply.header('content-encoding', encoding);
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('vary', 'Accept-Encoding')
        .header('content-security-policy', shell.csp)
        .send(body[encoding]);
    });
}
