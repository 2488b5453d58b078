import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../../shared/accounts/accounts';
import { ROLES } from '../../auth/roles';

/** Optional fields may be left out, but not sent as null. */
const whenGiven = ValidateIf((_dto: object, value: unknown) => value !== undefined);

/** A password being chosen: the rules the forms announce (shared/accounts), with a field code of its own. */
export const NewPassword = (options: { optional?: boolean } = {}): PropertyDecorator =>
  applyDecorators(
    (options.optional ? ApiPropertyOptional : ApiProperty)({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, format: 'password' }),
    ...(options.optional ? [whenGiven] : []),
    IsString({ message: 'password must be a string' }),
    MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters`, context: { code: 'PASSWORD_TOO_SHORT' } }),
    MaxLength(PASSWORD_MAX_LENGTH),
  );

export const RoleField = (options: { optional?: boolean } = {}): PropertyDecorator =>
  applyDecorators(
    (options.optional ? ApiPropertyOptional : ApiProperty)({ enum: ROLES, enumName: 'Role' }),
    ...(options.optional ? [whenGiven] : []),
    IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` }),
  );

/** The id of an MSAP site or an administration an account is attached to. */
export const AttachmentId = (field: 'msapSiteId' | 'administrationId'): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ format: 'uuid' }),
    whenGiven,
    IsUUID('4', { message: `${field} must be the id of ${field === 'msapSiteId' ? 'an MSAP site' : 'an administration'}` }),
  );

/** What an agent's card says of them ("Conseillère fiscale"); may be emptied. */
export const AgentTitleField = (): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ maxLength: 120, example: 'Conseillère fiscale' }), whenGiven, IsString(), MinLength(0), MaxLength(120));
