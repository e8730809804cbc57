import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { EventBus } from '../events/event-bus';
import {
  encodeAs,
  encodeShell,
  EncodedShell,
  FirstScreenPage,
  FirstScreenSource,
  loadWebShell,
  PersonalFirstScreen,
  PersonalFirstScreenSource,
  pickEncoding,
  WebShell,
} from './first-screen';

/**
 * Organisers' edits show on the home screen within this long; a crowd opening `/` at once
 * (the link shared in a group chat) costs one list query per interval, not one each.
 */
export const FIRST_SCREEN_TTL_MS = 5_000;

interface Shared {
  page: FirstScreenPage | null;
  body: EncodedShell;
}

/** GET `/`: the web app's shell with the home screen already in it (first-screen.ts). */
export function serveFirstScreen(app: NestFastifyApplication, config: AppConfig, appCsp: string): void {
  let shell: WebShell | null | undefined;
  let cached: { at: number; shared: Promise<Shared | null> } | null = null;

  /** Null in an app without the feature that provides it (tests of one module). */
  const optional = <T>(token: abstract new () => T): T | null => {
    try {
      return app.get(token, { strict: false });
    } catch {
      return null;
    }
  };
  const source = () => optional(FirstScreenSource);
  const personalSource = () => optional(PersonalFirstScreenSource);
  /** The resident's own part, when the request is theirs and there is something to carry; never shared. */
  const personalOf = async (req: FastifyRequest): Promise<PersonalFirstScreen | null> => {
    if (!req.headers.cookie) return null;
    try {
      const own = await personalSource()?.render(req.headers.cookie);
      return own && own.answers.length > 0 ? own : null;
    } catch {
      return null; // the shared page; the app asks the api itself
    }
  };
  /** The shared page (the public contest list), rendered and compressed once per interval. */
  const build = async (s: WebShell): Promise<Shared | null> => {
    const src = source();
    if (!src) return { page: null, body: encodeShell(s.render(null)) };
    try {
      const page = await src.render();
      return { page, body: encodeShell(s.render(page)) };
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
      const personal = await personalOf(req);
      const now = Date.now();
      if (!cached || now - cached.at >= FIRST_SCREEN_TTL_MS) cached = { at: now, shared: build(shell) };
      let shared = await cached.shared;
      if (!shared) {
        cached = null;
        shared = { page: null, body: encodeShell(shell.render(null)) };
      }
      const encoding = pickEncoding(req.headers['accept-encoding']);
      // A page with someone's attempt in it is drawn for them alone, and kept by no one.
      const body = personal ? encodeAs(shell.render(shared.page, personal), encoding) : shared.body[encoding];
      if (encoding !== 'identity') void reply.header('content-encoding', encoding);
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', personal ? 'private, no-store' : 'no-cache')
        .header('vary', 'Accept-Encoding, Cookie')
        .header('content-security-policy', shell.csp)
        .send(body);
    });
}
