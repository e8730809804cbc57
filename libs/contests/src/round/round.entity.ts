import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Contest } from '../contest/contest.entity';
import type {
  Advancement,
  AttemptScoring,
  IntegritySettings,
  LeaderboardSettings,
  LiveSettings,
  PredictionQuestion,
  Prize,
  StoredRankingRules,
  RoundEntry,
  RoundKind,
  RoundStatus,
  SelectionRule,
} from './round.types';

@Entity('round')
@Index('uq_round_contest_seq', ['contestId', 'seq'], { unique: true })
@Index('ix_round_schedule', ['status', 'opensAt', 'closesAt'])
export class Round {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) contestId!: string;
  @ManyToOne(() => Contest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contest_id' })
  contest?: Contest;
  @Column({ type: 'int' }) seq!: number;
  @Column({ type: 'varchar', length: 300 }) title!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'varchar', length: 16 }) kind!: RoundKind;
  @Column({ type: 'timestamptz' }) opensAt!: Date;
  @Column({ type: 'timestamptz' }) closesAt!: Date;
  @Column({ type: 'int' }) durationSeconds!: number;
  @Column({ type: 'int', default: 1 }) maxAttempts!: number;
  @Column({ type: 'varchar', length: 8, default: 'best' }) attemptScoring!: AttemptScoring;
  @Column({ type: 'jsonb', default: () => "'[]'" }) selection!: SelectionRule[];
  @Column({ type: 'boolean', default: true }) shuffleQuestions!: boolean;
  @Column({ type: 'boolean', default: true }) shuffleOptions!: boolean;
  @Column({ type: 'boolean', default: false }) partialCredit!: boolean;
  @Column({ type: 'jsonb', nullable: true }) predictionQuestion!: PredictionQuestion | null;
  @Column({ type: 'jsonb' }) leaderboard!: LeaderboardSettings;
  @Column({ type: 'jsonb', nullable: true }) advancement!: Advancement | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) prizes!: Prize[];
  @Column({ type: 'jsonb', nullable: true }) rankingRules!: StoredRankingRules | null;
  @Column({ type: 'jsonb', nullable: true }) integrity!: Partial<IntegritySettings> | null;
  @Column({ type: 'varchar', length: 16, default: 'open' }) entry!: RoundEntry;
  /** Kind `live` only: seconds per question and the speed bonus. */
  @Column({ type: 'jsonb', nullable: true }) live!: LiveSettings | null;
  @Column({ type: 'varchar', length: 16, default: 'draft' }) status!: RoundStatus;
  /** Bumped each time the pool is frozen again, so caches of the pool know they are stale. */
  @Column({ type: 'int', default: 0 }) poolVersion!: number;
  @Column({ type: 'timestamptz', nullable: true }) openedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
