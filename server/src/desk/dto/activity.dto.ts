import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { AUTONOMY_LEVELS, Autonomy, EQUIPMENT, Equipment, REDIRECTIONS, Redirection, SUPPORT_THEMES, SupportTheme } from '../../../../shared/support/support';

export const EXPORT_FORMATS = ['json', 'csv'] as const;

export class ActivityQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Required for coordinators and admins; a facilitator’s is their own' })
  @IsOptional()
  @IsUUID('4', { message: 'siteId must be the id of a France Services site' })
  siteId?: string;

  @ApiProperty({ example: '2026-11-01', description: 'First day (Paris time)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a day as YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2026-11-30', description: 'Last day, included (at most 366 days after from)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a day as YYYY-MM-DD' })
  to!: string;

  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: (typeof EXPORT_FORMATS)[number];
}

/**
 * One support activity, field for field the "aide aux démarches administratives" record of La Coop
 * de la médiation numérique: type, date, duration, place, autonomy, equipment, themes, redirection,
 * notes (no citizen name: the record is anonymous).
 */
export class ActivityRecordView {
  @ApiProperty({ format: 'uuid', description: 'The consultation (to find it again here)' })
  consultationId!: string;

  @ApiProperty({ enum: ['demarche'], description: 'Activity type: aide aux démarches administratives' })
  type!: 'demarche';

  @ApiProperty({ example: '2026-11-14' })
  date!: string;

  @ApiProperty({ description: 'Minutes: the call as held (admission to end), else as booked' })
  dureeMinutes!: number;

  @ApiProperty({ enum: ['lieu_activite'] })
  typeLieu!: 'lieu_activite';

  @ApiProperty({ description: 'The France Services site' })
  lieu!: string;

  @ApiProperty()
  codePostal!: string;

  @ApiProperty()
  commune!: string;

  @ApiProperty({ enum: AUTONOMY_LEVELS, nullable: true })
  autonomie!: Autonomy | null;

  @ApiProperty({ enum: EQUIPMENT, isArray: true })
  materiel!: Equipment[];

  @ApiProperty({ enum: SUPPORT_THEMES, isArray: true })
  thematiques!: SupportTheme[];

  @ApiProperty({ enum: REDIRECTIONS, nullable: true })
  structureDeRedirection!: Redirection | null;

  @ApiProperty({ description: 'The administration consulted' })
  administration!: string;

  @ApiProperty({ type: String, nullable: true })
  objet!: string | null;

  @ApiProperty({ type: Boolean, nullable: true })
  animateurPresent!: boolean | null;

  @ApiProperty()
  notes!: string;
}
