import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api';
import type { ShownError } from '../../lib/api-errors';

/** The server's English field messages, as the French the page shows under each field. */
const MESSAGES: Array<[RegExp, string]> = [
  [/retired booth/, 'directory.errors.nameRetired'],
  [/already used/, 'directory.errors.nameTaken'],
  [/scheduled consultation/, 'directory.errors.bookingsAhead'],
  [/already retired/, 'directory.errors.alreadyRetired'],
  [/outside your département/, 'directory.errors.outsideDepartement'],
  [/postalCode must/, 'directory.errors.postalCode'],
  [/departement must/, 'directory.errors.departement'],
  [/at most \d+ characters/, 'directory.errors.tooLong'],
  [/give at least one/, 'directory.errors.nothingToChange'],
  [/must not be empty|must be a string|should not be empty|must be defined/, 'directory.errors.required'],
];

function translate(t: TFunction, raw: string): string {
  for (const [pattern, key] of MESSAGES) {
    if (pattern.test(raw)) {
      return t(key, { max: /at most (\d+)/.exec(raw)?.[1], count: Number(/(\d+) scheduled/.exec(raw)?.[1] ?? 0) });
    }
  }
  return t('directory.errors.invalid');
}

/** A failed directory call: one sentence on top naming the fields, and a message under each field. */
export function describeDirectoryError(t: TFunction, error: unknown): ShownError {
  if (!(error instanceof ApiError)) return { summary: t('directory.errors.generic'), fields: {} };
  const fields: Record<string, string> = {};
  for (const [field, value] of Object.entries(error.fields ?? {})) {
    if (Array.isArray(value)) fields[field] = translate(t, String(value[0] ?? ''));
  }
  const named = Object.entries(fields)
    .map(([field, message]) => `${t(`directory.fields.${field}`, { defaultValue: field })} : ${message}`)
    .join(' ; ');
  switch (error.status) {
    case 0:
      return { summary: t('directory.errors.network'), fields };
    case 409:
      return { summary: `${t('directory.errors.conflict')} ${named}`, fields };
    case 400:
    case 422:
      return { summary: `${t('directory.errors.summary')} ${named}`, fields };
    case 403:
      return { summary: named ? `${t('directory.errors.forbidden')} ${named}` : t('directory.errors.forbidden'), fields };
    case 404:
      return { summary: t('directory.errors.notFound'), fields };
    default:
      return { summary: t('directory.errors.generic'), fields };
  }
}

/** Fields left empty, checked before sending: the same summary and field messages as the server's. */
export function missingFieldsError(t: TFunction, missing: readonly string[]): ShownError {
  const required = t('directory.errors.required');
  return {
    summary: `${t('directory.errors.summary')} ${missing.map((f) => `${t(`directory.fields.${f}`)} : ${required}`).join(' ; ')}`,
    fields: Object.fromEntries(missing.map((f) => [f, required])),
  };
}
