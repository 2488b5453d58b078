import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

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

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** An agent away (leave, training, sickness): no booking inside, existing ones must be dealt with. */
@Entity('agent_absences')
export class AgentAbsenceEntity extends Unavailability {
  @Column({ type: 'uuid' })
  agentId!: string;
}

/** An MSAP closed (bank holiday, works) outside its usual opening hours. */
@Entity('msap_closures')
export class MsapClosureEntity extends Unavailability {
  @Column({ type: 'uuid' })
  msapSiteId!: string;
}
