import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MsapSiteEntity } from './msap-site.entity';

/** A video booth inside an MSAP, where citizens sit for their consultation. */
@Entity('booths')
@Index(['msapSiteId', 'name'], { unique: true })
export class BoothEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  msapSiteId!: string;

  @ManyToOne(() => MsapSiteEntity, (site) => site.booths, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'msap_site_id' })
  msapSite?: MsapSiteEntity;

  @Column({ type: 'text' })
  name!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** Set when the booth leaves service: it keeps its consultations and terminals' history, takes no new ones. */
  @Column({ type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;
}
