export * from './live-finals.module';
export * from './live-finals.service';
export * from './live-finals.types';
export * from './live-scoring';
export * from './live-state';
