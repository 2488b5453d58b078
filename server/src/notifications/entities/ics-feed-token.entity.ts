import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An agent's calendar feed secret, stored hashed; one live token per user, rotated or revoked. */
@Entity('ics_feed_tokens')
export class IcsFeedTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_ics_feed_tokens_user', { unique: true })
  @Column({ type: 'uuid' })
  userId!: string;

  @Index('IDX_ics_feed_tokens_hash', { unique: true })
  @Column({ type: 'text' })
  tokenHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}
