import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { QuestionType } from '../pool/question-pool.types';
import { Topic } from '../topics/topic.entity';
import type { AnswerContent, OptionContent } from './question-content';
import { Question } from './question.entity';

const numberColumn = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/**
 * Immutable once `lockedAt` is set (a round's pool was frozen with it): an edit then makes
 * a new version. `stemFolded` (foldStem) serves diacritics-insensitive search through a
 * trigram index and duplicate detection through a hash index; both indexes are written by
 * hand in the migration (TypeORM cannot express them).
 */
@Entity('question_version')
@Index('uq_question_version_no', ['questionId', 'versionNo'], { unique: true })
@Index(['topicId'])
@Index('idx_question_version_stem_trgm', { synchronize: false })
@Index('idx_question_version_stem_hash', { synchronize: false })
export class QuestionVersion {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) questionId!: string;
  @ManyToOne(() => Question, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'question_id' })
  question?: Question;
  @Column({ type: 'int' }) versionNo!: number;
  @Column({ type: 'varchar', length: 16 }) type!: QuestionType;
  @Column({ type: 'text' }) stem!: string;
  @Column({ type: 'text' }) stemFolded!: string;
  @Column({ type: 'jsonb' }) options!: OptionContent[];
  @Column({ type: 'jsonb', nullable: true }) answer!: AnswerContent;
  @Column({ type: 'numeric', precision: 8, scale: 2, default: 1, transformer: numberColumn }) points!: number;
  @Column({ type: 'smallint', default: 1 }) difficulty!: number;
  @Column({ type: 'uuid', nullable: true }) topicId!: string | null;
  @ManyToOne(() => Topic, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'topic_id' })
  topic?: Topic;
  @Column({ type: 'varchar', length: 500, nullable: true }) legalReference!: string | null;
  @Column({ type: 'text', nullable: true }) explanation!: string | null;
  @Column({ type: 'text', nullable: true }) rubric!: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) tags!: string[];
  @Column({ type: 'timestamptz', nullable: true }) lockedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
