import { Module } from '@nestjs/common';
import { JudgedStandings, type JudgedStanding } from './judged-standings';

/** Placeholder until judged entries land: no entries, so no standings. */
class NoJudgedStandings extends JudgedStandings {
  async forRound(): Promise<JudgedStanding[]> {
    return [];
  }
}

/** Judged rounds: entries handed in, judges' rubric scores, recusal and reconciliation. */
@Module({ providers: [{ provide: JudgedStandings, useClass: NoJudgedStandings }], exports: [JudgedStandings] })
export class JudgedEntriesModule {}
