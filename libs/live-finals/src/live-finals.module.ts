import { Module } from '@nestjs/common';
import { ContestsCoreModule } from '@lc/contests';
import { LeaderboardModule } from '@lc/leaderboard';
import { RealtimeApiModule } from '@lc/realtime';
import { LiveFinalsController } from './live-finals.controller';
import { LiveFinalsGateway } from './live-finals.gateway';
import { LiveFinalsService } from './live-finals.service';
import { LiveResultWriter } from './live-result';
import { LiveStateStore } from './live-state';

/** Live finals on stage (round kind `live`): the api side, HTTP routes and /live socket events. */
@Module({
  imports: [ContestsCoreModule, LeaderboardModule, RealtimeApiModule],
  controllers: [LiveFinalsController],
  providers: [LiveStateStore, LiveFinalsService, LiveResultWriter, LiveFinalsGateway],
  exports: [LiveFinalsService, LiveStateStore],
})
export class LiveFinalsModule {}
