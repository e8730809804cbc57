// k6 run load-tests/k6/surge.js — the deadline surge (issue 5) against a deployment.
//
//   BASE_URL=https://thi.example.gov.vn CONTEST_ID=… ROUND_ID=… TOKENS_FILE=tokens.json \
//   RATE=100 DURATION=60s THINK_MS=300 k6 run load-tests/k6/surge.js
//
// TOKENS_FILE: a JSON array of resident access tokens (one per entrant; prepare them with
// your identity provider or sign-ups beforehand — sign-up is not part of the surge).
// Without it, each entrant signs up first (SIGNUP=1), which measures argon2 too.
// Each iteration is one entrant: register for the contest, start an attempt, autosave 20
// answers with think time, submit. Open model: arrivals do not wait for the server.
import http from 'k6/http';
import { check, sleep } from 'k6';
import { Counter } from 'k6/metrics';
import exec from 'k6/execution';

const BASE = `${__ENV.BASE_URL || 'http://127.0.0.1:3000'}/api/v1`;
const CONTEST = __ENV.CONTEST_ID;
const ROUND = __ENV.ROUND_ID;
const THINK = Number(__ENV.THINK_MS || 300) / 1000;
const tokens = __ENV.TOKENS_FILE ? JSON.parse(open(__ENV.TOKENS_FILE)) : null;

const entries = new Counter('entries_acknowledged');

export const options = {
  scenarios: {
    surge: {
      executor: 'constant-arrival-rate',
      rate: Number(__ENV.RATE || 100),
      timeUnit: '1s',
      duration: __ENV.DURATION || '60s',
      preAllocatedVUs: Number(__ENV.VUS || 1000),
      maxVUs: Number(__ENV.MAX_VUS || 5000),
    },
  },
  thresholds: {
    http_req_failed: ['rate==0'],
    'http_req_duration{ep:register}': ['p(99)<250'],
    'http_req_duration{ep:start}': ['p(99)<250'],
    'http_req_duration{ep:autosave}': ['p(99)<250'],
    'http_req_duration{ep:submit}': ['p(99)<250'],
    entries_acknowledged: ['rate>=100'],
  },
};

const json = (token) => ({ headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
const think = () => sleep(THINK * (0.5 + Math.random()));

function tokenFor(i) {
  if (tokens) return tokens[i % tokens.length];
  const id = `${Date.now() % 1e7}`.padStart(7, '0') + `${i % 1000}`.padStart(3, '0');
  const r = http.post(
    `${BASE}/auth/register`,
    JSON.stringify({
      fullName: 'Nguyễn Văn K6', phone: `09${id.slice(-8)}`, password: 'k6-password-1', nationalId: `001090${id.slice(-6)}`, // a real structure: Hà Nội, born 1990
      dateOfBirth: '1990-01-01', province: 'Quảng Ninh', consent: true,
    }),
    { headers: { 'content-type': 'application/json' }, tags: { ep: 'signup' } },
  );
  return r.json('accessToken');
}

export default function () {
  const token = tokenFor(exec.scenario.iterationInTest);
  if (!token) return;
  const reg = http.post(`${BASE}/contests/${CONTEST}/register`, '{}', { ...json(token), tags: { ep: 'register' }, responseCallback: http.expectedStatuses(200, 201, 409) });
  check(reg, { registered: (r) => [200, 201, 409].includes(r.status) });
  const start = http.post(`${BASE}/rounds/${ROUND}/attempts`, '{}', { ...json(token), tags: { ep: 'start' } });
  if (!check(start, { started: (r) => r.status === 201 || r.status === 200 })) return;
  const attempt = start.json();
  for (const q of attempt.questions.slice(0, 20)) {
    think();
    const body = q.options && q.options.length ? { optionIds: [q.options[Math.floor(Math.random() * q.options.length)].id] } : { value: '42' };
    const r = http.put(`${BASE}/attempts/${attempt.id}/answers/${q.id}`, JSON.stringify(body), { ...json(token), tags: { ep: 'autosave' } });
    check(r, { saved: (x) => x.status >= 200 && x.status < 300 });
  }
  think();
  const sub = http.post(`${BASE}/attempts/${attempt.id}/submit`, '{}', { ...json(token), tags: { ep: 'submit' } });
  if (check(sub, { submitted: (r) => r.status === 200 || r.status === 201 })) entries.add(1);
}
