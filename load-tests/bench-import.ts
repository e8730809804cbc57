/**
 * npm run bench:import — question import at scale (issue 3): a 20,000-question XLSX and a
 * 20,000-question GIFT file, each imported over HTTP into its own bank by an api running
 * in this process (production mode, scratch database), timing the request and sampling
 * the process RSS every 50 ms. Prints one JSON document; progress goes to stderr.
 * Target on 2 cores: each import under 15 s and under 400 MB peak RSS.
 *
 * Knobs (env): BENCH_QUESTIONS (20000), BENCH_FORMATS (xlsx,gift), BENCH_KEEP=1 keeps the
 * scratch database.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { fork } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { loadConfig } from '@lc/platform';
import { createApi } from '../apps/api/src/bootstrap';
import { intEnv, loadDotEnv, log, machineInfo, productionEnv } from './lib/env';
import { createScratchDatabase, dropRedisPrefix, dropScratchDatabase } from '../scripts/lib/scratch-db';

const TARGET = { seconds: 15, rssMb: 400 };
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** The process's own high-water mark of resident memory, as the kernel counts it. */
function vmHwmMb(): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return kb ? Math.round(Number(kb) / 102.4) / 10 : NaN;
}

/** The i-th generated question, varied over every type, 20 topics (two levels) and real-looking Vietnamese text. */
function question(i: number) {
  const type = ['single', 'single', 'single', 'multiple', 'true_false', 'numeric', 'short_text', 'essay'][i % 8];
  return {
    type,
    topic: `Luật Bầu cử ${1 + (i % 5)}/Chương ${1 + (i % 4)}`,
    legalReference: `Luật Bầu cử ĐBQH và đại biểu HĐND 2015, Điều ${1 + (i % 98)}`,
    difficulty: 1 + (i % 3),
    stem: `Câu ${i}: theo quy định của pháp luật về bầu cử, cử tri ở đơn vị bầu cử số ${i % 97} có quyền và nghĩa vụ gì khi tham gia bỏ phiếu (tình huống ${i})?`,
    options: ['Phổ thông, bình đẳng, trực tiếp và bỏ phiếu kín', 'Công khai và gián tiếp', 'Tự nguyện và ủy quyền', 'Do Ủy ban bầu cử quyết định'],
    explanation: `Điều ${1 + (i % 98)}: giải thích chi tiết cho câu ${i}.`,
  };
}

async function makeXlsx(n: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true });
  const ws = wb.addWorksheet('questions');
  ws.addRow([
    'topic',
    'legal_reference',
    'type',
    'difficulty',
    'points',
    'question',
    'option_a',
    'option_b',
    'option_c',
    'option_d',
    'correct',
    'explanation',
  ]).commit();
  for (let i = 0; i < n; i++) {
    const q = question(i);
    const opts = q.type === 'true_false' ? ['Đúng', 'Sai', '', ''] : ['single', 'multiple'].includes(q.type) ? q.options : ['', '', '', ''];
    const correct = { single: 'A', multiple: 'A,C', true_false: 'B', numeric: String(2000 + (i % 30)), short_text: 'Hà Nội|Ha Noi', essay: '' }[q.type];
    ws.addRow([q.topic, q.legalReference, q.type, q.difficulty, q.type === 'essay' ? 10 : 1, q.stem, ...opts, correct, q.explanation]).commit();
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

function makeGift(n: number): Buffer {
  const esc = (s: string) => s.replace(/[~=#{}:\\]/g, (c) => `\\${c}`);
  const out: string[] = [];
  let topic = '';
  for (let i = 0; i < n; i++) {
    const q = question(i);
    if (q.topic !== topic) out.push(`$CATEGORY: $course$/top/${q.topic}`, '');
    topic = q.topic;
    const answers = {
      single: q.options.map((o, k) => `${k === 0 ? '=' : '~'}${esc(o)}`).join(' '),
      multiple: q.options.map((o, k) => `~%${k % 2 === 0 ? 50 : -100}%${esc(o)}`).join(' '),
      true_false: 'FALSE',
      numeric: `#${2000 + (i % 30)}:1`,
      short_text: '=Hà Nội =Ha Noi',
      essay: '',
    }[q.type];
    out.push(`// question ${i}`, `::Q${i}::${esc(q.stem)} {${answers} ####${esc(q.explanation)}}`, '');
  }
  return Buffer.from(out.join('\n'), 'utf8');
}

/**
 * The files are made by a child process, so what the measured process holds is the api
 * and the upload, not the generator's leftovers.
 */
async function generateFiles(n: number): Promise<string> {
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-import-'));
  await new Promise<void>((resolve, reject) => {
    const child = fork(__filename, ['--generate', dir, String(n)], { stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`generator exited with ${code}`))));
  });
  return dir;
}

/** POSTs the file as multipart straight from its buffer (no Blob or FormData copies in this process). */
function upload(url: string, token: string, file: Buffer, filename: string): Promise<{ status: number; body: any }> {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': head.length + file.length + tail.length,
      },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('error', reject);
    req.write(head);
    req.write(file);
    req.end(tail);
  });
}

async function generateInto(dir: string, n: number): Promise<void> {
  writeFileSync(join(dir, 'bench.xlsx'), await makeXlsx(n));
  writeFileSync(join(dir, 'bench.gift'), makeGift(n));
}

async function main(): Promise<void> {
  loadDotEnv();
  const n = intEnv('BENCH_QUESTIONS', 20_000);
  log(`generating ${n}-question XLSX and GIFT files`);
  const dir = await generateFiles(n);
  const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const dbName = `lc_bench_import_${run}`;
  const prefix = `benchimp${run}`;
  const admin = { email: 'bench-admin@bench.local', password: 'Bench-admin-2026' };
  log(`scratch database ${dbName}`);
  const databaseUrl = await createScratchDatabase(process.env.DATABASE_URL!, dbName);
  const config = loadConfig({
    ...process.env,
    ...productionEnv(),
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '10',
    REDIS_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    IMPORT_MAX_BYTES: String(50 * 1024 * 1024),
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    AUTH_IP_RATE_LIMIT_PER_MINUTE: '100000',
  });
  const app = await createApi(config);
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/api/v1`;
    const call = async (method: string, path: string, body?: unknown, token?: string): Promise<any> => {
      const res = await fetch(base + path, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = (await res.json()) as any;
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    const adminToken = (await call('POST', '/auth/login', { login: admin.email, password: admin.password })).accessToken;
    const org = await call('POST', '/organisations', { name: 'Sở Tư pháp (bench)', level: 'province', province: 'Quảng Ninh' }, adminToken);
    await call(
      'POST',
      '/users',
      { fullName: 'Người tổ chức', email: 'organiser@bench.local', password: 'organiser-pass-1', role: 'organiser', organisationId: org.id },
      adminToken,
    );
    const token = (await call('POST', '/auth/login', { login: 'organiser@bench.local', password: 'organiser-pass-1' })).accessToken;

    const results: Record<string, unknown> = {};
    const formats = (process.env.BENCH_FORMATS ?? 'xlsx,gift').split(',') as ('xlsx' | 'gift')[];
    for (const format of formats) {
      const bank = await call('POST', '/question-banks', { name: `Bench ${format}` }, token);
      const file = readFileSync(join(dir, `bench.${format}`));
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
      log(`importing ${format} (${mb(file.length)} MB; RSS before: ${mb(peak)} MB)`);
      const started = performance.now();
      const res = await upload(`${base}/question-banks/${bank.id}/import?format=${format}`, token, file, `bench.${format}`);
      const report = res.body;
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      if (res.status !== 200) throw new Error(`import ${format}: ${res.status} ${JSON.stringify(report).slice(0, 500)}`);
      const stored = (await call('GET', `/question-banks/${bank.id}/questions?limit=1`, undefined, token)).total;
      results[format] = {
        questions: n,
        fileMb: mb(file.length),
        imported: report.imported,
        stored,
        errors: report.errors.length,
        seconds: Math.round(seconds * 100) / 100,
        peakRssMb: mb(peak),
        withinTarget: seconds < TARGET.seconds && mb(peak) < TARGET.rssMb && stored === n,
      };
    }
    const out = {
      machine: machineInfo(),
      target: { secondsUnder: TARGET.seconds, peakRssMbUnder: TARGET.rssMb },
      ...results,
      processVmHwmMb: vmHwmMb(),
      note: 'peakRssMb: RSS of this process (the api, its import worker thread, and the uploading client) sampled every 50 ms during each import; processVmHwmMb: the kernel high-water mark of the whole run. The files are generated in a child process.',
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await app.close();
    if (process.env.BENCH_KEEP !== '1') {
      await dropScratchDatabase(process.env.DATABASE_URL!, dbName);
      await dropRedisPrefix(config.redisUrl, prefix);
    }
  }
}

const entry = process.argv[2] === '--generate' ? generateInto(process.argv[3], Number(process.argv[4])) : main();
entry.then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench:import failed: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);
