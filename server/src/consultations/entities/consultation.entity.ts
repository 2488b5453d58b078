import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AdministrationEntity } from '../../directory/entities/administration.entity';
import { AgentEntity } from '../../directory/entities/agent.entity';
import { BoothEntity } from '../../directory/entities/booth.entity';

export const CONSULTATION_STATUSES = ['scheduled', 'cancelled', 'done', 'no_show'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/** A video consultation between a booth and an agent over a time interval. */
@Entity('consultations')
@Check('consultations_interval_valid', `"ends_at" > "starts_at"`)
@Index(['boothId', 'startsAt'])
@Index(['agentId', 'startsAt'])
export class ConsultationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  boothId!: string;

  @ManyToOne(() => BoothEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'booth_id' })
  booth?: BoothEntity;

  @Column({ type: 'uuid' })
  agentId!: string;

  @ManyToOne(() => AgentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agent_id' })
  agent?: AgentEntity;

  @Column({ type: 'uuid' })
  administrationId!: string;

  @ManyToOne(() => AdministrationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'administration_id' })
  administration?: AdministrationEntity;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'enum', enum: CONSULTATION_STATUSES, enumName: 'consultation_status', default: 'scheduled' })
  status!: ConsultationStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
