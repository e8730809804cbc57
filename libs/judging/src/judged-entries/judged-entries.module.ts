import { Module } from '@nestjs/common';

/** Judged rounds: entries handed in, judges' rubric scores, recusal and reconciliation. */
@Module({})
export class JudgedEntriesModule {}
