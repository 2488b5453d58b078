import { ApiProperty } from '@nestjs/swagger';
import { ROLES, Role } from '../../auth/roles';

/** The signed-in person's own account ("Mon compte"). */
export class MyAccountView {
  @ApiProperty()
  email!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role!: Role;

  @ApiProperty({ description: 'Signs in with a password (which can be changed here)' })
  hasPassword!: boolean;

  @ApiProperty({ type: String, enum: ['oidc'], nullable: true })
  provider!: 'oidc' | null;
}
