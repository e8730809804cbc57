/**
 * npm run bench:web — what a resident's phone pays to open a contest from its QR code
 * (issue 8's budgets): the built web app served by the api (production mode, scratch
 * database, precompressed assets), opened in Debian's Chromium at 390×844 with a cold cache
 * on an emulated "Slow 4G" link (CDP Network.emulateNetworkConditions: 1.6 Mbps down,
 * 750 kbps up, 150 ms RTT). Measures first contentful paint and the first render of the
 * contest page with its data (the title heading on screen), the bytes sent, and the resident
 * bundle's gzipped size (apps/web/scripts/bundle-budget.mjs, the build's own check).
 * Prints one JSON document; progress goes to stderr.
 * Budgets: resident bundle under 200 KB gzipped, first render under 3 s.
 *
 * Knobs (env): BENCH_RUNS (3 per CPU setting), BENCH_CPU_SLOWDOWNS ("1,4": 4 is Lighthouse's
 * mobile CPU), WEB_DIST_DIR (apps/web/dist), BENCH_KEEP=1 keeps the scratch database.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { loadConfig } from '@lc/platform';
import { createApi } from '../apps/api/src/bootstrap';
import { intEnv, loadDotEnv, log, ROOT } from './lib/env';
import { createScratchDatabase, dropRedisPrefix, dropScratchDatabase } from '../scripts/lib/scratch-db';

const BUDGET = { residentBundleKB: 150, firstRenderMs: 3000 };
/** Chrome DevTools' "Slow 4G" preset. */
const SLOW_4G = { name: 'Slow 4G', downloadKbps: 1600, uploadKbps: 750, rttMs: 150 };
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Run {
  cpuSlowdown: number;
  firstContentfulPaintMs: number | null;
  contestRenderedMs: number;
  transferredKB: number;
  requests: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const round1 = (n: number) => Math.round(n * 10) / 10;

/** The build's own budget script: its "resident bundle: N KB gzipped" line. */
function residentBundleKB(webDist: string): number {
  const script = join(dirname(webDist), 'scripts', 'bundle-budget.mjs');
  if (!existsSync(script)) throw new Error(`${script} is missing: WEB_DIST_DIR must be a web app's dist/ beside its scripts/`);
  let out: string;
  try {
    out = execFileSync(process.execPath, [script], { encoding: 'utf8' });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? ''); // over budget: exits 1, still prints the size
  }
  const m = /resident bundle:\s+([\d.]+) KB/.exec(out);
  if (!m) throw new Error(`bundle-budget.mjs printed no resident size:\n${out}`);
  return Number(m[1]);
}

async function seed(base: string, admin: { email: string; password: string }): Promise<{ contestId: string; title: string }> {
  const call = async (method: string, path: string, body?: unknown, token?: string): Promise<any> => {
    const res = await fetch(`${base}/api/v1${path}`, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = (await res.json()) as any;
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const adminToken = (await call('POST', '/auth/login', { login: admin.email, password: admin.password })).accessToken;
  const org = await call('POST', '/organisations', { name: 'Sở Tư pháp (bench web)', level: 'province', province: 'Quảng Ninh' }, adminToken);
  await call('POST', '/users', { fullName: 'Người tổ chức', email: 'organiser@bench-web.local', password: 'organiser-pass-1', role: 'organiser', organisationId: org.id }, adminToken);
  const token = (await call('POST', '/auth/login', { login: 'organiser@bench-web.local', password: 'organiser-pass-1' })).accessToken;
  const bank = await call('POST', '/question-banks', { name: 'Luật Bầu cử' }, token);
  for (let i = 0; i < 10; i++) {
    await call('POST', `/question-banks/${bank.id}/questions`, { type: 'single', stem: `Câu ${i + 1}: theo Luật Bầu cử, điều nào đúng?`, options: [0, 1, 2, 3].map((k) => ({ text: `Phương án ${k + 1}`, correct: k === i % 4 })) }, token);
  }
  const title = 'Cuộc thi trực tuyến tìm hiểu pháp luật về bầu cử đại biểu Quốc hội và HĐND';
  const contest = await call('POST', '/contests', { title, slug: 'bench-web', description: 'Dành cho mọi công dân từ đủ 16 tuổi. Mỗi tuần một vòng thi 10 câu hỏi trắc nghiệm trong 15 phút.', rules: 'Thể lệ: mỗi người được thi tối đa 3 lượt mỗi vòng; lượt có kết quả cao nhất được tính.' }, token);
  for (let w = 1; w <= 3; w++) {
    await call(
      'POST',
      `/contests/${contest.id}/rounds`,
      { title: `Tuần ${w}`, kind: 'quiz', opensAt: new Date(Date.now() - 1000 + (w - 1) * 7 * 86400_000).toISOString(), closesAt: new Date(Date.now() + w * 7 * 86400_000).toISOString(), durationSeconds: 900, maxAttempts: 3, attemptScoring: 'best', selection: [{ bankId: bank.id, count: 10 }] },
      token,
    );
  }
  await call('POST', `/contests/${contest.id}/publish`, {}, token);
  return { contestId: contest.id, title };
}

async function main(): Promise<void> {
  loadDotEnv();
  const runs = intEnv('BENCH_RUNS', 3);
  const slowdowns = (process.env.BENCH_CPU_SLOWDOWNS ?? '1,4').split(',').map(Number);
  const webDir = process.env.WEB_DIST_DIR || 'apps/web/dist';
  const webDist = isAbsolute(webDir) ? webDir : resolve(ROOT, webDir);
  if (!existsSync(join(webDist, 'index.html'))) throw new Error(`no web build in ${webDist}: run \`bash scripts/build-web.sh\``);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run \`bash scripts/ensure-browser.sh\``);
  const bundleKB = residentBundleKB(webDist);

  const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const dbName = `lc_bench_web_${run}`;
  const prefix = `benchweb${run}`;
  const admin = { email: 'bench-admin@bench.local', password: 'Bench-admin-2026' };
  log(`scratch database ${dbName}`);
  const databaseUrl = await createScratchDatabase(process.env.DATABASE_URL!, dbName);
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: '5', REDIS_PREFIX: prefix, LOG_LEVEL: 'warn', ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, WEB_DIST_DIR: webDist });
  const app = await createApi(config);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const { contestId, title } = await seed(url, admin);
    const pagePath = `/#/cuoc-thi/${contestId}`;
    const results: Run[] = [];
    for (const cpuSlowdown of slowdowns) {
      for (let i = 0; i < runs; i++) {
        // A new context each time: a cold cache, as on a phone opening the link for the first time.
        const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'vi-VN' });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: SLOW_4G.rttMs, downloadThroughput: (SLOW_4G.downloadKbps * 1000) / 8, uploadThroughput: (SLOW_4G.uploadKbps * 1000) / 8 });
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
        let bytes = 0;
        let requests = 0;
        cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
          bytes += e.encodedDataLength;
          requests++;
        });
        await page.goto(url + pagePath, { waitUntil: 'commit' });
        // performance.now() counts from the navigation's start: the time the resident waits.
        const rendered = await page.waitForFunction((t) => (globalThis as any).document.querySelector('h1')?.textContent === t && (globalThis as any).performance.now(), title, { polling: 'raf', timeout: 60_000 });
        const contestRenderedMs = Number(await rendered.jsonValue());
        const fcp = await page.evaluate(() => (globalThis as any).performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
        const r: Run = { cpuSlowdown, firstContentfulPaintMs: fcp === null ? null : Math.round(fcp), contestRenderedMs: Math.round(contestRenderedMs), transferredKB: round1(bytes / 1024), requests };
        log(`cpu ×${cpuSlowdown} run ${i + 1}: FCP ${r.firstContentfulPaintMs} ms, contest on screen ${r.contestRenderedMs} ms, ${r.transferredKB} KB in ${requests} requests`);
        results.push(r);
        await context.close();
      }
    }
    const bySlowdown = slowdowns.map((s) => {
      const rs = results.filter((r) => r.cpuSlowdown === s);
      return {
        cpuSlowdown: s,
        firstContentfulPaintMs: median(rs.map((r) => r.firstContentfulPaintMs ?? NaN)),
        contestRenderedMs: median(rs.map((r) => r.contestRenderedMs)),
        transferredKB: median(rs.map((r) => r.transferredKB)),
      };
    });
    const firstRender = bySlowdown.find((b) => b.cpuSlowdown === 1) ?? bySlowdown[0];
    process.stdout.write(
      `${JSON.stringify(
        {
          bench: 'web',
          page: pagePath.replace(contestId, ':contestId'),
          network: SLOW_4G,
          viewport: '390x844',
          residentBundleGzipKB: bundleKB,
          medians: bySlowdown,
          runs: results,
          budgets: BUDGET,
          pass: { residentBundle: bundleKB < BUDGET.residentBundleKB, firstRender: firstRender.contestRenderedMs < BUDGET.firstRenderMs },
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await browser.close();
    await app.close();
    if (!process.env.BENCH_KEEP) {
      await dropScratchDatabase(process.env.DATABASE_URL!, dbName);
      await dropRedisPrefix(config.redisUrl, prefix);
    }
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
