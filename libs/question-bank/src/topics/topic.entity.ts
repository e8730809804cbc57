import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { QuestionBank } from '../banks/question-bank.entity';

/** A node of a bank's topic tree; `path` ("Luật Bầu cử/Chương V") is unique in the bank. */
@Entity('topic')
@Index('uq_topic_bank_path', ['bankId', 'path'], { unique: true })
@Index(['parentId'])
export class Topic {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) bankId!: string;
  @ManyToOne(() => QuestionBank, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bank_id' })
  bank?: QuestionBank;
  @Column({ type: 'uuid', nullable: true }) parentId!: string | null;
  @ManyToOne(() => Topic, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: Topic;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'varchar', length: 500 }) path!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
