import { ApiProperty } from '@nestjs/swagger';
import {
  AUTONOMY_LEVELS,
  Autonomy,
  CHECKLIST_PARTS,
  ChecklistPart,
  CONSENT_KINDS,
  ConsentKind,
  EQUIPMENT,
  Equipment,
  ITEM_STATES,
  ItemState,
  REDIRECTIONS,
  Redirection,
  SUPPORT_THEMES,
  SupportTheme,
  TEMPLATE_THEMES,
  TemplateTheme,
} from '../../../../shared/support/support';

export class ChecklistItemView {
  @ApiProperty()
  id!: string;

  @ApiProperty({ enum: CHECKLIST_PARTS, enumName: 'ChecklistPart' })
  part!: ChecklistPart;

  @ApiProperty()
  label!: string;
}

export class ChecklistTemplateView {
  @ApiProperty({ format: 'uuid' })
  consultationTypeId!: string;

  @ApiProperty({ description: '0 while the type uses the default checklist of its theme (never saved)' })
  version!: number;

  @ApiProperty({ enum: TEMPLATE_THEMES, enumName: 'TemplateTheme' })
  theme!: TemplateTheme;

  @ApiProperty({ type: [ChecklistItemView] })
  items!: ChecklistItemView[];

  @ApiProperty({ type: String, nullable: true })
  savedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  savedBy!: string | null;

  @ApiProperty({ description: 'Filled checklists pinned to one of its versions' })
  inUse!: number;
}

export class ChecklistDefaultView {
  @ApiProperty({ enum: TEMPLATE_THEMES, enumName: 'TemplateTheme' })
  theme!: TemplateTheme;

  @ApiProperty({ type: [ChecklistItemView] })
  items!: ChecklistItemView[];
}

export class SupportItemView extends ChecklistItemView {
  @ApiProperty({ enum: ITEM_STATES, enumName: 'ItemState' })
  state!: ItemState;

  @ApiProperty()
  comment!: string;
}

export class ConsentRecordView {
  @ApiProperty({ enum: CONSENT_KINDS, enumName: 'ConsentKind' })
  kind!: ConsentKind;

  @ApiProperty()
  textVersion!: string;

  @ApiProperty()
  grantedAt!: string;

  @ApiProperty()
  collectedBy!: string;

  @ApiProperty({ type: String, nullable: true })
  revokedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  revokedBy!: string | null;
}

export class ConsentTextView {
  @ApiProperty({ enum: CONSENT_KINDS, enumName: 'ConsentKind' })
  kind!: ConsentKind;

  @ApiProperty()
  version!: string;

  @ApiProperty()
  text!: string;
}

export class SupportSummaryView {
  @ApiProperty()
  papersReady!: boolean;

  @ApiProperty()
  consentGiven!: boolean;

  @ApiProperty({ type: Boolean, nullable: true })
  facilitatorPresent!: boolean | null;

  @ApiProperty({ type: [String], description: '"Before" items not done yet' })
  notReady!: string[];

  @ApiProperty()
  answered!: number;

  @ApiProperty()
  total!: number;
}

/** A consultation's support record, as the facilitator fills it and the agent reads it. */
export class SupportView {
  @ApiProperty({ format: 'uuid' })
  consultationId!: string;

  @ApiProperty({ type: Number, nullable: true, description: 'Template version the checklist is filled with (0: the default, not yet pinned)' })
  templateVersion!: number | null;

  @ApiProperty({ type: [SupportItemView] })
  items!: SupportItemView[];

  @ApiProperty({ type: Boolean, nullable: true })
  facilitatorPresent!: boolean | null;

  @ApiProperty({ enum: AUTONOMY_LEVELS, enumName: 'Autonomy', nullable: true })
  autonomy!: Autonomy | null;

  @ApiProperty({ enum: EQUIPMENT, enumName: 'Equipment', isArray: true })
  equipment!: Equipment[];

  @ApiProperty({ enum: SUPPORT_THEMES, enumName: 'SupportTheme', isArray: true })
  themes!: SupportTheme[];

  @ApiProperty({ enum: REDIRECTIONS, enumName: 'Redirection', nullable: true })
  redirection!: Redirection | null;

  @ApiProperty()
  notes!: string;

  @ApiProperty({ description: 'The notes and comments were erased with the citizen’s data (retention)' })
  notesErased!: boolean;

  @ApiProperty({ type: [ConsentRecordView], description: 'Every consent given, standing or revoked, oldest first' })
  consents!: ConsentRecordView[];

  @ApiProperty({ type: [ConsentTextView], description: 'The texts to read to the citizen now' })
  consentTexts!: ConsentTextView[];

  @ApiProperty()
  revision!: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Field → revision that last changed it' })
  fieldRevisions!: Record<string, number>;

  @ApiProperty({ type: String, nullable: true })
  updatedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  updatedBy!: string | null;

  @ApiProperty({ type: SupportSummaryView })
  summary!: SupportSummaryView;

  @ApiProperty({ description: 'Whether the caller may fill it (the facilitators of its France Services)' })
  canEdit!: boolean;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'In the answer to a change: the revision it wrote (the record shown may already hold a later one from another device)',
  })
  savedRevision!: number | null;
}
