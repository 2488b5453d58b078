import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BoothEntity } from '../../directory/entities/booth.entity';

/** A booth terminal paired with a one-time code; it authenticates with a long-lived, revocable token. */
@Entity('devices')
export class DeviceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  boothId!: string;

  @ManyToOne(() => BoothEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'booth_id' })
  booth?: BoothEntity;

  @Column({ type: 'text' })
  label!: string;

  @Index({ unique: true })
  @Column({ type: 'text', select: false })
  tokenHash!: string;

  @Column({ type: 'text', select: false })
  csrfToken!: string;

  @Column({ type: 'uuid', nullable: true })
  pairedById!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  pairedAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastSeenAt!: Date | null;

  /** The last heartbeat of an open booth page (the desk's online/offline). */
  @Column({ type: 'timestamptz', nullable: true })
  heartbeatAt!: Date | null;

  /** The last pre-call check's result (BoothCheckRecord). */
  @Column({ type: 'jsonb', nullable: true, select: false })
  lastCheck!: unknown;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  revokedById!: string | null;
}
