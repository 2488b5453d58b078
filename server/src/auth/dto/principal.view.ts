import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { ROLES, Role } from '../roles';

/** A signed-in account, as the client learns it (never the session id or a token hash). */
export class UserPrincipalView {
  @ApiProperty({ enum: ['user'] })
  kind!: 'user';

  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role!: Role;

  @ApiProperty({ example: 'Antoine Agent' })
  displayName!: string;

  @ApiProperty({ type: String, nullable: true, example: '45' })
  departement!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  msapSiteId!: string | null;

  @ApiProperty({ description: 'Sent back in the X-CSRF-Token header of state-changing calls' })
  csrfToken!: string;
}

/** A paired booth terminal. */
export class DevicePrincipalView {
  @ApiProperty({ enum: ['device'] })
  kind!: 'device';

  @ApiProperty({ format: 'uuid' })
  deviceId!: string;

  @ApiProperty({ format: 'uuid' })
  boothId!: string;

  @ApiProperty({ format: 'uuid' })
  msapSiteId!: string;

  @ApiProperty({ description: 'Sent back in the X-CSRF-Token header of state-changing calls' })
  csrfToken!: string;
}

/** For @ApiOkResponse with @ApiExtraModels(UserPrincipalView, DevicePrincipalView). */
export const PRINCIPAL_SCHEMA = {
  oneOf: [{ $ref: getSchemaPath(UserPrincipalView) }, { $ref: getSchemaPath(DevicePrincipalView) }],
};

export class LoginProvidersView {
  @ApiProperty()
  password!: boolean;

  @ApiProperty({ description: 'OpenID Connect (ProConnect) is enabled' })
  oidc!: boolean;
}
