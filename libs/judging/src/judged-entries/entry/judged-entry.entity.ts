import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from '@lc/identity';
import { Round } from '@lc/contests';

/** How the head judge settled an entry the judges disagreed on. */
export interface Reconciliation {
  mode: 'accept-aggregate' | 'head-judge-marks';
  byUserId: string;
  at: string;
  reason: string;
  /** The counted marks it settled (judge:total, sorted); when they change, it no longer applies. */
  basis: string;
  /** The head judge's final marks (mode head-judge-marks). */
  scores?: Record<string, number>;
  total?: number;
}

/** One entrant's hand-in for a judged round: text, a link and/or one stored file. */
@Entity('judged_entry')
@Index('uq_judged_entry_round_user', ['roundId', 'userId'], { unique: true })
export class JudgedEntry {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) roundId!: string;
  @ManyToOne(() => Round, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: Round;
  @Column({ type: 'uuid' }) userId!: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;
  @Column({ type: 'text', nullable: true }) text!: string | null;
  @Column({ type: 'varchar', length: 2000, nullable: true }) link!: string | null;
  /** Random name under UPLOAD_DIR/entries; nothing the entrant sent is part of it. */
  @Column({ type: 'varchar', length: 64, nullable: true }) fileKey!: string | null;
  /** The entrant's file name, cleaned, for display and downloads only. */
  @Column({ type: 'varchar', length: 200, nullable: true }) fileName!: string | null;
  /** Media type found from the file's bytes (never the client's claim). */
  @Column({ type: 'varchar', length: 100, nullable: true }) fileType!: string | null;
  @Column({ type: 'int', nullable: true }) fileSize!: number | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) fileSha256!: string | null;
  /** Length of the presentation as timed on the day (feeds over-time penalties). */
  @Column({ type: 'int', nullable: true }) durationSeconds!: number | null;
  /** Codes of fixed penalties the organiser recorded (e.g. reading from notes). */
  @Column({ type: 'jsonb', default: () => "'[]'" }) breaches!: string[];
  @Column({ type: 'jsonb', nullable: true }) reconciliation!: Reconciliation | null;
  /** Hand-ins so far (1 for the first; each replacement adds one). */
  @Column({ type: 'int', default: 1 }) version!: number;
  @Column({ type: 'timestamptz' }) submittedAt!: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
