import { EventEmitter } from 'node:events';
import { of } from 'rxjs';
import { LiveIoAdapter } from './live-io.adapter';

/** The adapter's own event binding answers as Nest's rxjs one did. */
describe('LiveIoAdapter.bindMessageHandlers', () => {
  const adapter = new LiveIoAdapter({} as never, {} as never);
  const flush = () => new Promise((r) => setImmediate(r));

  function bound(callback: (data: unknown, ack?: unknown) => Promise<unknown>, isAckHandledManually = false) {
    const socket = new EventEmitter() as EventEmitter & { emitted: unknown[][] };
    socket.emitted = [];
    const emit = socket.emit.bind(socket);
    (socket as unknown as { emit: (...a: unknown[]) => boolean }).emit = (...a: unknown[]) => {
      if (a[0] !== 'ev') socket.emitted.push(a);
      return emit(...(a as [string, ...unknown[]]));
    };
    adapter.bindMessageHandlers(socket as never, [{ message: 'ev', callback, isAckHandledManually, methodName: 'm' }], (r) => r as never);
    return socket;
  }

  it('acks with the result, the data and the ack split as Nest splits them', async () => {
    const seen: unknown[] = [];
    const s = bound(async (data) => {
      seen.push(data);
      return { ok: true, n: 1 };
    });
    const acks: unknown[] = [];
    s.emit('ev', { a: 1 }, (r: unknown) => acks.push(r));
    s.emit('ev', 1, 2, (r: unknown) => acks.push(r));
    await flush();
    expect(seen).toEqual([{ a: 1 }, [1, 2]]);
    expect(acks).toEqual([
      { ok: true, n: 1 },
      { ok: true, n: 1 },
    ]);
  });

  it('emits { event, data }, says nothing for nothing, leaves a manual ack alone, follows an Observable', async () => {
    const acks: unknown[] = [];
    const ack = (r: unknown) => acks.push(r);
    const evented = bound(async () => ({ event: 'pong', data: 7 }));
    evented.emit('ev', {}, ack);
    const silent = bound(async () => undefined);
    silent.emit('ev', {}, ack);
    const manual = bound(async () => ({ ok: true }), true);
    manual.emit('ev', {}, ack);
    const observed = bound(async () => of({ ok: 'observed' }));
    observed.emit('ev', {}, ack);
    await flush();
    expect(evented.emitted).toEqual([['pong', 7]]);
    expect(acks).toEqual([{ ok: 'observed' }]);
  });
});
