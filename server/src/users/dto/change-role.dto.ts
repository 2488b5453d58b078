import { IsIn } from 'class-validator';
import { ROLES, Role } from '../../auth/roles';

export class ChangeRoleDto {
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;
}
