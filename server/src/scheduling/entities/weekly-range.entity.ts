import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A range of local (Europe/Paris) wall-clock time on one ISO weekday (1 = Monday). Stored as minutes
 * of the day rather than instants so that 09:00 stays 09:00 on both sides of a daylight-saving change.
 */
abstract class WeeklyRange {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'smallint' })
  weekday!: number;

  @Column({ type: 'smallint' })
  startMinute!: number;

  @Column({ type: 'smallint' })
  endMinute!: number;
}

/** When an agent can hold consultations, week after week. */
@Entity('agent_availabilities')
export class AgentAvailabilityEntity extends WeeklyRange {
  @Column({ type: 'uuid' })
  agentId!: string;
}

/** When an MSAP is open, week after week. */
@Entity('msap_opening_hours')
export class MsapOpeningHoursEntity extends WeeklyRange {
  @Column({ type: 'uuid' })
  msapSiteId!: string;
}
