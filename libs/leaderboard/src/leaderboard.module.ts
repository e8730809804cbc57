import { Module } from '@nestjs/common';
import { ContestsCoreModule } from '@lc/contests';
import { RealtimeApiModule, RealtimeModule } from '@lc/realtime';
import { BoardStore } from './board/board-store';
import { DisplayNamesService } from './display/display-names.service';
import { LeaderboardController } from './http/leaderboard.controller';
import { LeaderboardService } from './leaderboard.service';
import { LeaderboardGateway } from './live/live.gateway';
import { LiveTicker } from './live/live-ticker.service';
import { RankPusher } from './live/rank-pusher.service';
import { RoundStatusBridge } from './live/round-status-bridge';
import { RoundInfoService } from './rounds/round-info.service';

/**
 * Boards and the live emitter, without HTTP or sockets: import it wherever entries are
 * recorded (attempts in the api and the worker). Needs PlatformModule and an identity module.
 */
@Module({
  imports: [ContestsCoreModule, RealtimeModule],
  providers: [BoardStore, RoundInfoService, DisplayNamesService, LeaderboardService, RoundStatusBridge],
  exports: [LeaderboardService, BoardStore, RoundInfoService],
})
export class LeaderboardModule {}

/** The api side: GET /rounds/:id/leaderboard(/me), the board events on /live and the once-per-second push. */
@Module({
  imports: [LeaderboardModule, RealtimeApiModule],
  controllers: [LeaderboardController],
  providers: [LeaderboardGateway, LiveTicker, RankPusher],
  exports: [LiveTicker],
})
export class LeaderboardApiModule {}
