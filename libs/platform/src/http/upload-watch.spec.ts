import type { IncomingMessage } from 'node:http';
import { DomainError } from './domain-error';
import { watchUpload } from './upload-watch';

/** A request whose socket has read `bytesRead` so far. */
const request = () =>
  ({ complete: false, destroyed: false, socket: { bytesRead: 100 } }) as unknown as IncomingMessage & { complete: boolean; socket: { bytesRead: number } };

describe('watchUpload', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('cuts off an upload with nothing arriving for idleMs (408 upload_timeout), and not one still sending', async () => {
    const req = request();
    const w = watchUpload(req, { idleMs: 1000, totalMs: 60_000 });
    const guarded = w.guard(new Promise(() => undefined));
    guarded.catch(() => undefined);
    for (let i = 0; i < 10; i++) {
      req.socket.bytesRead += 10;
      jest.advanceTimersByTime(500);
    }
    expect(w.signal.aborted).toBe(false);
    jest.advanceTimersByTime(1200);
    expect(w.signal.aborted).toBe(true);
    await expect(guarded).rejects.toMatchObject({ code: 'upload_timeout', status: 408 });
    expect(w.signal.reason).toBeInstanceOf(DomainError);
  });

  it('cuts off a trickle after totalMs, and stops watching once the body is complete', () => {
    const slow = request();
    const w = watchUpload(slow, { idleMs: 1000, totalMs: 3000 });
    for (let i = 0; i < 8; i++) {
      slow.socket.bytesRead += 1;
      jest.advanceTimersByTime(400);
    }
    expect((w.signal.reason as DomainError).message).toMatch(/longer than 3 s/);
    const done = request();
    const v = watchUpload(done, { idleMs: 1000, totalMs: 3000 });
    done.complete = true;
    jest.advanceTimersByTime(10_000);
    expect(v.signal.aborted).toBe(false);
  });
});
