import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ROLES, Role } from '../../auth/roles';
import { MsapSiteEntity } from '../../directory/entities/msap-site.entity';

@Entity('users')
@Check('users_email_lowercase', `"email" = lower("email")`)
@Check('users_pseudonymised_closed', `"pseudonymised_at" IS NULL OR ("disabled_at" IS NOT NULL AND "password_hash" IS NULL AND "oidc_subject" IS NULL)`)
@Index('IDX_users_retention_due', ['disabledAt'], { where: `"pseudonymised_at" IS NULL AND "disabled_at" IS NOT NULL` })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  displayName!: string;

  /** argon2id hash; null for accounts that sign in through OIDC only. */
  @Column({ type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  @Column({ type: 'enum', enum: ROLES, enumName: 'user_role' })
  role!: Role;

  /** Prefecture coordinators act for one département. */
  @Column({ type: 'varchar', length: 3, nullable: true })
  departement!: string | null;

  /** Facilitators work at one MSAP. */
  @Column({ type: 'uuid', nullable: true })
  msapSiteId!: string | null;

  @ManyToOne(() => MsapSiteEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'msap_site_id' })
  msapSite?: MsapSiteEntity | null;

  @Index({ unique: true, where: '"oidc_subject" IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  oidcSubject!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  /**
   * When the retention sweep pseudonymised the account, disabled for too long (RGPD): name and
   * e-mail replaced, credentials gone. The row stays for the consultations and audit entries that
   * name it; it can never sign in again (constraint users_pseudonymised_closed).
   */
  @Column({ type: 'timestamptz', nullable: true })
  pseudonymisedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
