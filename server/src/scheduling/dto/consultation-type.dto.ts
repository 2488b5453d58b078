import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';

export class CreateConsultationTypeDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'administrationId must be the id of an administration' })
  administrationId!: string;

  @ApiProperty({ example: 'Impôt sur le revenu : déclaration' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  subject!: string;

  @ApiProperty({ minimum: 5, maximum: 480, example: 30 })
  @IsInt({ message: 'durationMinutes must be an integer' })
  @Min(5)
  @Max(480)
  durationMinutes!: number;

  @ApiPropertyOptional({ type: [String], example: ["Pièce d'identité", 'Dernier avis d’imposition'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  documents?: string[];
}

export class UpdateConsultationTypeDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  subject?: string;

  @ApiPropertyOptional({ minimum: 5, maximum: 480 })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(480)
  durationMinutes?: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  documents?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class ListConsultationTypesQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4', { message: 'administrationId must be the id of an administration' })
  administrationId?: string;
}
