import { randomBytes } from 'node:crypto';

/** Minutes a survey token works after it is issued: the citizen answers on the spot, or not at all. */
export const SURVEY_TOKEN_MINUTES = 30;

/**
 * A one-time survey token: its expiry (minutes since the epoch, base 36), a dot, 128 random bits.
 * The expiry travels in the token rather than in the database: a stored time would be one more
 * clue tying a response to its consultation. Only the token's hash is stored, so the expiry cannot
 * be changed without the token no longer matching.
 */
export function newSurveyToken(now = Date.now()): { token: string; expiresAt: Date } {
  const expiresMinute = Math.ceil(now / 60_000) + SURVEY_TOKEN_MINUTES;
  return { token: `${expiresMinute.toString(36)}.${randomBytes(16).toString('base64url')}`, expiresAt: new Date(expiresMinute * 60_000) };
}

const SURVEY_TOKEN = /^([0-9a-z]{1,10})\.[A-Za-z0-9_-]{22}$/;

/** 'unknown' for what was never a token, 'expired' past its time, 'ok' to be looked up. */
export function surveyTokenState(token: string, now = Date.now()): 'unknown' | 'expired' | 'ok' {
  const match = SURVEY_TOKEN.exec(token);
  if (!match) return 'unknown';
  return parseInt(match[1]!, 36) * 60_000 <= now ? 'expired' : 'ok';
}

/** A request URL with a survey token hidden (for logs). */
export const withoutSurveyToken = (url: string): string => url.replace(/^(\/api\/surveys\/)[^/?#]+/, '$1…');
