import { tickerCost } from './attribution';
import type { ServerCpuMeter } from './server-cpu';

// BENCH_WATCHERS=0 ran the whole surge, then stopped at the board push's cost: it recorded
// entries for residents[i % 0] (undefined) and the bench printed no serverCpuMsPerEntry.
describe('the board push cost with no watchers', () => {
  it('is nothing, measured without a meter reading or a Redis connection', async () => {
    const meter = {
      sample: () => {
        throw new Error('no watchers: nothing to measure');
      },
    } as unknown as ServerCpuMeter;
    await expect(tickerCost(meter, {}, 'redis://127.0.0.1:1/0', 'p', 'round', [], 8)).resolves.toEqual({});
  });
});
