import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Round } from '@lc/contests';
import { conflict } from '@lc/platform';
import { ResultEntry, RoundResult } from '../results/entities';
import type { RankedEntrant } from './ranking-source';

/**
 * Gives POST /rounds/:id/advance the ranking of a judged round (semi-final → final): its
 * closed results, place by place, with the shared rank as the tie key so quota boundaries
 * treat full ties alike. Quiz rounds keep ranking from their attempts.
 */
@Injectable()
export class JudgedRanking {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The final ranking; refused until the round is closed, or while its result is stale. */
  async ranking(round: Pick<Round, 'id'>): Promise<RankedEntrant[]> {
    const result = await this.db.getRepository(RoundResult).findOneBy({ roundId: round.id });
    if (!result) throw conflict('round_not_closed', 'Close the round first: entrants advance from a judged round by its final ranking');
    if (result.stale) throw conflict('results_stale', 'The results changed since the round was closed: close it again first');
    const places = await this.db
      .getRepository(ResultEntry)
      .find({ where: { roundId: round.id }, order: { position: 'ASC' }, select: { userId: true, score: true, rank: true } });
    return places.map((p) => ({ userId: p.userId, score: p.score, tieKey: String(p.rank), rank: p.rank }));
  }
}
