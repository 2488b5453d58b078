import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

/** The token of a one-time link, as the link carries it (256 bits, base64url). */
export class PasswordTokenDto {
  @ApiProperty({ pattern: '^[A-Za-z0-9_-]{43}$' })
  @IsString({ message: 'token must be the one of the link received' })
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'token must be the one of the link received' })
  token!: string;
}
