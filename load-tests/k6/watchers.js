// k6 run load-tests/k6/watchers.js — thousands of sockets watching a round's board.
//
//   BASE_URL=https://thi.example.gov.vn ROUND_ID=… TOKENS_FILE=tokens.json WATCHERS=5000 HOLD=120s \
//   k6 run load-tests/k6/watchers.js
//
// k6 speaks plain WebSocket, so this script speaks the Socket.IO v4 protocol itself
// (Engine.IO 4 over websocket): open, connect to /live with the token, leaderboard:join
// with an ack, answer pings, and time each leaderboard:update from its server `at`
// (the push lag: tick + broadcast + delivery). Run it beside surge.js for the issue's
// acknowledgement-to-update figure, or alone with any traffic that moves the board.
import ws from 'k6/ws';
import { check } from 'k6';
import { Counter, Trend } from 'k6/metrics';
import exec from 'k6/execution';

const BASE = (__ENV.BASE_URL || 'http://127.0.0.1:3000').replace(/^http/, 'ws');
const ROUND = __ENV.ROUND_ID;
const HOLD_MS = parseDuration(__ENV.HOLD || '120s');
const tokens = JSON.parse(open(__ENV.TOKENS_FILE));

const updates = new Counter('leaderboard_updates');
const lag = new Trend('leaderboard_update_lag_ms', true);
const gap = new Trend('leaderboard_update_gap_ms', true);
const joined = new Counter('leaderboard_joined');

export const options = {
  scenarios: {
    watchers: {
      executor: 'ramping-vus',
      startVUs: 0,
      stages: [
        { duration: __ENV.RAMP || '30s', target: Number(__ENV.WATCHERS || 5000) },
        { duration: __ENV.HOLD || '120s', target: Number(__ENV.WATCHERS || 5000) },
      ],
      gracefulRampDown: '5s',
    },
  },
  thresholds: {
    leaderboard_update_lag_ms: ['p(99)<1500'],
    // At most one push per second per round.
    leaderboard_update_gap_ms: ['min>=900'],
  },
};

function parseDuration(s) {
  const m = /^(\d+)(ms|s|m)$/.exec(s);
  return m ? Number(m[1]) * { ms: 1, s: 1000, m: 60000 }[m[2]] : 120000;
}

export default function () {
  const token = tokens[(exec.vu.idInTest - 1) % tokens.length];
  let lastAt = 0;
  const res = ws.connect(`${BASE}/socket.io/?EIO=4&transport=websocket`, {}, (socket) => {
    socket.on('message', (msg) => {
      if (msg.startsWith('0')) socket.send(`40/live,${JSON.stringify({ token })}`); // engine open → namespace connect
      else if (msg === '2') socket.send('3'); // ping → pong
      else if (msg.startsWith('40/live,')) socket.send(`42/live,1${JSON.stringify(['leaderboard:join', { roundId: ROUND }])}`);
      else if (msg.startsWith('43/live,1')) {
        const [ack] = JSON.parse(msg.slice('43/live,1'.length));
        if (check(ack, { 'joined the board': (a) => a && a.ok === true })) joined.add(1);
      } else if (msg.startsWith('42/live,')) {
        const [event, payload] = JSON.parse(msg.slice('42/live,'.length));
        if (event === 'leaderboard:update') {
          const at = Date.parse(payload.at);
          updates.add(1);
          lag.add(Date.now() - at);
          if (lastAt) gap.add(at - lastAt);
          lastAt = at;
        }
      } else if (msg.startsWith('44/live,')) {
        check(msg, { 'handshake accepted': () => false });
        socket.close();
      }
    });
    socket.setTimeout(() => socket.close(), HOLD_MS);
  });
  check(res, { 'websocket upgraded': (r) => r && r.status === 101 });
}
