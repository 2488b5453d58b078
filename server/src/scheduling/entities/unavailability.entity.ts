import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An interval of real time taken out of a weekly schedule. */
abstract class Unavailability {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'text', default: '' })
  reason!: string;

  /** When the retention sweep replaced the reason (free text, often about a person) with a marker; null until then. */
  @Column({ type: 'timestamptz', nullable: true })
  reasonErasedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** An agent away (leave, training, sickness): no booking inside, existing ones must be dealt with. */
@Entity('agent_absences')
@Index('IDX_agent_absences_retention_due', ['endsAt'], { where: `"reason_erased_at" IS NULL AND "reason" <> ''` })
export class AgentAbsenceEntity extends Unavailability {
  @Column({ type: 'uuid' })
  agentId!: string;
}

/** An MSAP closed (bank holiday, works) outside its usual opening hours. */
@Entity('msap_closures')
@Index('IDX_msap_closures_retention_due', ['endsAt'], { where: `"reason_erased_at" IS NULL AND "reason" <> ''` })
export class MsapClosureEntity extends Unavailability {
  @Column({ type: 'uuid' })
  msapSiteId!: string;
}
