import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AcrossRounds, PrizePlan } from '../awards/prize-plan';
import type { UnitPrizeFormula } from '../awards/unit-prizes';
import type { PlaceChange } from '../ranking/diff';
import type { RankingAudit } from '../ranking/audit';
import type { RankingRules } from '../ranking/rules';
import { WinnerVerification } from './verification/winner-verification.entity';

/** numeric columns come back from pg as strings. */
const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** A round's "thể lệ" as judging applies it: the tie-break chain and the prize quotas. */
@Entity('round_rules')
export class RoundRules {
  @PrimaryColumn({ type: 'uuid' }) roundId!: string;
  /** As validated by parseRankingRules (the prediction target comes from the round's prediction question). */
  @Column({ type: 'jsonb' }) rankingRules!: RankingRules;
  @Column({ type: 'jsonb', nullable: true }) prizePlan!: PrizePlan | null;
  /** The registration field whose value is a person's group for per-group quotas (e.g. "group"). */
  @Column({ type: 'varchar', length: 64, nullable: true }) groupField!: string | null;
  @Column({ type: 'uuid', nullable: true }) updatedBy!: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** What the decision and certificates print; defaults come from the organisation. */
export interface AwardDocuments {
  issuerParent?: string;
  issuerName?: string;
  place?: string;
  signerTitle?: string;
  signerName?: string;
  decisionNumber?: string;
  authority?: string;
}

/** Contest-wide award rules: one prize per person across rounds, unit (collective) prizes, documents. */
@Entity('contest_award_rules')
export class ContestAwardRules {
  @PrimaryColumn({ type: 'uuid' }) contestId!: string;
  @Column({ type: 'varchar', length: 16, default: 'highest-only' }) acrossRounds!: AcrossRounds;
  @Column({ type: 'jsonb', nullable: true }) unitPrizes!: UnitPrizeFormula | null;
  /** Unit → headcount, for the "per headcount" unit prize formula. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) headcounts!: Record<string, number>;
  @Column({ type: 'jsonb', default: () => "'{}'" }) documents!: AwardDocuments;
  @Column({ type: 'uuid', nullable: true }) updatedBy!: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

export const RESULT_STATUSES = ['provisional', 'published'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

/** A round's final ranking header: provisional after closing, then published (immutable but for corrections). */
@Entity('round_result')
export class RoundResult {
  @PrimaryColumn({ type: 'uuid' }) roundId!: string;
  @Column({ type: 'uuid' }) contestId!: string;
  @Column({ type: 'varchar', length: 16 }) status!: ResultStatus;
  /** Bumped by every re-close and correction. */
  @Column({ type: 'int', default: 1 }) version!: number;
  @Column({ type: 'jsonb' }) rules!: RankingRules;
  @Column({ type: 'numeric', nullable: true, transformer: numeric }) predictionActual!: number | null;
  @Column({ type: 'jsonb' }) audit!: RankingAudit;
  @Column({ type: 'int' }) rankedCount!: number;
  @Column({ type: 'int', default: 0 }) winnerCount!: number;
  /** An attempt was voided or reinstated since: close again before publishing. */
  @Column({ type: 'boolean', default: false }) stale!: boolean;
  /** Prize tiers left (partly) unawarded, and similar notes for the organiser. */
  @Column({ type: 'jsonb', default: () => "'[]'" }) shortfalls!: unknown[];
  @Column({ type: 'timestamptz' }) closedAt!: Date;
  @Column({ type: 'uuid', nullable: true }) closedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) publishedBy!: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** One place in a round's final ranking (position is 0-based and unique; rank is shared on full ties). */
@Entity('result_entry')
@Index('uq_result_entry_round_user', ['roundId', 'userId'], { unique: true })
@Index('ix_result_entry_round_prize', ['roundId'], { where: 'prize_code IS NOT NULL' })
export class ResultEntry {
  @PrimaryColumn({ type: 'uuid' }) roundId!: string;
  @PrimaryColumn({ type: 'int' }) position!: number;
  @Column({ type: 'int' }) rank!: number;
  @Column({ type: 'uuid' }) userId!: string;
  /** The attempt (quiz) or judged entry that represents the person. */
  @Column({ type: 'uuid' }) attemptId!: string;
  @Column({ type: 'int', nullable: true }) attemptNo!: number | null;
  @Column({ type: 'numeric', precision: 12, scale: 4, transformer: numeric }) score!: number;
  @Column({ type: 'numeric', precision: 12, scale: 4, transformer: numeric }) maxScore!: number;
  @Column({ type: 'int' }) timeTakenMs!: number;
  @Column({ type: 'timestamptz' }) submittedAt!: Date;
  @Column({ type: 'numeric', nullable: true, transformer: numeric }) prediction!: number | null;
  @Column({ type: 'numeric', nullable: true, transformer: numeric }) distance!: number | null;
  @Column({ type: 'int', default: 1 }) attemptsCounted!: number;
  /** The rule that put the previous place ahead (null for the first). */
  @Column({ type: 'varchar', length: 32, nullable: true }) vsPrevious!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) unit!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) grp!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) prizeCode!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) prizeName!: string | null;
  @Column({ type: 'int', nullable: true }) prizeLevel!: number | null;
  @Column({ type: 'boolean', default: false }) prizeBoundaryTie!: boolean;
}

/** An audited change to published results: what was asked, and whose place or prize changed. */
@Entity('result_correction')
@Index(['roundId', 'createdAt'])
export class ResultCorrection {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) roundId!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'jsonb' }) request!: Record<string, unknown>;
  @Column({ type: 'jsonb' }) changes!: PlaceChange[];
  @Column({ type: 'varchar', length: 64 }) beforeHash!: string;
  @Column({ type: 'varchar', length: 64 }) afterHash!: string;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** An export written by the worker to a file (for rounds too big for one request). */
@Entity('result_export')
@Index(['roundId', 'createdAt'])
export class ResultExport {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @Column({ type: 'uuid' }) roundId!: string;
  @Column({ type: 'uuid', nullable: true }) requestedBy!: string | null;
  @Column({ type: 'varchar', length: 8 }) format!: 'xlsx' | 'csv';
  @Column({ type: 'varchar', length: 16 }) scope!: 'ranking' | 'winners';
  @Column({ type: 'varchar', length: 16, default: 'queued' }) status!: ExportStatus;
  /** Rows written so far, and how many there are. */
  @Column({ type: 'int', default: 0 }) rowsWritten!: number;
  @Column({ type: 'int', nullable: true }) rowsTotal!: number | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) fileName!: string | null;
  @Column({ type: 'bigint', nullable: true, transformer: numeric }) bytes!: number | null;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
}

export const RESULT_ENTITIES: (new () => object)[] = [
  RoundRules,
  ContestAwardRules,
  RoundResult,
  ResultEntry,
  ResultCorrection,
  ResultExport,
  WinnerVerification,
];
