/**
 * SMS length accounting (3GPP TS 23.038). A message stays in GSM-7 (160 septets, 153 per part when
 * concatenated) when every character is in the basic table or the extension table (the latter costs
 * an escape + the character, 2 septets); one character outside both switches the whole message to
 * UCS-2 (70 UTF-16 units, 67 per part). French text keeps its accents whenever that stays cheap:
 * see measureSms for the order of choices.
 * Imported by the client too (the mass-cancellation message counter): keep it free of server code.
 */

// The basic table, in code order; 0x1B (escape) is not a character of its own.
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ' +
  'ÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§' +
  '¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENSION = '\f^{}\\[~]|€';

const BASIC_SET = new Set(BASIC);
const EXTENSION_SET = new Set(EXTENSION);

/**
 * Replacements that keep the meaning of French text: accents GSM-7 lacks lose them (ê → e, ç → c:
 * GSM-7 has only the capital Ç), typographic quotes and spaces become their plain forms.
 */
const TRANSLITERATION: Readonly<Record<string, string>> = {
  â: 'a', ç: 'c', ê: 'e', ë: 'e', î: 'i', ï: 'i', ô: 'o', û: 'u', ÿ: 'y', á: 'a', í: 'i', ó: 'o', ú: 'u',
  À: 'A', Â: 'A', È: 'E', Ê: 'E', Ë: 'E', Î: 'I', Ï: 'I', Ô: 'O', Ù: 'U', Û: 'U', Ÿ: 'Y',
  œ: 'oe', Œ: 'OE', '«': '"', '»': '"', '“': '"', '”': '"', '„': '"', '‘': "'", '’': "'", '‚': "'",
  '–': '-', '—': '-', '‐': '-', '…': '...', '\u00a0': ' ', '\u202f': ' ', '\u2009': ' ', '\t': ' ',
  '•': '-', '°': 'o',
};

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsMeasure {
  /** The text as it will be sent (transliterated when that keeps it in GSM-7). */
  text: string;
  encoding: SmsEncoding;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
}

const isGsm7 = (ch: string): boolean => BASIC_SET.has(ch) || EXTENSION_SET.has(ch);

/** Septets one character costs in GSM-7, or null when it is not representable. */
export function gsm7Septets(ch: string): 1 | 2 | null {
  if (BASIC_SET.has(ch)) return 1;
  if (EXTENSION_SET.has(ch)) return 2;
  return null;
}

/** Replaces the characters GSM-7 lacks by their listed equivalents; others are left as they are. */
export function transliterate(text: string): string {
  let out = '';
  for (const ch of text) out += isGsm7(ch) ? ch : (TRANSLITERATION[ch] ?? ch);
  return out;
}

/**
 * Counts parts the way handsets split them: an escape pair (GSM-7) or a surrogate pair (UCS-2) is
 * never cut between two parts, so a part may hold one unit less than its nominal size.
 */
function countSegments(costs: number[], single: number, multi: number): { units: number; segments: number } {
  const units = costs.reduce((a, b) => a + b, 0);
  if (units <= single) return { units, segments: units === 0 ? 0 : 1 };
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > multi) {
      segments++;
      used = 0;
    }
    used += cost;
  }
  return { units, segments };
}

/**
 * A text that does not fit GSM-7 is still sent as written in UCS-2 up to this many parts: a short
 * message keeps its "ê" and "ç" for at most twice the price; a longer one loses them instead.
 */
export const UCS2_MAX_SEGMENTS = 2;

const measureGsm7 = (text: string, chars: string[]): SmsMeasure => ({ text, encoding: 'GSM-7', ...countSegments(chars.map((c) => gsm7Septets(c)!), 160, 153) });
const measureUcs2 = (text: string): SmsMeasure => ({ text, encoding: 'UCS-2', ...countSegments([...text].map((c) => c.length), 70, 67) });

/**
 * Picks the text and encoding of one SMS, and counts its parts:
 * 1. the text as written when GSM-7 carries it (é è ù à ì ò É Ç are in GSM-7);
 * 2. else, as written in UCS-2 when that takes at most UCS2_MAX_SEGMENTS parts;
 * 3. else, with only the characters GSM-7 lacks transliterated (ê → e, ç → c, ’ → '), when that
 *    makes it GSM-7;
 * 4. else (an emoji, a name in another script) as written in UCS-2, whatever its length.
 */
export function measureSms(input: string): SmsMeasure {
  const chars = [...input];
  if (chars.every(isGsm7)) return measureGsm7(input, chars);
  const ucs2 = measureUcs2(input);
  if (ucs2.segments <= UCS2_MAX_SEGMENTS) return ucs2;
  const text = transliterate(input);
  const transliterated = [...text];
  return transliterated.every(isGsm7) ? measureGsm7(text, transliterated) : ucs2;
}
