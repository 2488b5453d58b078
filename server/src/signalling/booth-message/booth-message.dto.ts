import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength, ValidateBy } from 'class-validator';
import { hasInvisibleFormatting } from '../../../../shared/chat/chat-text';
import { BOOTH_MESSAGE_MAX_LENGTH } from '../../../../shared/signalling/protocol';

export class SendBoothMessageDto {
  @ApiProperty({ maxLength: BOOTH_MESSAGE_MAX_LENGTH, example: 'J’arrive dans 5 minutes.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(BOOTH_MESSAGE_MAX_LENGTH)
  // Shown large on a public screen: one short paragraph, no line breaks nor invisible controls,
  // nor the invisible formatting the chat refuses (bidi overrides, zero-width characters).
  @ValidateBy({ name: 'plainLine', validator: { validate: (value: unknown) => typeof value === 'string' && !/\p{Cc}/u.test(value) && !hasInvisibleFormatting(value) } }, {
    message: 'text must be one line, without control nor invisible formatting characters',
    context: { code: 'CONTROL_CHARACTER' },
  })
  text!: string;
}

/** The message as the booth shows it. */
export class BoothMessageView {
  @ApiProperty({ example: 'J’arrive dans 5 minutes.' })
  text!: string;

  @ApiProperty({ example: '2026-12-03T10:32:00.000Z' })
  sentAt!: string;
}
