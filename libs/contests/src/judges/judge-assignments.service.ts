import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, AccessService } from '@lc/identity';
import { sqlRows } from '../common/sql';
import { CONTEST_STATUSES } from '../contest/contest.entity';
import { ROUND_KINDS, ROUND_STATUSES } from '../round/round.types';

/** A round a judge works on, with its contest: what the judge's home lists. */
export class JudgeAssignmentView {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty() roundTitle!: string;
  @ApiProperty({ enum: ROUND_KINDS }) roundKind!: string;
  @ApiProperty({ enum: ROUND_STATUSES }) roundStatus!: string;
  @ApiProperty() seq!: number;
  @ApiProperty({ format: 'date-time' }) opensAt!: string;
  @ApiProperty({ format: 'date-time' }) closesAt!: string;
  @ApiProperty({ format: 'uuid' }) contestId!: string;
  @ApiProperty() contestTitle!: string;
  @ApiProperty({ enum: CONTEST_STATUSES }) contestStatus!: string;
  @ApiProperty({ description: "The jury's head judge of this round" }) head!: boolean;
}

/**
 * GET /me/assignments: the rounds a judge sees (AccessService decides which), newest contest
 * first. Rounds of draft contests are left out: there is nothing to judge before publication.
 */
@Injectable()
export class JudgeAssignmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  async mine(actor: Actor): Promise<JudgeAssignmentView[]> {
    const mine = await this.access.judgeAssignments(actor);
    if (!mine.length) return [];
    const head = new Map(mine.map((a) => [a.roundId, a.head]));
    const rows = await sqlRows<Record<string, unknown>>(
      this.db,
      `SELECT r.id, r.title, r.kind, r.status, r.seq, r.opens_at, r.closes_at, c.id AS contest_id, c.title AS contest_title, c.status AS contest_status
         FROM round r JOIN contest c ON c.id = r.contest_id
        WHERE r.id = ANY($1::uuid[]) AND c.status <> 'draft'
        ORDER BY c.created_at DESC, r.seq`,
      [[...head.keys()]],
    );
    return rows.map((r) => ({
      roundId: r.id as string,
      roundTitle: r.title as string,
      roundKind: r.kind as string,
      roundStatus: r.status as string,
      seq: r.seq as number,
      opensAt: new Date(r.opens_at as string).toISOString(),
      closesAt: new Date(r.closes_at as string).toISOString(),
      contestId: r.contest_id as string,
      contestTitle: r.contest_title as string,
      contestStatus: r.contest_status as string,
      head: head.get(r.id as string) ?? false,
    }));
  }
}
