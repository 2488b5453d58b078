import { Role } from '../../auth/roles';
import { RoleField } from './account-fields';

export class ChangeRoleDto {
  @RoleField()
  role!: Role;
}
