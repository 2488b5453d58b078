import { createHmac } from 'node:crypto';
import { newSurveyToken, readSurveyToken, SURVEY_TOKEN_MINUTES, withoutSurveyToken } from './survey-tokens';

const SECRET = 'a test secret of at least thirty-two characters';
const PAYLOAD = {
  consultationTypeId: '0b9d3c36-1f7e-4a52-9f0e-2d1c5e6a7b80',
  msapSiteId: '7f1e2d3c-4b5a-4968-8776-655443322110',
  administrationId: 'c0ffee00-1234-4abc-8def-0123456789ab',
};

describe('survey tokens', () => {
  it('carry their payload, signed, until their expiry, then are expired', () => {
    const now = Date.UTC(2026, 11, 3, 10, 0, 30);
    const { token, expiresAt } = newSurveyToken(SECRET, PAYLOAD, now);
    expect(expiresAt.getTime() - now).toBeGreaterThanOrEqual(SURVEY_TOKEN_MINUTES * 60_000);
    expect(readSurveyToken(SECRET, token, now)).toEqual({ state: 'ok', payload: PAYLOAD });
    expect(readSurveyToken(SECRET, token, expiresAt.getTime())).toEqual({ state: 'expired' });
    expect(newSurveyToken(SECRET, PAYLOAD, now).token).not.toBe(token);
    const typeless = newSurveyToken(SECRET, { ...PAYLOAD, consultationTypeId: null }, now).token;
    expect(readSurveyToken(SECRET, typeless, now)).toEqual({ state: 'ok', payload: { ...PAYLOAD, consultationTypeId: null } });
  });

  it('are unknown when another key signed them, when changed, or when they have not the shape of one', () => {
    const now = Date.UTC(2026, 11, 3, 10, 0, 30);
    const { token } = newSurveyToken(SECRET, PAYLOAD, now);
    expect(readSurveyToken('another secret of at least thirty-two characters', token, now)).toEqual({ state: 'unknown' });
    const [body, signature] = token.split('.') as [string, string];
    // Another site in the payload, the signature kept: refused. Expired AND forged: unknown, not expired.
    const forged = (fields: object) => `${Buffer.from(JSON.stringify(fields)).toString('base64url')}.${signature}`;
    const original = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    expect(readSurveyToken(SECRET, forged({ ...original, s: PAYLOAD.administrationId }), now)).toEqual({ state: 'unknown' });
    expect(readSurveyToken(SECRET, forged({ ...original, e: 1 }), now)).toEqual({ state: 'unknown' });
    expect(readSurveyToken(SECRET, `${body}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`, now)).toEqual({ state: 'unknown' });
    expect(readSurveyToken(SECRET, 'abc', now)).toEqual({ state: 'unknown' });
    expect(readSurveyToken(SECRET, '../x', now)).toEqual({ state: 'unknown' });
    expect(readSurveyToken(SECRET, `${body}.${signature}.x`, now)).toEqual({ state: 'unknown' });
  });

  it('are unknown when validly signed but not a payload (a key shared by mistake is not trusted into SQL)', () => {
    const sign = (text: string) => {
      const body = Buffer.from(text).toString('base64url').padEnd(20, 'A');
      return `${body}.${createHmac('sha256', SECRET).update(body).digest('base64url')}`;
    };
    expect(readSurveyToken(SECRET, sign('not json at all, not at all'))).toEqual({ state: 'unknown' });
    expect(readSurveyToken(SECRET, sign(JSON.stringify({ t: null, s: "x' OR 1=1", a: PAYLOAD.administrationId, e: 9e9 })))).toEqual({ state: 'unknown' });
  });

  it('are hidden from logged URLs, with the consultation whose survey is opened', () => {
    expect(withoutSurveyToken('/api/surveys/abc.def/answers/clarity')).toBe('/api/surveys/…/answers/clarity');
    expect(withoutSurveyToken('/api/consultations/0b9d3c36-1f7e-4a52-9f0e-2d1c5e6a7b80/survey')).toBe('/api/consultations/…/survey');
    expect(withoutSurveyToken('/api/consultations/0b9d3c36-1f7e-4a52-9f0e-2d1c5e6a7b80/survey?x=1')).toBe('/api/consultations/…/survey?x=1');
    expect(withoutSurveyToken('/api/consultations/x')).toBe('/api/consultations/x');
    expect(withoutSurveyToken('/api/consultations/x/surveyor')).toBe('/api/consultations/x/surveyor');
    expect(withoutSurveyToken('/api/consultations/x/call-feedback')).toBe('/api/consultations/x/call-feedback');
  });
});
