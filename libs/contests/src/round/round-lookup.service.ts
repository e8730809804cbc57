import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventBus } from '@lc/platform';
import type { ContestStatus } from '../contest/contest.entity';
import {
  type AttemptScoring,
  DEFAULT_INTEGRITY,
  type IntegritySettings,
  type LeaderboardSettings,
  type PredictionQuestion,
  type RoundEntry,
  type RoundKind,
  type RoundStatus,
} from './round.types';
import { roundWithContest } from './round-read-store';

/** What the attempt hot path needs to know about a round, in one row. */
export interface RoundInfo {
  id: string;
  contestId: string;
  organisationId: string;
  contestStatus: ContestStatus;
  seq: number;
  title: string;
  kind: RoundKind;
  status: RoundStatus;
  opensAt: Date;
  closesAt: Date;
  durationSeconds: number;
  maxAttempts: number;
  attemptScoring: AttemptScoring;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  partialCredit: boolean;
  predictionQuestion: PredictionQuestion | null;
  leaderboard: LeaderboardSettings;
  entry: RoundEntry;
  poolVersion: number;
  questionCount: number;
  integrity: IntegritySettings;
}

/** Short enough that a status change by another instance is seen at once for practical purposes. */
const TTL_MS = 1000;

/**
 * The round read model: one row (with its contest's organisation and status), cached for the
 * hot path (thousands of starts and submits a minute, and every leaderboard read, ask about
 * the same few rounds). Times are re-checked by callers against the clock, so a status one
 * second old never lets anyone in late. This process's entry is dropped when the round moves
 * (RoundStatusChanged) or the round store changes it; other instances' expire within TTL_MS.
 */
@Injectable()
export class RoundLookup implements OnModuleInit {
  private readonly cache = new Map<string, { at: number; value: Promise<RoundInfo | null> }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bus: EventBus,
  ) {}

  onModuleInit(): void {
    this.bus.on('RoundStatusChanged', 'RoundLookup.invalidate', ({ roundId }) => this.invalidate(roundId));
  }

  get(roundId: string): Promise<RoundInfo | null> {
    const hit = this.cache.get(roundId);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
    const value = this.read(roundId);
    value.catch(() => this.cache.delete(roundId));
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(roundId, { at: Date.now(), value });
    return value;
  }

  invalidate(roundId: string): void {
    this.cache.delete(roundId);
  }

  private async read(roundId: string): Promise<RoundInfo | null> {
    const r = await roundWithContest(this.db, roundId);
    if (!r) return null;
    const selection = (r.selection as { count: number }[]) ?? [];
    return {
      id: r.id as string,
      contestId: r.contest_id as string,
      organisationId: r.organisation_id as string,
      contestStatus: r.contest_status as ContestStatus,
      seq: r.seq as number,
      title: r.title as string,
      kind: r.kind as RoundKind,
      status: r.status as RoundStatus,
      opensAt: new Date(r.opens_at as string),
      closesAt: new Date(r.closes_at as string),
      durationSeconds: r.duration_seconds as number,
      maxAttempts: r.max_attempts as number,
      attemptScoring: r.attempt_scoring as AttemptScoring,
      shuffleQuestions: r.shuffle_questions as boolean,
      shuffleOptions: r.shuffle_options as boolean,
      partialCredit: r.partial_credit as boolean,
      predictionQuestion: (r.prediction_question as PredictionQuestion | null) ?? null,
      leaderboard: (r.leaderboard as LeaderboardSettings) ?? { visibility: 'live' },
      entry: r.entry as RoundEntry,
      poolVersion: r.pool_version as number,
      questionCount: selection.reduce((n, s) => n + s.count, 0),
      integrity: { ...DEFAULT_INTEGRITY, ...((r.integrity as Partial<IntegritySettings> | null) ?? {}) },
    };
  }
}
