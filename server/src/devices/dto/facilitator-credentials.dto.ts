import { ApiProperty } from '@nestjs/swagger';
import { LoginDto } from '../../auth/dto/login.dto';

/** A facilitator's own sign-in credentials, typed on the booth to reach its settings. */
export class FacilitatorCredentialsDto extends LoginDto {}

/** Who unlocked the booth's settings (shown in the booth's dialog). */
export class FacilitatorUnlockView {
  @ApiProperty({ example: 'Fanny Facilitatrice' })
  displayName!: string;
}
