import type { TFunction } from 'i18next';
import { PASSWORD_MIN_LENGTH } from '@shared/accounts/accounts';
import { describeError, fieldMessage, type ShownError } from '../../lib/api-errors';

/** A failed accounts call: its reason on top naming the fields, and a message under each field. */
export const describeAccountError = (t: TFunction, error: unknown): ShownError => describeError(t, error, 'accounts.fields');

/** Problems found before sending (fields left empty, passwords that differ), worded like the server's. */
export function formError(t: TFunction, problems: ReadonlyArray<readonly [field: string, message: string]>): ShownError | null {
  if (problems.length === 0) return null;
  return {
    summary: `${t('errors.codes.VALIDATION_FAILED')} ${problems.map(([f, m]) => `${t(`accounts.fields.${f}`)} : ${m}`).join(' ; ')}.`,
    fields: Object.fromEntries(problems),
  };
}

export const requiredMessage = (t: TFunction) => fieldMessage(t, 'REQUIRED');

/** A new password and its confirmation, checked as the API will (length) and for typing slips (match). */
export function newPasswordProblems(t: TFunction, password: string, confirm: string, field = 'newPassword'): Array<[string, string]> {
  if (password.length === 0) return [[field, requiredMessage(t)]];
  if (password.length < PASSWORD_MIN_LENGTH) return [[field, fieldMessage(t, 'PASSWORD_TOO_SHORT')]];
  if (password !== confirm) return [['confirmPassword', t('accounts.password.mismatch')]];
  return [];
}
