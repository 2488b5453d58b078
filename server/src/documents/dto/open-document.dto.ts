import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** The signed part of a document link, as the list answered it. */
export class OpenDocumentQueryDto {
  @ApiProperty({ description: 'Expiry, in seconds since 1970' })
  @Transform(({ value }) => (typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(0)
  @Max(99_999_999_999)
  exp!: number;

  @ApiProperty()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'sig must be the signature the document list gave' })
  sig!: string;

  @ApiPropertyOptional({ enum: ['1'], description: '1: as a file to save (attachment)' })
  @IsOptional()
  @IsIn(['1'])
  download?: '1';
}
