import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { BoothEntity } from './booth.entity';

/** A Maison de services au public / France Services site. */
@Entity('msap_sites')
export class MsapSiteEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  address!: string;

  @Column({ type: 'varchar', length: 5 })
  postalCode!: string;

  @Column({ type: 'text' })
  city!: string;

  @Column({ type: 'varchar', length: 3 })
  departement!: string;

  /** E.164; the SMS to citizens give it as the number to call back. Null: not known yet. */
  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  /** Where the booth stands (WGS 84 decimal degrees), for the travel avoided; both or neither. */
  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  @OneToMany(() => BoothEntity, (booth) => booth.msapSite)
  booths?: BoothEntity[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
