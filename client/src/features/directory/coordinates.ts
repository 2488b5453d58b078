import type { TFunction } from 'i18next';
import type { ShownError } from '../../lib/api-errors';

/**
 * A coordinate as typed, with a French decimal comma or a point: a number of degrees, null when
 * left empty (no position), undefined when it is not a number.
 */
export function parseCoordinate(text: string): number | null | undefined {
  const plain = text.trim().replace(',', '.');
  if (plain === '') return null;
  return /^[-+]?\d+(\.\d+)?$/.test(plain) ? Number(plain) : undefined;
}

/** Degrees written the French way (47,9029); empty for none. */
export const showCoordinate = (value: number | null | undefined): string => (value === null || value === undefined ? '' : String(value).replace('.', ','));

/** What the form's two boxes say, as the API takes them; the range and the pairing are the server's to check. */
export function readPosition(t: TFunction, fields: readonly [string, string], texts: readonly [string, string]): { position: [number | null, number | null] } | { error: ShownError } {
  const parsed = texts.map(parseCoordinate);
  const wrong = fields.filter((_, i) => parsed[i] === undefined);
  if (wrong.length === 0) return { position: [parsed[0] ?? null, parsed[1] ?? null] };
  const message = t('directory.fields.coordinateInvalid');
  return {
    error: {
      summary: `${t('errors.codes.VALIDATION_FAILED')} ${wrong.map((f) => `${t(`directory.fields.${f}`)} : ${message}`).join(' ; ')}.`,
      fields: Object.fromEntries(wrong.map((f) => [f, message])),
    },
  };
}
