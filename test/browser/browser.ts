import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, BrowserContextOptions, chromium, Page } from 'playwright-core';
import { ROOT } from '../processes';

/**
 * Debian's Chromium driven by playwright-core; never a browser Playwright downloads
 * (scripts/ensure-browser.sh installs it). The machines have no outside network, so every
 * background fetch Chromium would make is switched off. Playwright gives each launch a fresh
 * temporary --user-data-dir of its own (it refuses the flag in `args`) and deletes it on close.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run \`bash scripts/ensure-browser.sh\` (npm test does it)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export const PHONE_VIEWPORT = { width: 390, height: 844 };
export const DESKTOP_VIEWPORT = { width: 1366, height: 900 };

/** A mid-range Android phone in a chat app's browser: where residents take contests. */
export const PHONE: BrowserContextOptions = {
  viewport: PHONE_VIEWPORT,
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 1,
  locale: 'vi-VN',
  timezoneId: 'Asia/Ho_Chi_Minh',
  userAgent: 'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36 Zalo',
};

export const DESKTOP: BrowserContextOptions = { viewport: DESKTOP_VIEWPORT, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' };

export const SCREENSHOT_DIR = join(ROOT, '.run', 'screenshots');

/**
 * Saves the page at phone and desktop sizes (.run/screenshots/<name>-phone.png, -desktop.png),
 * then puts the viewport back as it was.
 */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const was = page.viewportSize();
  for (const [size, viewport] of [
    ['phone', PHONE_VIEWPORT],
    ['desktop', DESKTOP_VIEWPORT],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${size}.png`), fullPage: true, animations: 'disabled' });
  }
  if (was) await page.setViewportSize(was);
}

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page (a React crash shows as one): journeys expect none. */
  errors: Error[];
  /** The page's console, kept for the failure report. */
  console: string[];
}

export async function newPage(browser: Browser, options: BrowserContextOptions): Promise<OpenPage> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors: Error[] = [];
  const console: string[] = [];
  page.on('pageerror', (e) => errors.push(e));
  page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
  return { context, page, errors, console };
}

/**
 * Runs a journey in a new context; on failure saves a screenshot and the page's console to
 * .run/screenshots/FAILED-<name>.* so the cause can be seen, then rethrows.
 */
export async function journey(browser: Browser, options: BrowserContextOptions, name: string, fn: (p: OpenPage) => Promise<void>): Promise<void> {
  const p = await newPage(browser, options);
  try {
    await fn(p);
  } catch (e) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await p.page.screenshot({ path: join(SCREENSHOT_DIR, `FAILED-${name}.png`), fullPage: true }).catch(() => undefined);
    writeFileSync(
      join(SCREENSHOT_DIR, `FAILED-${name}.txt`),
      `${p.page.url()}\n${[...p.errors.map((x) => `pageerror: ${x.stack ?? x.message}`), ...p.console].join('\n')}\n`,
    );
    throw e;
  } finally {
    await p.context.close();
  }
}

/** Reads a key of the page's localStorage (the app keeps its session there). */
export async function localItem<T = unknown>(page: Page, key: string): Promise<T | null> {
  // The test's tsconfig has no DOM types: the callback runs in the page.
  const raw = await page.evaluate((k) => (globalThis as any).localStorage.getItem(k) as string | null, key);
  return raw === null ? null : (JSON.parse(raw) as T);
}
