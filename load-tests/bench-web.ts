/**
 * npm run bench:web — the first useful screen on a slow phone (issue 16): Debian's Chromium at
 * 390×844 with the CPU slowed ×4 and an emulated Slow 3G link (Chrome DevTools Protocol
 * Network.emulateNetworkConditions: 2,000 ms latency, 50 kB/s each way), for
 *   - the contest list (`#/`), until the contest's title is on screen;
 *   - a resumed attempt (`#/bai-thi/:id`, signed in, two answers saved), until its first
 *     question's text is on screen;
 * each cold (a new browser context: empty HTTP cache, no service worker; what a phone that
 * signed in before through the web app holds: the session in localStorage and the httpOnly
 * first-screen cookie `lc_page_session` of a cookie-mode sign-in, so `/` can carry the resumed
 * attempt) and warm (the same context opening the page
 * again once the first visit has loaded and its service worker is active). Both the current web build and a baseline build (BENCH_BASELINE_REF, by default the
 * commit the issue measured) are served by the api in production mode on one scratch database,
 * in the same run, so the figures compare like with like. Prints one JSON document (medians and
 * every run); progress goes to stderr. Targets: ≤ 4 s cold, ≤ 2 s warm.
 *
 * Knobs (env): BENCH_RUNS (3), BENCH_CPU_SLOWDOWN (4), BENCH_LATENCY_MS (2000), BENCH_KBPS
 * (50, kB/s), BENCH_BASELINE_REF (0b9a78c), BENCH_BASELINE_DIST (an already built baseline:
 * skips the build), BENCH_VARIANTS ("baseline,current"), WEB_DIST_DIR, BENCH_KEEP=1, BENCH_SHOTS (a
 * folder: screenshots of each first cold screen, as first painted and once the app took over).
 */
import 'reflect-metadata';
import { execFileSync, execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { loadConfig } from '@lc/platform';
import { createApi } from '../apps/api/src/bootstrap';
import { intEnv, loadDotEnv, log, productionEnv, ROOT } from './lib/env';
import { createScratchDatabase, dropRedisPrefix, dropScratchDatabase } from '../scripts/lib/scratch-db';

const TARGET = { coldMs: 4000, warmMs: 2000 };
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

type Screen = 'contestList' | 'attempt';
interface Run {
  variant: string;
  screen: Screen;
  cache: 'cold' | 'warm';
  ms: number;
  transferredKB: number;
  requests: number;
}
interface Seeded {
  title: string;
  attemptId: string;
  firstStems: string[];
  session: { accessToken: string; user: unknown };
  /** The first-screen cookie of the cookie-mode sign-in (libs/identity page-session-cookie.ts); absent from builds before it. */
  pageCookie: { name: string; value: string; maxAgeSeconds: number } | null;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const round1 = (n: number) => Math.round(n * 10) / 10;

/** The build's own budget script: its "resident bundle: N KB gzipped …, M KB brotli" line. */
function residentBundle(webDist: string): { gzipKB: number; brotliKB: number | null } {
  const script = join(dirname(webDist), 'scripts', 'bundle-budget.mjs');
  if (!existsSync(script)) throw new Error(`${script} is missing: WEB_DIST_DIR must be a web app's dist/ beside its scripts/`);
  let out: string;
  try {
    out = execFileSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, WEB_OUT_DIR: webDist } });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? ''); // over budget: exits 1, still prints the size
  }
  const m = /resident bundle:\s+([\d.]+) KB gzipped(?:[^,]*, ([\d.]+) KB brotli)?/.exec(out);
  if (!m) throw new Error(`bundle-budget.mjs printed no resident size:\n${out}`);
  return { gzipKB: Number(m[1]), brotliKB: m[2] ? Number(m[2]) : null };
}

/** The web app as it was at `ref`, built for production beside the current one's node_modules. */
function buildBaseline(ref: string): { dist: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'lc-bench-web-baseline-'));
  log(`building the baseline web app (${ref}) in ${dir}`);
  execSync(`git archive ${ref} apps/web | tar -x -C ${dir}`, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const web = join(dir, 'apps/web');
  symlinkSync(join(ROOT, 'apps/web/node_modules'), join(web, 'node_modules'));
  execSync('npx vite build --logLevel warn && node scripts/precompress.mjs', {
    cwd: web,
    env: { ...process.env, NODE_ENV: 'production', WEB_OUT_DIR: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { dist: join(web, 'dist'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

async function seed(base: string, admin: { email: string; password: string }): Promise<Seeded> {
  const call = async (method: string, path: string, body?: unknown, token?: string): Promise<any> => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as any;
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const adminToken = (await call('POST', '/auth/login', { login: admin.email, password: admin.password })).accessToken;
  const org = await call('POST', '/organisations', { name: 'Sở Tư pháp (bench web)', level: 'province', province: 'Quảng Ninh' }, adminToken);
  await call(
    'POST',
    '/users',
    { fullName: 'Người tổ chức', email: 'organiser@bench-web.local', password: 'organiser-pass-1', role: 'organiser', organisationId: org.id },
    adminToken,
  );
  const token = (await call('POST', '/auth/login', { login: 'organiser@bench-web.local', password: 'organiser-pass-1' })).accessToken;
  const bank = await call('POST', '/question-banks', { name: 'Luật Bầu cử' }, token);
  for (let i = 0; i < 10; i++) {
    await call(
      'POST',
      `/question-banks/${bank.id}/questions`,
      {
        type: 'single',
        stem: `Câu ${i + 1}: theo Luật Bầu cử, điều nào đúng?`,
        options: [0, 1, 2, 3].map((k) => ({ text: `Phương án ${k + 1}`, correct: k === i % 4 })),
      },
      token,
    );
  }
  const title = 'Cuộc thi trực tuyến tìm hiểu pháp luật về bầu cử đại biểu Quốc hội và HĐND';
  const contest = await call(
    'POST',
    '/contests',
    {
      title,
      slug: 'bench-web',
      description: 'Dành cho mọi công dân từ đủ 16 tuổi. Mỗi tuần một vòng thi 10 câu hỏi trắc nghiệm trong 15 phút.',
      rules: 'Thể lệ: mỗi người được thi tối đa 3 lượt mỗi vòng; lượt có kết quả cao nhất được tính.',
    },
    token,
  );
  const rounds = [];
  for (let w = 1; w <= 3; w++) {
    rounds.push(
      await call(
        'POST',
        `/contests/${contest.id}/rounds`,
        {
          title: `Tuần ${w}`,
          kind: 'quiz',
          opensAt: new Date(Date.now() - 1000 + (w - 1) * 7 * 86400_000).toISOString(),
          closesAt: new Date(Date.now() + w * 7 * 86400_000).toISOString(),
          durationSeconds: 3600,
          maxAttempts: 3,
          attemptScoring: 'best',
          selection: [{ bankId: bank.id, count: 10 }],
        },
        token,
      ),
    );
  }
  await call('POST', `/contests/${contest.id}/publish`, {}, token);
  const resident = await call('POST', '/auth/register', {
    fullName: 'Nguyễn Thị Bình',
    phone: '0912000111',
    password: 'matkhau-an-toan',
    nationalId: '001090123456',
    dateOfBirth: '1990-05-17',
    province: 'Quảng Ninh',
    consent: true,
  });
  await call('POST', `/contests/${contest.id}/register`, {}, resident.accessToken);
  const attempt = await call('POST', `/rounds/${rounds[0].id}/attempts`, {}, resident.accessToken);
  for (const q of attempt.questions.slice(0, 2))
    await call('PUT', `/attempts/${attempt.id}/answers/${q.id}`, { optionIds: [q.options[0].id], seq: 1 }, resident.accessToken);
  // Signed in as the web app signs in (cookie mode): the refresh token and the first-screen cookie come as cookies.
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-session-cookie': '1' },
    body: JSON.stringify({ login: '0912000111', password: 'matkhau-an-toan' }),
  });
  const signedIn = (await login.json()) as { accessToken: string; user: unknown };
  if (login.status !== 200) throw new Error(`cookie-mode sign-in: ${login.status} ${JSON.stringify(signedIn)}`);
  const page = login.headers.getSetCookie().find((c) => c.startsWith('lc_page_session='));
  const [name, value] = (page?.split(';')[0] ?? '').split('=');
  return {
    title,
    attemptId: attempt.id,
    firstStems: attempt.questions.map((q: { stem: string }) => q.stem),
    session: { accessToken: signedIn.accessToken, user: signedIn.user },
    pageCookie: page ? { name, value, maxAgeSeconds: Number(/Max-Age=(\d+)/.exec(page)?.[1] ?? 900) } : null,
  };
}

async function listen(dist: string, env: Record<string, string>): Promise<{ app: NestFastifyApplication; url: string }> {
  const app = await createApi(loadConfig({ ...process.env, ...env, WEB_DIST_DIR: dist }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}` };
}

/** Opens `url` on the emulated phone; resolves with ms from navigation start to `ready` holding. */
async function measure(
  context: BrowserContext,
  page: Page,
  url: string,
  screen: Screen,
  s: Seeded,
  shots?: string,
): Promise<Omit<Run, 'variant' | 'screen' | 'cache'>> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: intEnv('BENCH_LATENCY_MS', 2000),
    downloadThroughput: intEnv('BENCH_KBPS', 50) * 1000,
    uploadThroughput: intEnv('BENCH_KBPS', 50) * 1000,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: intEnv('BENCH_CPU_SLOWDOWN', 4) });
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
    requests++;
  });
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  // performance.now() counts from the navigation's start: the time the resident waits.
  const ready = await page.waitForFunction(
    ([kind, title, stems]) => {
      const d = (globalThis as any).document;
      const ok =
        kind === 'contestList'
          ? (d.body?.innerText ?? '').includes(title)
          : (stems as string[]).includes((d.querySelector('legend .question-stem')?.textContent ?? '').trim());
      return ok && (globalThis as any).performance.now();
    },
    [screen, s.title, s.firstStems] as const,
    { polling: 'raf', timeout: 120_000 },
  );
  const ms = Math.round(Number(await ready.jsonValue()));
  if (shots) {
    // Before and after the app takes over, to compare (no jump, same text).
    await page.screenshot({ path: `${shots}-first.png` });
    await page.waitForFunction(() => !(globalThis as any).document.querySelector('#root .first-home, #root > .boot'), undefined, { timeout: 120_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${shots}-app.png` });
  }
  await cdp.detach();
  return { ms, transferredKB: round1(bytes / 1024), requests };
}

async function main(): Promise<void> {
  loadDotEnv();
  const runs = intEnv('BENCH_RUNS', 3);
  const webDir = process.env.WEB_DIST_DIR || 'apps/web/dist';
  const webDist = isAbsolute(webDir) ? webDir : resolve(ROOT, webDir);
  if (!existsSync(join(webDist, 'index.html'))) throw new Error(`no web build in ${webDist}: run \`bash scripts/build-web.sh\``);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run \`bash scripts/ensure-browser.sh\``);
  const variants = (process.env.BENCH_VARIANTS ?? 'baseline,current').split(',').map((v) => v.trim());
  const baselineRef = process.env.BENCH_BASELINE_REF || '0b9a78c';
  const baseline = variants.includes('baseline')
    ? process.env.BENCH_BASELINE_DIST
      ? { dist: resolve(process.env.BENCH_BASELINE_DIST), cleanup: () => undefined }
      : buildBaseline(baselineRef)
    : null;
  const dists: Record<string, string> = { current: webDist, ...(baseline ? { baseline: baseline.dist } : {}) };

  const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const dbName = `lc_bench_web_${run}`;
  const prefix = `benchweb${run}`;
  const admin = { email: 'bench-admin@bench.local', password: 'Bench-admin-2026' };
  log(`scratch database ${dbName}`);
  const databaseUrl = await createScratchDatabase(process.env.DATABASE_URL!, dbName);
  const env = {
    ...productionEnv(),
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '5',
    REDIS_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
  };
  const servers: Record<string, { app: NestFastifyApplication; url: string }> = {};
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    for (const v of variants) servers[v] = await listen(dists[v], env);
    const seeded = await seed(servers[variants[0]].url, admin);
    const results: Run[] = [];
    for (let i = 0; i < runs; i++) {
      for (const variant of variants) {
        for (const screen of ['contestList', 'attempt'] as const) {
          const path = screen === 'contestList' ? '/#/' : `/#/bai-thi/${seeded.attemptId}`;
          // A phone that signed in before (the session in localStorage), with an empty cache.
          const context = await browser.newContext({
            viewport: { width: 390, height: 844 },
            isMobile: true,
            hasTouch: true,
            locale: 'vi-VN',
            timezoneId: 'Asia/Ho_Chi_Minh',
          });
          if (screen === 'attempt') {
            await context.addInitScript((session) => (globalThis as any).localStorage.setItem('lc.session', session), JSON.stringify(seeded.session));
            const c = seeded.pageCookie;
            if (c)
              await context.addCookies([
                {
                  name: c.name,
                  value: c.value,
                  url: servers[variant].url,
                  httpOnly: true,
                  sameSite: 'Strict',
                  expires: Math.floor(Date.now() / 1000) + c.maxAgeSeconds,
                },
              ]);
          }
          const page = await context.newPage();
          for (const cache of ['cold', 'warm'] as const) {
            if (cache === 'warm') {
              // What the first visit left: HTTP cache and, where the build has one, the service worker.
              // The first visit is over when its page has loaded and its worker is active (registerSW.js
              // registers at the load event): a first screen painted from the HTML alone comes long before.
              await page.waitForLoadState('load', { timeout: 120_000 });
              await page.evaluate(async () => {
                const d = (globalThis as any).document;
                const sw = (globalThis as any).navigator.serviceWorker;
                if (!sw?.getRegistration || !d.getElementById('vite-plugin-pwa:register-sw')) return;
                for (let i = 0; i < 100 && !(await sw.getRegistration()); i++) await new Promise((r) => setTimeout(r, 100));
                if (await sw.getRegistration()) await sw.ready;
              });
              await page.goto('about:blank');
            }
            const shots = process.env.BENCH_SHOTS && i === 0 && cache === 'cold' ? join(resolve(process.env.BENCH_SHOTS), `${variant}-${screen}`) : undefined;
            const r = { variant, screen, cache, ...(await measure(context, page, servers[variant].url + path, screen, seeded, shots)) };
            log(`${variant} ${screen} ${cache} run ${i + 1}: ${r.ms} ms, ${r.transferredKB} KB in ${r.requests} requests`);
            results.push(r);
          }
          await context.close();
        }
      }
    }
    const summary: Record<string, Record<string, { coldMs: number; warmMs: number; coldKB: number; warmKB: number }>> = {};
    for (const v of variants) {
      summary[v] = {};
      for (const screen of ['contestList', 'attempt'] as const) {
        const pick = (cache: string) => results.filter((r) => r.variant === v && r.screen === screen && r.cache === cache);
        summary[v][screen] = {
          coldMs: median(pick('cold').map((r) => r.ms)),
          warmMs: median(pick('warm').map((r) => r.ms)),
          coldKB: median(pick('cold').map((r) => r.transferredKB)),
          warmKB: median(pick('warm').map((r) => r.transferredKB)),
        };
      }
    }
    const cur = summary.current;
    const model = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model;
    process.stdout.write(
      `${JSON.stringify(
        {
          bench: 'web',
          machine: {
            cores: Number(execSync('nproc').toString().trim()),
            cpuModel: model,
            loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number),
          },
          phone: {
            viewport: '390x844',
            cpuSlowdown: intEnv('BENCH_CPU_SLOWDOWN', 4),
            network: { name: 'Slow 3G', latencyMs: intEnv('BENCH_LATENCY_MS', 2000), downKBps: intEnv('BENCH_KBPS', 50), upKBps: intEnv('BENCH_KBPS', 50) },
          },
          screens: {
            contestList: '/#/ until the contest title is on screen',
            attempt: '/#/bai-thi/:id (signed in, 2 answers saved) until its first question is on screen',
          },
          baseline: baseline ? { ref: process.env.BENCH_BASELINE_DIST ? null : baselineRef, dist: dists.baseline } : null,
          residentBundle: Object.fromEntries(Object.entries(dists).map(([v, d]) => [v, residentBundle(d)])),
          medians: summary,
          runs: results,
          targets: TARGET,
          pass: cur
            ? {
                cold: Math.max(cur.contestList.coldMs, cur.attempt.coldMs) <= TARGET.coldMs,
                warm: Math.max(cur.contestList.warmMs, cur.attempt.warmMs) <= TARGET.warmMs,
              }
            : null,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await browser.close();
    for (const s of Object.values(servers)) await s.app.close();
    baseline?.cleanup();
    if (!process.env.BENCH_KEEP) {
      await dropScratchDatabase(process.env.DATABASE_URL!, dbName);
      await dropRedisPrefix(loadConfig({ ...process.env, ...env }).redisUrl, prefix);
    }
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
