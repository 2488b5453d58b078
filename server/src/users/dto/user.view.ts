import { ApiProperty } from '@nestjs/swagger';
import { ACCOUNT_STATUSES, AccountStatus } from '../../../../shared/accounts/accounts';
import { ROLES, Role } from '../../auth/roles';

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

  @ApiProperty({ enum: ACCOUNT_STATUSES, enumName: 'AccountStatus' })
  status!: AccountStatus;

  @ApiProperty({ type: String, nullable: true, description: 'A coordinator’s département' })
  departement!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'A facilitator’s MSAP' })
  msapSiteId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'An agent’s administration' })
  administrationId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'An agent’s title' })
  agentTitle!: string | null;

  @ApiProperty({ description: 'Signs in with a password' })
  hasPassword!: boolean;

  @ApiProperty({ type: String, enum: ['oidc'], nullable: true, description: 'Linked to the identity provider (ProConnect) on a first sign-in there' })
  provider!: 'oidc' | null;

  @ApiProperty({ type: String, nullable: true, description: 'End of the last link sent (invitation or reset) while it is neither used nor replaced' })
  linkExpiresAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Set once the account is disabled' })
  disabledAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'When retention erased the account (disabled for too long)' })
  pseudonymisedAt!: string | null;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty({ description: 'Consultations still to hold (an agent’s): disabling the account leaves them to hand over or cancel' })
  consultationsAhead!: number;
}
