import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldErrors } from '../errors/domain.error';

function toFieldErrors(errors: ValidationError[]): FieldErrors {
  const out: FieldErrors = {};
  for (const error of errors) {
    if (error.children && error.children.length > 0) {
      out[error.property] = toFieldErrors(error.children);
    } else {
      out[error.property] = Object.values(error.constraints ?? { invalid: `${error.property} is invalid` });
    }
  }
  return out;
}

/** The global pipe: strips nothing silently, rejects unknown fields, answers a nested error tree. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) =>
      new DomainError('VALIDATION_FAILED', 'Some fields are invalid.', toFieldErrors(errors)),
  });
}
