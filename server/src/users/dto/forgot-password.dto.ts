import { ApiProperty } from '@nestjs/swagger';
import { NormalizedEmail } from '../../common/http/email.decorator';

export class ForgotPasswordDto {
  @ApiProperty({ example: 'camille.martin@loiret.gouv.fr' })
  @NormalizedEmail()
  email!: string;
}
