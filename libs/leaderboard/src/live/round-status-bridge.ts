import { Injectable, OnModuleInit } from '@nestjs/common';
import { RoundStatusService } from '@lc/contests';
import { LiveService } from '../live.service';
import { RoundInfoService } from '../rounds/round-info.service';

/**
 * Rounds open and close in whichever process runs the schedule (the worker): contests
 * announces it, and this tells the round's watchers (round:status) on every api instance.
 */
@Injectable()
export class RoundStatusBridge implements OnModuleInit {
  constructor(
    private readonly status: RoundStatusService,
    private readonly live: LiveService,
    private readonly rounds: RoundInfoService,
  ) {}

  onModuleInit(): void {
    this.status.onChange((c) => {
      this.rounds.forget(c.roundId);
      this.live.toRound(c.roundId, 'round:status', { roundId: c.roundId, status: c.status, at: c.at.toISOString() });
    });
  }
}
