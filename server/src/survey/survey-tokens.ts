import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Minutes a survey token works after it is issued: the citizen answers on the spot, or not at all. */
export const SURVEY_TOKEN_MINUTES = 30;

/** What a survey token carries: all the response will hold besides the answers. */
export interface SurveyTokenPayload {
  consultationTypeId: string | null;
  msapSiteId: string;
  administrationId: string;
}

/**
 * A survey token: base64url JSON (a random nonce, the payload, the expiry in minutes since the
 * epoch), a dot, its HMAC-SHA256 under SURVEY_TOKEN_SECRET. Self-contained on purpose: opening the
 * survey stores nothing of the token, and the response is written only at the first answer, from
 * the verified payload, in another transaction — nothing written at the opening ties them together.
 */
export function newSurveyToken(secret: string, payload: SurveyTokenPayload, now = Date.now()): { token: string; expiresAt: Date } {
  const expiresMinute = Math.ceil(now / 60_000) + SURVEY_TOKEN_MINUTES;
  const body = Buffer.from(
    JSON.stringify({ n: randomBytes(16).toString('base64url'), t: payload.consultationTypeId, s: payload.msapSiteId, a: payload.administrationId, e: expiresMinute }),
  ).toString('base64url');
  return { token: `${body}.${mac(secret, body)}`, expiresAt: new Date(expiresMinute * 60_000) };
}

const mac = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('base64url');

const SURVEY_TOKEN = /^([A-Za-z0-9_-]{20,400})\.([A-Za-z0-9_-]{43})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

export type SurveyTokenState = { state: 'unknown' } | { state: 'expired' } | { state: 'ok'; payload: SurveyTokenPayload };

/** 'unknown' for what this server did not sign (or not in this shape), 'expired' past its time, else its payload. */
export function readSurveyToken(secret: string, token: string, now = Date.now()): SurveyTokenState {
  const match = SURVEY_TOKEN.exec(token);
  if (!match) return { state: 'unknown' };
  const [, body, signature] = match as unknown as [string, string, string];
  if (!timingSafeEqual(Buffer.from(signature), Buffer.from(mac(secret, body)))) return { state: 'unknown' };
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { state: 'unknown' };
  }
  // Signed by this server, so well formed; checked anyway rather than trusted into SQL.
  const { t, s, a, e } = (typeof fields === 'object' && fields !== null ? fields : {}) as Record<string, unknown>;
  if (!(t === null || isUuid(t)) || !isUuid(s) || !isUuid(a) || typeof e !== 'number' || !Number.isInteger(e)) return { state: 'unknown' };
  if (e * 60_000 <= now) return { state: 'expired' };
  return { state: 'ok', payload: { consultationTypeId: t, msapSiteId: s, administrationId: a } };
}

/**
 * A request URL for the logs: a survey token hidden, and the consultation of a survey's opening too
 * (its line, timed to the millisecond, would sit right before the answers' in the log).
 */
export const withoutSurveyToken = (url: string): string =>
  url.replace(/^(\/api\/surveys\/)[^/?#]+/, '$1…').replace(/^(\/api\/consultations\/)[^/?#]+(\/survey(?:[/?#]|$))/, '$1…$2');
