import type { TFunction } from 'i18next';
import { describeError, fieldMessage, type ShownError } from '../../lib/api-errors';

/** A failed directory call: its reason on top naming the fields, and a message under each field. */
export function describeDirectoryError(t: TFunction, error: unknown): ShownError {
  return describeError(t, error, 'directory.fields');
}

/** Fields left empty, checked before sending: the same summary and field messages as the server's. */
export function missingFieldsError(t: TFunction, missing: readonly string[]): ShownError {
  const required = fieldMessage(t, 'REQUIRED');
  return {
    summary: `${t('errors.codes.VALIDATION_FAILED')} ${missing.map((f) => `${t(`directory.fields.${f}`)} : ${required}`).join(' ; ')}.`,
    fields: Object.fromEntries(missing.map((f) => [f, required])),
  };
}
