import { ApiProperty } from '@nestjs/swagger';
import { Role } from '../../auth/roles';
import { NormalizedEmail } from '../../common/http/email.decorator';
import { DepartementField, TextField } from '../../directory/dto/directory-fields';
import { AgentTitleField, AttachmentId, NewPassword, RoleField } from './account-fields';

/**
 * A new account and what its role is attached to: a département for a coordinator, an MSAP for a
 * facilitator, an administration for an agent (checked by the service, which also refuses another
 * role's attachment). Without `password` (the UI's way), the person is invited by e-mail to choose one.
 */
export class CreateUserDto {
  @ApiProperty({ example: 'camille.martin@loiret.gouv.fr' })
  @NormalizedEmail()
  email!: string;

  @TextField('displayName', 120, { example: 'Camille Martin' })
  displayName!: string;

  @RoleField()
  role!: Role;

  /** Scripts and tests only: the account is active at once, and no invitation is sent. */
  @NewPassword({ optional: true })
  password?: string;

  @DepartementField({ optional: true })
  departement?: string;

  @AttachmentId('msapSiteId')
  msapSiteId?: string;

  @AttachmentId('administrationId')
  administrationId?: string;

  @AgentTitleField()
  agentTitle?: string;
}
