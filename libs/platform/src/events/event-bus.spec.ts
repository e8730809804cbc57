import { Logger } from '@nestjs/common';
import { DomainError } from '../http/domain-error';
import { EventBus } from './event-bus';

describe('EventBus', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('runs handlers in registration order with the typed payload', async () => {
    const bus = new EventBus();
    const seen: string[] = [];
    bus.on('AccountErased', 'first', ({ userId }) => void seen.push(`a:${userId}`));
    bus.on('AccountErased', 'second', async ({ userId }) => {
      await new Promise((r) => setTimeout(r, 5));
      seen.push(`b:${userId}`);
    });
    bus.on('RoundStatusChanged', 'other', () => void seen.push('never'));
    expect(await bus.emit('AccountErased', { userId: 'u1' })).toEqual({ handlers: 2, failures: [] });
    expect(seen).toEqual(['a:u1', 'b:u1']);
  });

  it('a failing handler neither stops the others nor rejects the emit', async () => {
    const bus = new EventBus();
    const seen: string[] = [];
    const refused = new DomainError('not_found', 404, 'Attempt not found');
    bus.on('AccountErased', 'boom', () => {
      throw new Error('boom');
    });
    bus.on('AccountErased', 'refuses', () => Promise.reject(refused));
    bus.on('AccountErased', 'last', () => void seen.push('ran'));
    const out = await bus.emit('AccountErased', { userId: 'u1' });
    expect(out.handlers).toBe(3);
    expect(out.failures).toHaveLength(2);
    expect(out.failures[1]).toBe(refused);
    expect(seen).toEqual(['ran']);
  });

  it('with no handler the emit says so; a removed handler no longer runs', async () => {
    const bus = new EventBus();
    expect(await bus.emit('AccountErased', { userId: 'u1' })).toEqual({ handlers: 0, failures: [] });
    let n = 0;
    const off = bus.on('AccountErased', 'count', () => void n++);
    await bus.emit('AccountErased', { userId: 'u1' });
    off();
    await bus.emit('AccountErased', { userId: 'u1' });
    expect(n).toBe(1);
  });
});
