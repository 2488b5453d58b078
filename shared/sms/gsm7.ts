/**
 * SMS length accounting (3GPP TS 23.038). A message stays in GSM-7 (160 septets, 153 per part when
 * concatenated) when every character is in the basic table or the extension table (the latter costs
 * an escape + the character, 2 septets); one character outside both switches the whole message to
 * UCS-2 (70 UTF-16 units, 67 per part). Common French characters that GSM-7 lacks are transliterated
 * first, because a UCS-2 SMS costs more than twice as much for the same text.
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

/** Transliterates, picks the encoding and counts the parts of one SMS. */
export function measureSms(input: string): SmsMeasure {
  const text = transliterate(input);
  const chars = [...text];
  if (chars.every(isGsm7)) {
    return { text, encoding: 'GSM-7', ...countSegments(chars.map((c) => gsm7Septets(c)!), 160, 153) };
  }
  // Not representable in GSM-7 even after transliteration (an emoji, a name in another script):
  // the original text goes in UCS-2, which carries every character as it was written.
  const original = [...input];
  return { text: input, encoding: 'UCS-2', ...countSegments(original.map((c) => c.length), 70, 67) };
}
