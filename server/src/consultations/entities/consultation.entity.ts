import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AdministrationEntity } from '../../directory/entities/administration.entity';
import { AgentEntity } from '../../directory/entities/agent.entity';
import { BoothEntity } from '../../directory/entities/booth.entity';
import { ConsultationTypeEntity } from '../../scheduling/entities/consultation-type.entity';
import { CANCELLATION_CAUSES, CancellationCause } from '../../../../shared/scheduling/cancellation';

/**
 * scheduled → in_progress (the agent admitted someone) → ended (the call is over) → done | no_show
 * (the agent's outcome); scheduled → cancelled. An outcome may also be recorded straight from
 * scheduled or in_progress once the consultation has started (from the agenda).
 */
export const CONSULTATION_STATUSES = ['scheduled', 'in_progress', 'ended', 'cancelled', 'done', 'no_show'] as const;
/** Statuses in which the consultation's call can still be joined. */
export const OPEN_STATUSES: readonly ConsultationStatus[] = ['scheduled', 'in_progress'];
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/**
 * A video consultation between a booth and an agent over a half-open time interval. The migration
 * adds two exclusion constraints (consultations_booth_no_overlap, consultations_agent_no_overlap):
 * no two consultations that are not cancelled share a booth or an agent at the same instant, and
 * an expression index TypeORM cannot declare (IDX_consultations_retention_due, migration Retention):
 * the consultations whose citizen data the retention sweep has still to erase.
 */
@Entity('consultations')
@Check('consultations_interval_valid', `"ends_at" > "starts_at"`)
@Check('CHK_consultations_outcome_note_length', `char_length("outcome_note") <= 1000`)
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

  /** Null only for rows created before scheduling existed. */
  @Column({ type: 'uuid', nullable: true })
  consultationTypeId!: string | null;

  @ManyToOne(() => ConsultationTypeEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'consultation_type_id' })
  consultationType?: ConsultationTypeEntity | null;

  @Column({ type: 'text', default: '' })
  citizenName!: string;

  /** Many citizens have neither: the facilitator calls them (mass cancellation lists them). */
  @Column({ type: 'text', nullable: true })
  citizenPhone!: string | null;

  /** A French landline to call them on (never an SMS): for citizens without a mobile, often the elderly. */
  @Column({ type: 'text', nullable: true })
  citizenLandline!: string | null;

  @Column({ type: 'text', nullable: true })
  citizenEmail!: string | null;

  @Column({ type: 'text', nullable: true })
  cancellationReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  /** Set with the cancellation (a CHECK ties the two); kept after the reason is erased: the figures group by it. */
  @Column({ type: 'enum', enum: CANCELLATION_CAUSES, enumName: 'cancellation_cause', nullable: true })
  cancellationCause!: CancellationCause | null;

  /** The account that booked it (coordinator, facilitator or admin). */
  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  /** When the agent first admitted someone into the call. */
  @Column({ type: 'timestamptz', nullable: true })
  callStartedAt!: Date | null;

  /** When the call ended (the agent ended it, or everyone had left after its end). */
  @Column({ type: 'timestamptz', nullable: true })
  callEndedAt!: Date | null;

  /** The agent's short note on the outcome; erased with the citizen's data (RGPD). */
  @Column({ type: 'text', nullable: true })
  outcomeNote!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  outcomeRecordedAt!: Date | null;

  /** When the retention sweep erased the citizen's name, phones and e-mail (RGPD); null until then. */
  @Column({ type: 'timestamptz', nullable: true })
  citizenErasedAt!: Date | null;
}
