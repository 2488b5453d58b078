/**
 * Citizens' phone numbers: how a typed number is written down (E.164), whether it is one at all, and
 * whether it can receive an SMS. One rule for the booking form, the API's validation and the outbox
 * (which sends an SMS only to a number this rule calls a mobile, and puts the others on the list of
 * citizens to call). Imported by the client too: keep it free of server code.
 *
 * NOTE: only the French numbering plan is known here: metropolitan France (+33) and the overseas
 * départements that share its plan (Réunion and Mayotte +262, Guadeloupe +590, Guyane +594,
 * Martinique +596). For any other country code, telling a mobile from a landline needs the per-country
 * tables of a library such as libphonenumber-js; it is in node_modules only as a dependency of
 * class-validator (not one of ours, and its mobile metadata would add ~100 kB to the client), so an
 * international number is taken as a mobile: its SMS is sent, and a provider refusal shows in the outbox.
 */

/** Country codes of the French numbering plan: 9 digits follow each of them. */
const FRENCH_PLAN = '(?:33|262|590|594|596)';

/** Any number written in E.164, with the French plan's length checked. Also a PostgreSQL regular expression. */
export const VALID_PHONE = new RegExp(`^\\+(?:${FRENCH_PLAN}\\d{9}|(?!${FRENCH_PLAN})[1-9]\\d{7,14})$`);

/**
 * The numbers an SMS can reach: French mobiles (06, 07), the overseas mobile ranges (0692/0693
 * Réunion, 0639 Mayotte, 0690/0691 Guadeloupe, 0694 Guyane, 0696/0697 Martinique), and every number
 * of another country (see the note above). Written so that PostgreSQL reads it the same way
 * (`citizen_phone ~ SMS_CAPABLE.source`): lookahead and non-capturing groups only.
 */
export const SMS_CAPABLE = new RegExp(
  `^\\+(?:33[67]\\d{8}|262(?:69[23]|639)\\d{6}|590(?:69[01])\\d{6}|594694\\d{6}|596(?:69[67])\\d{6}|(?!${FRENCH_PLAN})[1-9]\\d{7,14})$`,
);

export type PhoneKind = 'mobile' | 'not_mobile' | 'invalid';

/** A normalised number (see normalizePhone): a mobile, a number that cannot receive an SMS (a landline, 08…), or not a number. */
export function classifyPhone(e164: string): PhoneKind {
  if (!VALID_PHONE.test(e164)) return 'invalid';
  return SMS_CAPABLE.test(e164) ? 'mobile' : 'not_mobile';
}

/**
 * French landlines, where staff call a citizen who has no mobile: 01 to 05 and 09 (internet boxes)
 * in metropolitan France, and the overseas ones dialled 0262/0263/0269 (Réunion, Mayotte), 0590,
 * 0594, 0596. Never sent an SMS. 08 numbers (services) are no one's home phone: not landlines here.
 * Written for PostgreSQL too, like SMS_CAPABLE.
 */
export const FRENCH_LANDLINE = /^\+(?:33[1-59]\d{8}|262(?:26[239])\d{6}|590590\d{6}|594594\d{6}|596596\d{6})$/;

/**
 * What a number typed where a landline is asked for is: a French landline, a number an SMS can
 * reach (a mobile, or a foreign number taken as one: it belongs in the mobile field), another
 * number (08…), or not a number.
 */
export type LandlineKind = 'landline' | 'mobile' | 'other' | 'invalid';

/** A normalised number (see normalizePhone), as the landline field sees it. */
export function classifyLandline(e164: string): LandlineKind {
  if (!VALID_PHONE.test(e164)) return 'invalid';
  if (FRENCH_LANDLINE.test(e164)) return 'landline';
  return SMS_CAPABLE.test(e164) ? 'mobile' : 'other';
}

/** National prefixes of the overseas départements, after the leading 0, and their country code. */
const OVERSEAS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:26[239]|639|69[23])/, '262'],
  [/^(?:590|69[01])/, '590'],
  [/^(?:594|694)/, '594'],
  [/^(?:596|69[67])/, '596'],
];

/**
 * "06 12 34 56 78" → "+33612345678", "0692 12 34 56" → "+262692123456" (a Réunion mobile dialled in
 * France), "0033…" → "+33…", "+33 (0)6…" → "+336…". Anything else is returned compacted, for the
 * validation to refuse.
 */
export function normalizePhone(input: string): string {
  let compact = input.replace(/[\s.\-()/]/g, '');
  if (compact.startsWith('00')) compact = `+${compact.slice(2)}`;
  // "+33 (0)6 12…" is a common way of writing a French number internationally.
  if (/^\+330\d{9}$/.test(compact)) compact = `+33${compact.slice(4)}`;
  if (/^0\d{9}$/.test(compact)) {
    const national = compact.slice(1);
    const code = OVERSEAS.find(([prefix]) => prefix.test(national))?.[1] ?? '33';
    return `+${code}${national}`;
  }
  return compact;
}

/**
 * How a number is shown and said: French plan numbers the French way ("06 12 34 56 78",
 * "02 62 12 34 56"), others in their international form.
 */
export function displayPhone(e164: string): string {
  const french = /^\+(33|262|590|594|596)(\d{9})$/.exec(e164);
  if (!french) return e164;
  // Dialled from France, every number of the plan is 0 + its 9 digits (overseas ones start 0262, 0692…).
  return `0${french[2]!}`.replace(/(\d{2})(?=\d)/g, '$1 ');
}

/** How a citizen can be told of a change: SMS to a mobile, e-mail; neither means a phone call by staff. */
export function citizenChannels(contact: { phone: string | null; email: string | null }): { sms: boolean; email: boolean } {
  return { sms: contact.phone !== null && classifyPhone(contact.phone) === 'mobile', email: contact.email !== null && contact.email !== '' };
}
