import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

/**
 * The first screen painted from the HTML response alone (issue 16): on a slow phone link every
 * request costs a 2 s round trip, so `/` carries its stylesheet, the early-fetch script and the
 * home screen's markup and data inline. React then replaces the markup (it does not hydrate)
 * and takes the data as the answer to its first request, without asking again.
 */
export interface FirstScreenPage {
  /** Markup for inside `<main>`: escaped by its maker. */
  html: string;
  /** The api answer the page embeds: the web app's client takes it for `url` instead of fetching. */
  data: { url: string; body: unknown };
}

/** Provided by the feature that owns the home screen (the contest list); optional. */
export abstract class FirstScreenSource {
  abstract render(): Promise<FirstScreenPage>;
}

/**
 * The signed-in resident's own part of `/` (their attempts in progress), read from the request's
 * cookies by the feature that owns it. Null: nothing personal, the shared page is served.
 */
export interface PersonalFirstScreen {
  userId: string;
  /** Api answers by URL (`/api/v1/attempts/:id`): the page's route picks the one it needs. */
  answers: { url: string; body: unknown }[];
}

export abstract class PersonalFirstScreenSource {
  abstract render(cookieHeader: string | undefined): Promise<PersonalFirstScreen | null>;
}

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON inside `<script type="application/json">`: nothing in it can close the element or open a comment. */
export const scriptJson = (v: unknown): string => JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const sha256 = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/**
 * The page's hash route is invisible to the server, so the server always renders the home
 * screen; on any other route this flag hides it and shows the plain "loading" line instead.
 */
const ROUTE_FLAG =
  "(function(){var h=location.hash.replace(/^#/,'').split('?')[0];if(h&&h!=='/')document.documentElement.setAttribute('data-first-route','other')})()";
const SHELL_CSS = '.first-elsewhere{display:none}[data-first-route=other] .first-home{display:none}[data-first-route=other] .first-elsewhere{display:block}';

/** The app's chrome as App.tsx draws it for a visitor who is not signed in (same classes: no jump when React takes over). */
const chrome = (main: string): string =>
  '<a class="skip-link" href="#main">Bỏ qua, đến nội dung chính</a>' +
  '<header class="site-header"><div class="container header-row"><a href="#/" class="brand">Thi tìm hiểu pháp luật</a>' +
  '<nav aria-label="Chính"><ul class="nav"><li><a href="#/" aria-current="page">Cuộc thi</a></li><li><a href="#/dang-nhap">Đăng nhập</a></li></ul></nav></div></header>' +
  `<main id="main" tabindex="-1" class="container">${main}</main>` +
  '<footer class="site-footer"><div class="container"><p>Phổ biến, giáo dục pháp luật · Giờ hiển thị theo giờ Việt Nam (UTC+7)</p></div></footer>';

export interface WebShell {
  /** The HTML for `/` with `page` in it, and the Content-Security-Policy that lets its inline parts run. */
  render(page: FirstScreenPage | null, personal?: PersonalFirstScreen | null): string;
  csp: string;
}

/** Reads the built web app once: index.html with the stylesheet and early.js inlined. Null when the build is not the expected shape. */
export function loadWebShell(webDistDir: string, appCsp: string): WebShell | null {
  const index = readFileSync(join(webDistDir, 'index.html'), 'utf8');
  const cssLink = /<link rel="stylesheet"[^>]*href="\/(assets\/index-[^"]+\.css)"[^>]*>/.exec(index);
  const early = '<script src="/early.js"></script>';
  const root = /<div id="root">[\s\S]*?<\/div>/.exec(index);
  if (!cssLink || !index.includes(early) || !root || !index.includes('<html lang="vi">')) return null;
  const css = readFileSync(join(webDistDir, cssLink[1]), 'utf8') + SHELL_CSS;
  const earlyJs = readFileSync(join(webDistDir, 'early.js'), 'utf8');
  const [headBeforeScripts, headAfterScripts] = index
    .slice(0, root.index)
    .replace('<html lang="vi">', '<html lang="vi" data-first-screen>')
    .replace(cssLink[0], `<style>${css}</style>`)
    .split(early);
  const tail = index.slice(root.index + root[0].length);
  const csp = appCsp
    .replace("script-src 'self'", `script-src 'self' ${sha256(ROUTE_FLAG)} ${sha256(earlyJs)}`)
    .replace("style-src 'self'", `style-src 'self' ${sha256(css)}`);
  return {
    csp,
    render(page, personal) {
      // Before early.js, which paints a resumed attempt from it with no request at all.
      const own = personal ? `<script type="application/json" id="lc-first-personal">${scriptJson(personal)}</script>` : '';
      const head = `${headBeforeScripts}${own}<script>${ROUTE_FLAG}</script><script>${earlyJs}</script>${headAfterScripts}`;
      const main = `<div class="first-home">${page?.html ?? '<p class="boot">Đang tải…</p>'}</div><div class="first-elsewhere"><p class="boot">Đang tải…</p></div>`;
      const data = page ? `<script type="application/json" id="lc-first-data">${scriptJson(page.data)}</script>` : '';
      return `${head}<div id="root">${chrome(main)}</div>${data}${tail}`;
    },
  };
}

export interface EncodedShell {
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

export type ShellEncoding = keyof EncodedShell;

/** One encoding: a personal page is drawn for one request, so only what it accepts is compressed. */
export function encodeAs(html: string, encoding: ShellEncoding): Buffer {
  const identity = Buffer.from(html, 'utf8');
  if (encoding === 'gzip') return gzipSync(identity, { level: 6 });
  if (encoding === 'br') return brotliCompressSync(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 6 } });
  return identity;
}

/** Compressed once per render (cached a few seconds), not per request. */
export function encodeShell(html: string): EncodedShell {
  return { identity: encodeAs(html, 'identity'), gzip: encodeAs(html, 'gzip'), br: encodeAs(html, 'br') };
}

export function pickEncoding(acceptEncoding: string | undefined): ShellEncoding {
  const a = (acceptEncoding ?? '').toLowerCase();
  return /\bbr\b/.test(a) ? 'br' : /\bgzip\b/.test(a) ? 'gzip' : 'identity';
}
