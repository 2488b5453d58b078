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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
