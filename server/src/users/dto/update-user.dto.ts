import { Role } from '../../auth/roles';
import { DepartementField, TextField } from '../../directory/dto/directory-fields';
import { AgentTitleField, AttachmentId, RoleField } from './account-fields';

/**
 * The fields to change; the others keep their value. Afterwards the account must have what its
 * role needs (a département, an MSAP, an administration) and nothing another role uses: a
 * coordinator made facilitator sends `role` and `msapSiteId`, and loses the département.
 */
export class UpdateUserDto {
  @TextField('displayName', 120, { optional: true })
  displayName?: string;

  @RoleField({ optional: true })
  role?: Role;

  @DepartementField({ optional: true })
  departement?: string;

  @AttachmentId('msapSiteId')
  msapSiteId?: string;

  @AttachmentId('administrationId')
  administrationId?: string;

  @AgentTitleField()
  agentTitle?: string;
}
