import { ApiProperty } from '@nestjs/swagger';
import { PASSWORD_LINK_PURPOSES, PasswordLinkPurpose } from '../../../../shared/accounts/accounts';

/** What the page behind a one-time link shows before the password is chosen. */
export class PasswordTokenView {
  @ApiProperty({ enum: PASSWORD_LINK_PURPOSES, enumName: 'PasswordLinkPurpose' })
  purpose!: PasswordLinkPurpose;

  @ApiProperty({ description: 'The account’s e-mail, to sign in with afterwards' })
  email!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty()
  expiresAt!: string;
}
