import { Injectable } from '@nestjs/common';
import { LiveEvents } from './leaderboard.types';

/** STUB: emits on the /live namespace from any process (api or worker). */
@Injectable()
export class LiveService {
  toUser<E extends keyof LiveEvents>(_userId: string, _event: E, _payload: LiveEvents[E]): void {}
  toRound<E extends keyof LiveEvents>(_roundId: string, _event: E, _payload: LiveEvents[E]): void {}
}
