import { Module } from '@nestjs/common';
import { LeaderboardService } from './leaderboard.service';
import { LiveService } from './live.service';

@Module({ providers: [LeaderboardService, LiveService], exports: [LeaderboardService, LiveService] })
export class LeaderboardModule {}
