import { NormalizedEmail } from '../../common/http/email.decorator';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ROLES, Role } from '../../auth/roles';

const DEPARTEMENT = /^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/;

export class CreateUserDto {
  @NormalizedEmail()
  email!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(120)
  displayName!: string;

  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;

  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(512)
  password!: string;

  @ValidateIf((dto: CreateUserDto) => dto.role === 'coordinator' || dto.departement !== undefined)
  @Matches(DEPARTEMENT, { message: 'departement must be a French département code (e.g. 45, 2A, 974)', context: { code: 'INVALID_DEPARTEMENT' } })
  departement?: string;

  @ValidateIf((dto: CreateUserDto) => dto.role === 'facilitator' || dto.msapSiteId !== undefined)
  @IsUUID('4', { message: 'msapSiteId must be the id of an MSAP site' })
  msapSiteId?: string;

  @ValidateIf((dto: CreateUserDto) => dto.role === 'agent' || dto.administrationId !== undefined)
  @IsUUID('4', { message: 'administrationId must be the id of an administration' })
  administrationId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(120)
  agentTitle?: string;
}
