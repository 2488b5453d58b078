import { NormalizedEmail } from '../../common/http/email.decorator';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @NormalizedEmail()
  email!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(512)
  password!: string;
}
