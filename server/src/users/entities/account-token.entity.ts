import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { PasswordLinkPurpose } from '../../../../shared/accounts/accounts';
import { UserEntity } from './user.entity';

/**
 * A one-time link to set an account's password: an invitation or a reset. Only a SHA-256 of the
 * token is stored (the e-mail carries the token itself). At most one link per account is live: a
 * new one revokes the others, and so do a password set and a disabled account.
 */
@Entity('account_tokens')
@Index('IDX_account_tokens_user', ['userId', 'createdAt'])
export class AccountTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'text' })
  purpose!: PasswordLinkPurpose;

  @Index('IDX_account_tokens_hash', { unique: true })
  @Column({ type: 'text' })
  tokenHash!: string;

  /** The administrator who sent it; null when the person asked for it ("mot de passe oublié"). */
  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
