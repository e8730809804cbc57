import { Module } from '@nestjs/common';

/** Closing rounds, results, corrections, reviews of flagged attempts, awards and exports (HTTP side). */
@Module({})
export class ResultsModule {}

/** Queue processors for results (exports). */
@Module({})
export class ResultsWorkerModule {}
