import { Column, CreateDateColumn, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { QuestionBank } from '../banks/question-bank.entity';
import { QuestionVersion } from './question-version.entity';

/** The stable identity of a question; its content lives in versions. */
@Entity('question')
@Index(['bankId', 'seq'])
export class Question {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) bankId!: string;
  @ManyToOne(() => QuestionBank, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'bank_id' })
  bank?: QuestionBank;
  /** Inserted together with its first version, so the check waits for the commit. */
  @Column({ type: 'uuid' }) currentVersionId!: string;
  @ManyToOne(() => QuestionVersion, { onDelete: 'RESTRICT', deferrable: 'INITIALLY DEFERRED' })
  @JoinColumn({ name: 'current_version_id' })
  currentVersion?: QuestionVersion;
  /** Insertion order (a file's order survives an import). */
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq!: string;
  @Column({ type: 'timestamptz', nullable: true }) archivedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
