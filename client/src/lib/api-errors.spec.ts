import type { TFunction } from 'i18next';
import { fr } from '../i18n/fr';
import { ApiError } from './api';
import { describeError, errorMessage } from './api-errors';

/** A key's string in a tree whose own keys may hold dots ('citizen.phone'), as i18next finds it. */
function lookUp(node: unknown, parts: string[]): unknown {
  if (parts.length === 0) return node;
  for (let n = 1; n <= parts.length; n++) {
    const child = (node as Record<string, unknown> | undefined)?.[parts.slice(0, n).join('.')];
    const found = child === undefined ? undefined : lookUp(child, parts.slice(n));
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The French strings themselves, looked up by key (what i18next does with these resources). */
const t = ((key: string, options?: { defaultValue?: string }) => {
  const found = lookUp(fr, key.split('.'));
  return typeof found === 'string' ? found : (options?.defaultValue ?? key);
}) as unknown as TFunction;

describe('describeError', () => {
  it('words a generic refusal by its fields, named, and puts each reason under its field', () => {
    const error = new ApiError(422, 'VALIDATION_FAILED', 'citizen.phone must be…', { citizen: { phone: ['INVALID_PHONE'] } });

    expect(describeError(t, error)).toEqual({
      summary: 'Certains champs sont à corriger. Téléphone : numéro invalide : 06 12 34 56 78 ou format international (+…).',
      fields: { 'citizen.phone': 'numéro invalide : 06 12 34 56 78 ou format international (+…)' },
    });
  });

  it('says a precise code in its own words, never the server’s English message', () => {
    const error = new ApiError(409, 'BOOTH_TAKEN', 'The booth is already booked at that time.', { boothId: ['BOOTH_TAKEN'] });

    expect(describeError(t, error)).toEqual({
      summary: 'Conflit de réservation. Cette cabine est déjà réservée sur ce créneau.',
      fields: { boothId: 'cette cabine est déjà réservée sur ce créneau' },
    });
  });

  it('a network failure, and a code this client does not know yet, read as such', () => {
    expect(errorMessage(t, new ApiError(0, 'NETWORK', 'network'))).toBe(fr.errors.network);
    expect(errorMessage(t, new ApiError(418, 'TEAPOT' as never, 'I am a teapot'))).toBe(fr.errors.unknown);
  });
});
