import { PipeTransform } from '@nestjs/common';
import { DomainError } from '../errors/domain.error';

/** A path parameter from a closed list; anything else is a 422 naming the parameter and the list. */
export function enumParam<T extends string>(name: string, values: readonly T[]): PipeTransform<string, T> {
  return {
    transform(value: string): T {
      if ((values as readonly string[]).includes(value)) return value as T;
      throw new DomainError('VALIDATION_FAILED', `${name} must be one of ${values.join(', ')}.`, { [name]: ['NOT_ALLOWED'] });
    },
  };
}
