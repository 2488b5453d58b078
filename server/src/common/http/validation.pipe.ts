import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain.error';
import type { FieldErrorCode, FieldErrors } from '../errors/error-codes';

/** class-validator's constraint names, as the API's field codes. */
const CODE_BY_CONSTRAINT: Record<string, FieldErrorCode> = {
  isDefined: 'REQUIRED',
  isNotEmpty: 'REQUIRED',
  arrayNotEmpty: 'REQUIRED',
  isNotEmptyObject: 'REQUIRED',
  whitelistValidation: 'UNKNOWN_FIELD',
  unknownValue: 'INVALID_TYPE',
  isString: 'INVALID_TYPE',
  isInt: 'INVALID_TYPE',
  isNumber: 'INVALID_TYPE',
  isBoolean: 'INVALID_TYPE',
  isObject: 'INVALID_TYPE',
  isArray: 'INVALID_TYPE',
  nestedValidation: 'INVALID_TYPE',
  isUuid: 'INVALID_ID',
  isIso8601: 'INVALID_DATE_TIME',
  isEmail: 'INVALID_EMAIL',
  matches: 'INVALID_FORMAT',
  isIn: 'NOT_ALLOWED',
  isEnum: 'NOT_ALLOWED',
  minLength: 'TOO_SHORT',
  maxLength: 'TOO_LONG',
  arrayMinSize: 'TOO_SHORT',
  arrayMaxSize: 'TOO_MANY',
  min: 'TOO_SMALL',
  max: 'TOO_LARGE',
};

/**
 * The codes of one property's failed constraints: a decorator's own `context: { code }` first (a
 * phone number's pattern says INVALID_PHONE, not INVALID_FORMAT), then the constraint's usual code.
 * A value left out is REQUIRED, whatever else its rules would say of nothing.
 */
function codesOf(error: ValidationError): FieldErrorCode[] {
  const constraints = Object.keys(error.constraints ?? {});
  if ((error.value === undefined || error.value === null) && !constraints.includes('whitelistValidation')) return ['REQUIRED'];
  const codes = constraints.map((name) => (error.contexts?.[name]?.code as FieldErrorCode | undefined) ?? CODE_BY_CONSTRAINT[name] ?? 'INVALID_FORMAT');
  return [...new Set(codes.length > 0 ? codes : (['INVALID_FORMAT'] as FieldErrorCode[]))];
}

export function toFieldErrors(errors: ValidationError[]): FieldErrors {
  const out: FieldErrors = {};
  for (const error of errors) {
    out[error.property] = error.children && error.children.length > 0 ? toFieldErrors(error.children) : codesOf(error);
  }
  return out;
}

/** The global pipe: strips nothing silently, rejects unknown fields, answers a nested tree of codes. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => new DomainError('VALIDATION_FAILED', describe(errors), toFieldErrors(errors)),
  });
}

/** The English message for developers: class-validator's own sentences. */
function describe(errors: ValidationError[], prefix = ''): string {
  return errors
    .flatMap((e) => (e.children?.length ? [describe(e.children, `${prefix}${e.property}.`)] : Object.values(e.constraints ?? {}).map((m) => `${prefix}${m}`)))
    .join('; ');
}
