import { Module } from '@nestjs/common';
import { ContestsCoreModule } from '@lc/contests';
import { BoardStore } from './board/board-store';
import { DisplayNamesService } from './display/display-names.service';
import { LeaderboardController } from './http/leaderboard.controller';
import { LeaderboardService } from './leaderboard.service';
import { LiveService } from './live.service';
import { LiveGateway } from './live/live.gateway';
import { LiveRelay } from './live/live-relay.service';
import { LiveTicker } from './live/live-ticker.service';
import { RankPusher } from './live/rank-pusher.service';
import { RoundStatusBridge } from './live/round-status-bridge';
import { SocketQuota } from './live/socket-quota';
import { RoundInfoService } from './rounds/round-info.service';

/**
 * Boards and the live emitter, without HTTP or sockets: import it wherever entries are
 * recorded (attempts in the api and the worker). Needs PlatformModule and an identity module.
 */
@Module({
  imports: [ContestsCoreModule],
  providers: [BoardStore, RoundInfoService, DisplayNamesService, LeaderboardService, LiveService, RoundStatusBridge],
  exports: [LeaderboardService, LiveService, BoardStore, RoundInfoService],
})
export class LeaderboardModule {}

/** The api side: GET /rounds/:id/leaderboard(/me), the /live namespace and the once-per-second push. */
@Module({
  imports: [LeaderboardModule],
  controllers: [LeaderboardController],
  providers: [LiveGateway, LiveTicker, LiveRelay, RankPusher, SocketQuota],
  exports: [LiveTicker],
})
export class LeaderboardApiModule {}
