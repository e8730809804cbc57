// Sizes the built app gzipped and brotli-compressed and fails the build when the resident bundle
// passes either budget, or when it holds React's development build (NODE_ENV leaked into Vite).
// "Resident bundle" = index.html + every JS/CSS file reachable from the entry without entering
// the lazily loaded staff screens (src/staff/...): what a phone downloads to take a contest.
// socket.io-client is loaded on demand but counted, since residents use it on the leaderboard.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const BROTLI_BUDGET_KB = 130;
// Only React's development build has these (the JSX dev runtime; React DOM's nesting warnings).
const DEV_MARKERS = ['jsxDEV', 'validateDOMNesting'];
const dist = process.env.WEB_OUT_DIR || new URL('../dist/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const br = (file) => brotliCompressSync(readFileSync(join(dist, file)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const resident = new Set(['index.html']);
const staff = new Set();

function walk(key, into, followDynamic) {
  const chunk = manifest[key];
  if (!chunk) return;
  const isStaff = key.includes('src/staff/');
  const target = isStaff ? staff : into;
  if (target.has(chunk.file)) return;
  target.add(chunk.file);
  for (const css of chunk.css ?? []) target.add(css);
  for (const imp of chunk.imports ?? []) walk(imp, target, followDynamic);
  if (followDynamic) for (const dyn of chunk.dynamicImports ?? []) walk(dyn, dyn.includes('src/staff/') ? staff : target, followDynamic);
}
walk(entryKey, resident, true);
// Anything reachable from staff but already in the resident set stays counted once, as resident.
for (const f of resident) staff.delete(f);

const rows = [];
const total = { resident: { gz: 0, br: 0 }, staff: { gz: 0, br: 0 } };
const devMarkers = new Set();
for (const [kind, files] of [['resident', resident], ['staff', staff]]) {
  for (const f of files) {
    const size = { gz: gz(f), br: br(f) };
    total[kind].gz += size.gz;
    total[kind].br += size.br;
    rows.push([kind, f, statSync(join(dist, f)).size, size]);
    if (f.endsWith('.js')) {
      const text = readFileSync(join(dist, f), 'utf8');
      for (const m of DEV_MARKERS) if (text.includes(m)) devMarkers.add(`${m} in ${f}`);
    }
  }
}
for (const [kind, f, raw, size] of rows) console.log(`${kind.padEnd(9)} ${f.padEnd(44)} ${kb(raw).padStart(10)} raw ${kb(size.gz).padStart(10)} gzip ${kb(size.br).padStart(10)} brotli`);
console.log(`resident bundle: ${kb(total.resident.gz)} gzipped (budget ${BUDGET_KB} KB), ${kb(total.resident.br)} brotli (budget ${BROTLI_BUDGET_KB} KB)`);
console.log(`staff chunks:    ${kb(total.staff.gz)} gzipped, ${kb(total.staff.br)} brotli (loaded only by organisers and judges)`);
let failed = false;
if (total.resident.gz > BUDGET_KB * 1024) {
  console.error(`Resident bundle over budget: ${kb(total.resident.gz)} gzipped > ${BUDGET_KB} KB`);
  failed = true;
}
if (total.resident.br > BROTLI_BUDGET_KB * 1024) {
  console.error(`Resident bundle over budget: ${kb(total.resident.br)} brotli > ${BROTLI_BUDGET_KB} KB`);
  failed = true;
}
if (devMarkers.size) {
  console.error(`React's development build was bundled (${[...devMarkers].join(', ')}): build with NODE_ENV=production`);
  failed = true;
}
if (failed) process.exit(1);
