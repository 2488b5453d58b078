import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  AUTONOMY_LEVELS,
  Autonomy,
  CHECKLIST_PARTS,
  ChecklistPart,
  CONSENT_KINDS,
  ConsentKind,
  EQUIPMENT,
  Equipment,
  ITEM_COMMENT_MAX,
  ITEM_ID_PATTERN,
  ITEM_LABEL_MAX,
  ITEM_STATES,
  ItemState,
  REDIRECTIONS,
  Redirection,
  SUPPORT_NOTES_MAX,
  SUPPORT_THEMES,
  SupportTheme,
  TEMPLATE_ITEMS_MAX,
  TEMPLATE_THEMES,
  TemplateTheme,
} from '../../../../shared/support/support';

export class ChecklistItemDto {
  @ApiProperty({ example: 'compte-impots', description: 'Stable id (lowercase letters, digits, dashes): keep it when the wording changes' })
  @IsString()
  @Matches(ITEM_ID_PATTERN, { message: 'id must be a short slug (a-z, 0-9, -)' })
  id!: string;

  @ApiProperty({ enum: CHECKLIST_PARTS })
  @IsIn(CHECKLIST_PARTS)
  part!: ChecklistPart;

  @ApiProperty({ example: 'Accès à l’espace particulier impots.gouv.fr' })
  @IsString()
  @MinLength(2)
  @MaxLength(ITEM_LABEL_MAX)
  label!: string;
}

export class SaveTemplateDto {
  @ApiProperty({ description: 'The version the editor started from (0: the default, never saved). A newer one saved meanwhile is a 409.' })
  @IsInt()
  @Min(0)
  baseVersion!: number;

  @ApiProperty({ enum: TEMPLATE_THEMES })
  @IsIn(TEMPLATE_THEMES)
  theme!: TemplateTheme;

  @ApiProperty({ type: [ChecklistItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(TEMPLATE_ITEMS_MAX)
  @ValidateNested({ each: true })
  @Type(() => ChecklistItemDto)
  items!: ChecklistItemDto[];
}

export class AnswerDto {
  @ApiProperty({ example: 'identite' })
  @IsString()
  @MaxLength(40)
  itemId!: string;

  @ApiProperty({ enum: ITEM_STATES })
  @IsIn(ITEM_STATES)
  state!: ItemState;

  @ApiPropertyOptional({ maxLength: ITEM_COMMENT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(ITEM_COMMENT_MAX)
  comment?: string;
}

/**
 * A change to a support record: only the fields sent change. `base` is the record's revision the
 * sender last saw: a field changed by someone else since then is a 409 (EDIT_CONFLICT) naming it,
 * and nothing is written; sending a value the record already holds is never a conflict (a retry).
 */
export class PatchSupportDto {
  @ApiProperty({ description: 'The revision the sender last read' })
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  base!: number;

  @ApiPropertyOptional({ type: [AnswerDto], description: 'At most one answer per item' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60)
  @ArrayUnique((a: AnswerDto) => a.itemId, { message: 'answers must name each item once' })
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers?: AnswerDto[];

  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'The facilitator stays in the room during the call' })
  @IsOptional()
  @IsBoolean()
  facilitatorPresent?: boolean | null;

  @ApiPropertyOptional({ enum: AUTONOMY_LEVELS, nullable: true })
  @IsOptional()
  @IsIn(AUTONOMY_LEVELS)
  autonomy?: Autonomy | null;

  @ApiPropertyOptional({ enum: EQUIPMENT, isArray: true })
  @ValidateIf((_, v) => v !== undefined)
  @IsArray()
  @ArrayUnique()
  @IsIn(EQUIPMENT, { each: true })
  equipment?: Equipment[];

  @ApiPropertyOptional({ enum: SUPPORT_THEMES, isArray: true })
  @ValidateIf((_, v) => v !== undefined)
  @IsArray()
  @ArrayUnique()
  @IsIn(SUPPORT_THEMES, { each: true })
  themes?: SupportTheme[];

  @ApiPropertyOptional({ enum: REDIRECTIONS, nullable: true })
  @IsOptional()
  @IsIn(REDIRECTIONS)
  redirection?: Redirection | null;

  @ApiPropertyOptional({ maxLength: SUPPORT_NOTES_MAX })
  // Present means a string: null is not "no notes" (that is '').
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @MaxLength(SUPPORT_NOTES_MAX)
  notes?: string;
}

export class GiveConsentDto {
  @ApiProperty({ enum: CONSENT_KINDS })
  @IsIn(CONSENT_KINDS)
  kind!: ConsentKind;

  @ApiProperty({ description: 'The version of the text shown to the citizen' })
  @IsString()
  @MaxLength(40)
  textVersion!: string;
}
