export * from './leaderboard.module';
export * from './leaderboard.service';
export * from './live.service';
export * from './leaderboard.types';
