import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from './domain.error';
import { ErrorCode, HTTP_STATUS_BY_CODE } from './error-codes';

interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  errors?: unknown;
  requestId?: string;
}

function codeForHttpStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'VALIDATION_FAILED';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 422:
      return 'VALIDATION_FAILED';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'SERVICE_UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED';
  }
}

/** Maps every error to one JSON shape; a client's mistake is never answered with a 500. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: string }>();
    const body = this.toBody(exception, request);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, 'unhandled error');
    }
    if (exception instanceof DomainError && exception.retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, request: Request & { id?: string }): ErrorBody {
    const requestId = request.id;
    if (exception instanceof DomainError) {
      return {
        statusCode: HTTP_STATUS_BY_CODE[exception.code],
        code: exception.code,
        message: exception.message,
        ...(exception.fields ? { errors: exception.fields } : {}),
        requestId,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      const message =
        status === HttpStatus.NOT_FOUND
          ? `No route for ${request.method} ${request.path}`
          : typeof res === 'string'
            ? res
            : String((res as { message?: unknown }).message ?? exception.message);
      return { statusCode: status, code: codeForHttpStatus(status), message, requestId };
    }
    // A character PostgreSQL cannot store that slipped past validation (NUL is refused up front).
    if (UNSTORABLE_TEXT.has(pgCode(exception) ?? '')) {
      return { statusCode: 422, code: 'VALIDATION_FAILED', message: 'The text contains a character that cannot be stored.', requestId };
    }
    return { statusCode: 500, code: 'INTERNAL', message: 'Internal server error.', requestId };
  }
}

/** invalid_byte_sequence_for_encoding, untranslatable_character, character_not_in_repertoire. */
const UNSTORABLE_TEXT = new Set(['22021', '22P05', '22P06']);

function pgCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const driver = (error as { driverError?: { code?: unknown } }).driverError;
  const code = driver?.code ?? (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
