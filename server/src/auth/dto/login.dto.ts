import { ApiProperty } from '@nestjs/swagger';
import { NormalizedEmail } from '../../common/http/email.decorator';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ format: 'email' })
  @NormalizedEmail()
  email!: string;

  @ApiProperty({ minLength: 1, maxLength: 512 })
  @IsString()
  @MinLength(1)
  @MaxLength(512)
  password!: string;
}
