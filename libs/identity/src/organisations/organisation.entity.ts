import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ORGANISATION_LEVELS = ['central', 'province', 'commune'] as const;
export type OrganisationLevel = (typeof ORGANISATION_LEVELS)[number];

@Entity('organisation')
export class Organisation {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'varchar', length: 16 }) level!: OrganisationLevel;
  @Column({ type: 'varchar', length: 64, nullable: true }) province!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
