import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AdministrationEntity } from '../../directory/entities/administration.entity';

/** What a citizen comes for at one administration: subject, length, and the documents to bring. */
@Entity('consultation_types')
export class ConsultationTypeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  administrationId!: string;

  @ManyToOne(() => AdministrationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'administration_id' })
  administration?: AdministrationEntity;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'smallint' })
  durationMinutes!: number;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  documents!: string[];

  /** Retired types stay for past consultations but are not offered any more. */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
