import { parentPort, workerData } from 'node:worker_threads';
import type { Resident } from './seed';
import { startWatchers, watchersData } from './watchers';

/**
 * The watchers' sockets on an event loop of their own: 5,000 sockets' pushes made the
 * driver's loop late by hundreds of milliseconds, and that lateness was in every latency the
 * entrants measured.
 */
const { urls, roundId, residents, sampled } = workerData as { urls: string[]; roundId: string; residents: Resident[]; sampled: number };
void startWatchers(urls, roundId, residents, sampled).then((w) => {
  parentPort!.postMessage({ type: 'ready', connected: watchersData(w).connected });
  parentPort!.on('message', (m: { type: 'data' | 'close' }) => {
    if (m.type === 'data') parentPort!.postMessage({ type: 'data', data: watchersData(w) });
    else {
      w.close();
      parentPort!.postMessage({ type: 'closed' });
    }
  });
});
