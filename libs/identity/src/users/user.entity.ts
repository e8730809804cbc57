import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity';

export const ROLES = ['resident', 'organiser', 'judge', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ['organiser', 'judge', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * Phone and national ID are personal data (Decree 13/2023): kept as a keyed hash for
 * lookups and uniqueness, AES-GCM ciphertext for the owner's data export, and a mask for display.
 */
@Entity('user')
@Index('uq_user_email', ['email'], { unique: true, where: 'email IS NOT NULL' })
@Index('uq_user_phone_hash', ['phoneHash'], { unique: true, where: 'phone_hash IS NOT NULL' })
@Index('uq_user_national_id_hash', ['nationalIdHash'], { unique: true, where: 'national_id_hash IS NOT NULL' })
@Index(['organisationId'])
export class User {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 120 }) fullName!: string;
  @Column({ type: 'varchar', length: 254, nullable: true }) email!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) phoneHash!: string | null;
  @Column({ type: 'text', nullable: true }) phoneEncrypted!: string | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) phoneMasked!: string | null;
  @Column({ type: 'varchar', length: 200 }) passwordHash!: string;
  @Column({ type: 'varchar', length: 16 }) role!: string;
  @Column({ type: 'uuid', nullable: true }) organisationId!: string | null;
  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;
  @Column({ type: 'varchar', length: 64, nullable: true }) province!: string | null;
  @Column({ type: 'varchar', length: 120, nullable: true }) commune!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) unit!: string | null;
  @Column({ type: 'date', nullable: true }) dateOfBirth!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) nationalIdHash!: string | null;
  @Column({ type: 'text', nullable: true }) nationalIdEncrypted!: string | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) nationalIdMasked!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) consentAt!: Date | null;
  @Column({ type: 'varchar', length: 120, nullable: true }) guardianName!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) guardianConsentAt!: Date | null;
  /** Bumped to revoke every token issued before (password change, deletion, role change). */
  @Column({ type: 'int', default: 0 }) tokenVersion!: number;
  @Column({ type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
  /** Set by an admin: the account keeps its data but cannot sign in, and its tokens stop working. */
  @Column({ type: 'timestamptz', nullable: true }) deactivatedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
