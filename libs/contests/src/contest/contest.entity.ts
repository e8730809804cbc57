import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Organisation } from '@lc/identity';

export const CONTEST_STATUSES = ['draft', 'published', 'closed', 'archived'] as const;
export type ContestStatus = (typeof CONTEST_STATUSES)[number];

@Entity('contest')
@Index('uq_contest_slug', ['slug'], { unique: true })
@Index(['organisationId', 'status'])
export class Contest {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;
  @Column({ type: 'varchar', length: 300 }) title!: string;
  @Column({ type: 'varchar', length: 100 }) slug!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  /** The rules text organisers publish (Thể lệ). */
  @Column({ type: 'text', nullable: true }) rules!: string | null;
  @Column({ type: 'varchar', length: 16, default: 'draft' }) status!: ContestStatus;
  /** Units (agencies, communes) an entrant chooses from; null when free text is allowed. */
  @Column({ type: 'jsonb', nullable: true }) unitList!: string[] | null;
  /** Profile fields an entrant must give to register. */
  @Column({ type: 'jsonb', default: () => "'[]'" }) requiredFields!: string[];
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) archivedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
