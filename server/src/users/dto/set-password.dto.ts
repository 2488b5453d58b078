import { NewPassword } from './account-fields';
import { PasswordTokenDto } from './password-token.dto';

/** A password chosen through a one-time link (invitation or reset). */
export class SetPasswordDto extends PasswordTokenDto {
  @NewPassword()
  password!: string;
}
