import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@lc/identity';
import { Contest } from '../contest/contest.entity';

@Entity('registration')
@Index('uq_registration_contest_user', ['contestId', 'userId'], { unique: true })
@Index(['contestId', 'unit'])
@Index(['userId'])
export class Registration {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) contestId!: string;
  @ManyToOne(() => Contest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contest_id' })
  contest?: Contest;
  @Column({ type: 'uuid' }) userId!: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;
  @Column({ type: 'varchar', length: 200, nullable: true }) unit!: string | null;
  /** The required fields as given at registration (personal numbers only masked). */
  @Column({ type: 'jsonb', default: () => "'{}'" }) fields!: Record<string, string>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
