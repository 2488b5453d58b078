import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { SignallingError } from './signalling-error';

const describe = (errors: ValidationError[]): string =>
  errors
    .map((e) => Object.values(e.constraints ?? { invalid: `${e.property} is invalid` }).join(', '))
    .join('; ');

/** The WebSocket counterpart of the HTTP ValidationPipe: unknown fields and wrong types are refused. */
export async function validateRequest<T extends object>(dto: ClassConstructor<T>, data: unknown): Promise<T> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new SignallingError('VALIDATION_FAILED', 'data must be an object.');
  }
  const instance = plainToInstance(dto, data);
  // forbidUnknownValues off: it rejects DTOs without decorators (EmptyDto); whitelisting still refuses
  // every field the DTO does not declare.
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false });
  if (errors.length > 0) throw new SignallingError('VALIDATION_FAILED', describe(errors));
  return instance;
}
