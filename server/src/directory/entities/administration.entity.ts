import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A state service holding teleconsultations, e.g. "DDFIP du Loiret". */
@Entity('administrations')
export class AdministrationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Département code (e.g. "45", "2A", "971") this service belongs to. */
  @Column({ type: 'varchar', length: 3 })
  departement!: string;

  /** Where a citizen would have gone to see it (WGS 84 decimal degrees), for the travel avoided; both or neither. */
  @Column({ type: 'double precision', nullable: true })
  officeLatitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  officeLongitude!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
