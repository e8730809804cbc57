// Sizes the built app gzipped and fails the build when the resident bundle passes its budget.
// "Resident bundle" = index.html + every JS/CSS file reachable from the entry without entering
// the lazily loaded staff screens (src/staff/...): what a phone downloads to take a contest.
// socket.io-client is loaded on demand but counted, since residents use it on the leaderboard.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 200;
const dist = new URL('../dist/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
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
let residentTotal = 0;
let staffTotal = 0;
for (const f of resident) {
  const size = gz(f);
  residentTotal += size;
  rows.push(['resident', f, statSync(join(dist, f)).size, size]);
}
for (const f of staff) {
  const size = gz(f);
  staffTotal += size;
  rows.push(['staff', f, statSync(join(dist, f)).size, size]);
}
for (const [kind, f, raw, size] of rows) console.log(`${kind.padEnd(9)} ${f.padEnd(44)} ${kb(raw).padStart(10)} raw ${kb(size).padStart(10)} gzip`);
console.log(`resident bundle: ${kb(residentTotal)} gzipped (budget ${BUDGET_KB} KB)`);
console.log(`staff chunks:    ${kb(staffTotal)} gzipped (loaded only by organisers and judges)`);
if (residentTotal > BUDGET_KB * 1024) {
  console.error(`Resident bundle over budget: ${kb(residentTotal)} > ${BUDGET_KB} KB`);
  process.exit(1);
}
