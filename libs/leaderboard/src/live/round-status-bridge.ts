import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventBus } from '@lc/platform';
import { LiveService } from '@lc/realtime';
import { watcherRooms } from './rooms';

/**
 * Rounds move in whichever process moves them (the worker's schedule, an api instance's
 * close or publish): the round lifecycle announces RoundStatusChanged there, and this tells
 * the round's watchers (round:status) on every api instance.
 */
@Injectable()
export class RoundStatusBridge implements OnModuleInit {
  constructor(
    private readonly bus: EventBus,
    private readonly live: LiveService,
  ) {}

  onModuleInit(): void {
    this.bus.on('RoundStatusChanged', 'RoundStatusBridge.push', (c) => {
      this.live.toRooms(watcherRooms(c.roundId), 'round:status', { roundId: c.roundId, status: c.status, at: c.at.toISOString() });
    });
  }
}
