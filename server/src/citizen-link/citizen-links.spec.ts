import { stateOf } from './citizen-appointments.service';
import { canonicalToken, LINK_TOKEN, newLinkToken, newPrintableToken, withoutLinkTokens } from './citizen-links';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-03-30T08:00:00Z');
const at = (hours: number) => new Date(NOW + hours * HOUR);

describe('citizen links', () => {
  it('are 22 URL-safe characters carrying 128 random bits, never twice the same', () => {
    const tokens = Array.from({ length: 1000 }, newLinkToken);
    for (const token of tokens) {
      expect(token).toMatch(LINK_TOKEN);
      expect(Buffer.from(token, 'base64url')).toHaveLength(16);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('printed on a slip, use no look-alike characters (i, l, o, 0, 1), in groups of four, taken with or without hyphens', () => {
    const tokens = Array.from({ length: 1000 }, newPrintableToken);
    for (const token of tokens) {
      expect(token).toMatch(/^[a-hj-km-np-z2-9]{4}(-[a-hj-km-np-z2-9]{4}){6}$/);
      expect(token).toMatch(LINK_TOKEN);
      expect(canonicalToken(token)).toBe(token.replace(/-/g, ''));
      expect(canonicalToken(token.replace(/-/g, '').toUpperCase())).toBe(token.replace(/-/g, ''));
    }
    expect(new Set(tokens).size).toBe(tokens.length);
    // Every symbol is drawn: no bias left out of the 31.
    expect(new Set(tokens.join('').replace(/-/g, '')).size).toBe(31);
    // A message's token is hashed as it is (its case and hyphens matter).
    expect(canonicalToken('AbCd-fGhIjKlMnOpQrStUv')).toBe('AbCd-fGhIjKlMnOpQrStUv');
    expect(LINK_TOKEN.test('k7mq-b3xz-9pwd-ahr4-tn2e-6fgc-uv8')).toBe(false);
    expect(LINK_TOKEN.test('k7mq-b3xz-9pwd-ahr4-tn2e-6fgc-uv0s')).toBe(false);
  });

  it('are left out of the request logs, page and API alike', () => {
    expect(withoutLinkTokens('/rdv/AbCdEfGhIjKlMnOpQrStUv')).toBe('/rdv/…');
    expect(withoutLinkTokens('/api/citizen/appointments/AbCdEfGhIjKlMnOpQrStUv/cancel')).toBe('/api/citizen/appointments/…/cancel');
    expect(withoutLinkTokens('/api/consultations?from=x')).toBe('/api/consultations?from=x');
  });

  it.each([
    ['scheduled', 2, 'upcoming'],
    ['scheduled', -0.1, 'started'],
    ['in_progress', -0.1, 'started'],
    ['ended', -0.1, 'started'],
    ['scheduled', -1, 'over'],
    ['done', -1, 'over'],
    ['no_show', -1, 'over'],
    ['cancelled', 2, 'cancelled'],
  ] as const)('a %s appointment starting in %s h is %s for its citizen', (status, startsIn, state) => {
    expect(stateOf({ status, startsAt: at(startsIn), endsAt: at(startsIn + 0.5) }, NOW)).toBe(state);
  });
});
