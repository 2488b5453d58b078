import type { OpenAPIObject } from '@nestjs/swagger';
import { ERROR_CODES, FIELD_ERROR_CODES } from './error-codes';

/**
 * Describes the one error shape in the API document: the codes (top-level and per field) as
 * enumerations, and every operation's `default` response pointing at it, so a client generated from
 * the document knows every reason it can be refused with.
 */
export function documentErrors(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components ??= {}).schemas ?? {};
  document.components.schemas = schemas;
  schemas.ErrorCode = { type: 'string', enum: [...ERROR_CODES] };
  schemas.FieldErrorCode = { type: 'string', enum: [...FIELD_ERROR_CODES] };
  schemas.FieldErrors = {
    type: 'object',
    description: 'Field path → codes, nested like the request body, e.g. {"citizen": {"phone": ["INVALID_PHONE"]}}.',
    additionalProperties: {
      oneOf: [{ type: 'array', items: { $ref: '#/components/schemas/FieldErrorCode' } }, { $ref: '#/components/schemas/FieldErrors' }],
    },
  };
  schemas.ErrorBody = {
    type: 'object',
    required: ['statusCode', 'code', 'message'],
    properties: {
      statusCode: { type: 'integer', example: 422 },
      code: { $ref: '#/components/schemas/ErrorCode' },
      message: { type: 'string', description: 'For developers, in English; clients word the code for their users.' },
      errors: { $ref: '#/components/schemas/FieldErrors' },
      requestId: { type: 'string' },
    },
  };
  for (const path of Object.values(document.paths)) {
    for (const operation of [path.get, path.put, path.post, path.delete, path.patch]) {
      if (!operation) continue;
      operation.responses.default ??= {
        description: 'Refused: the code says why, `errors` which fields',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
      };
    }
  }
  return document;
}
