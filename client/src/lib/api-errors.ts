import type { TFunction } from 'i18next';
import { ERROR_CODES, FIELD_ERROR_CODES, type ErrorCode, type FieldErrorCode, type FieldErrors } from '@shared/errors/error-codes';
import { ApiError } from './api';

/** A failed call as the forms show it: one sentence on top, and messages under the fields concerned. */
export interface ShownError {
  summary: string;
  fields: Record<string, string>;
}

const isErrorCode = (code: string): code is ErrorCode => (ERROR_CODES as readonly string[]).includes(code);
const isFieldCode = (code: unknown): code is FieldErrorCode => typeof code === 'string' && (FIELD_ERROR_CODES as readonly string[]).includes(code);

/** The API's nested tree of codes ({ citizen: { phone: ['INVALID_PHONE'] } }) as dotted paths → first code. */
function flatten(tree: FieldErrors, prefix = ''): Array<[string, FieldErrorCode | null]> {
  const out: Array<[string, FieldErrorCode | null]> = [];
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(value)) out.push([path, isFieldCode(value[0]) ? value[0] : null]);
    else if (value && typeof value === 'object') out.push(...flatten(value, path));
  }
  return out;
}

/** The words for one field's code; a code this client does not know yet reads as "valeur invalide". */
export function fieldMessage(t: TFunction, code: FieldErrorCode | null): string {
  return t(`errors.fields.${code ?? 'INVALID_TYPE'}`);
}

/** The words for an error's code (a newer server's unknown code reads as a generic error). */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unknown');
  if (error.status === 0) return t('errors.network');
  return isErrorCode(error.code) ? t(`errors.codes.${error.code}`) : t('errors.unknown');
}

/**
 * A refusal in French from its codes alone (never from the server's English message): the code's
 * sentence (for VALIDATION_FAILED followed by each field named, `fieldNames` being the form's i18n
 * prefix for field labels), and each field's own reason to show under it.
 */
export function describeError(t: TFunction, error: unknown, fieldNames = 'scheduling.fieldNames'): ShownError {
  const fields: Record<string, string> = {};
  if (error instanceof ApiError) for (const [path, code] of flatten(error.fields ?? {})) fields[path] = fieldMessage(t, code);
  const named = Object.entries(fields).map(([path, message]) => `${t(`${fieldNames}.${path}`, { defaultValue: path })} : ${message}`);
  const summary = errorMessage(t, error);
  // A precise code says it all (BOOTH_TAKEN); a generic refusal is explained by its fields.
  const general = error instanceof ApiError && error.code === 'VALIDATION_FAILED';
  return { summary: general && named.length > 0 ? `${summary} ${named.join(' ; ')}.` : summary, fields };
}
