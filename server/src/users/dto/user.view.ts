import { ApiProperty } from '@nestjs/swagger';
import { ROLES, Role } from '../../auth/roles';
import type { UserEntity } from '../entities/user.entity';

/** An account as administrators list it (never its credentials). */
export class UserView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'agent@demo.visio-msap.fr' })
  email!: string;

  @ApiProperty({ example: 'Antoine Agent' })
  displayName!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role!: Role;

  @ApiProperty({ type: String, nullable: true })
  departement!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  msapSiteId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Set once the account is disabled' })
  disabledAt!: string | null;

  @ApiProperty()
  createdAt!: string;
}

export function toUserView(u: UserEntity): UserView {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    departement: u.departement,
    msapSiteId: u.msapSiteId,
    disabledAt: u.disabledAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}
