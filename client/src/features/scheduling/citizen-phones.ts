import { classifyLandline, classifyPhone, displayPhone, FRENCH_LANDLINE, normalizePhone } from '@shared/sms/phone';

/** The booking's two phone fields: the mobile (SMS) and the landline (to be called). */
export type PhoneField = 'phone' | 'landline';

/** Why a phone field would be refused, and the other field the number belongs in, when it does. */
export interface PhoneProblem {
  code: 'INVALID_PHONE' | 'NOT_A_MOBILE' | 'NOT_A_LANDLINE';
  belongsIn: PhoneField | null;
}

/**
 * The server's rule (shared/sms/phone.ts) on a field as typed, checked before anything is sent: a
 * landline typed as the mobile belongs in the landline field, a mobile (or a foreign number) typed
 * as the landline in the mobile field. An 08 number belongs in neither. Empty: nothing to say.
 */
export function phoneProblem(field: PhoneField, typed: string): PhoneProblem | null {
  const text = typed.trim();
  if (text === '') return null;
  const e164 = normalizePhone(text);
  if (field === 'phone') {
    const kind = classifyPhone(e164);
    if (kind === 'mobile') return null;
    if (kind === 'invalid') return { code: 'INVALID_PHONE', belongsIn: null };
    return { code: 'NOT_A_MOBILE', belongsIn: FRENCH_LANDLINE.test(e164) ? 'landline' : null };
  }
  const kind = classifyLandline(e164);
  if (kind === 'landline') return null;
  if (kind === 'invalid') return { code: 'INVALID_PHONE', belongsIn: null };
  return { code: 'NOT_A_LANDLINE', belongsIn: kind === 'mobile' ? 'phone' : null };
}

/** A number moved to the other field, written the way it is read out ("02 38 30 12 34"). */
export const movedNumber = (typed: string): string => displayPhone(normalizePhone(typed.trim()));
