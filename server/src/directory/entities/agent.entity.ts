import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../../users/entities/user.entity';
import { AdministrationEntity } from './administration.entity';

/** The agent profile of a user account: which administration they consult for. */
@Entity('agents')
export class AgentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', unique: true })
  userId!: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'uuid' })
  administrationId!: string;

  @ManyToOne(() => AdministrationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'administration_id' })
  administration?: AdministrationEntity;

  /** What citizens see on screen, e.g. "Conseillère fiscale". */
  @Column({ type: 'text', default: '' })
  title!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
