import { newSurveyToken, SURVEY_TOKEN_MINUTES, surveyTokenState, withoutSurveyToken } from './survey-tokens';

describe('survey tokens', () => {
  it('work until their expiry, carried in the token, then are expired', () => {
    const now = Date.UTC(2026, 11, 3, 10, 0, 30);
    const { token, expiresAt } = newSurveyToken(now);
    expect(expiresAt.getTime() - now).toBeGreaterThanOrEqual(SURVEY_TOKEN_MINUTES * 60_000);
    expect(surveyTokenState(token, now)).toBe('ok');
    expect(surveyTokenState(token, expiresAt.getTime())).toBe('expired');
    expect(newSurveyToken(now).token).not.toBe(token);
  });

  it('are unknown when they have not the shape of one', () => {
    expect(surveyTokenState('abc')).toBe('unknown');
    expect(surveyTokenState('zzzzzzzzzz.' + 'a'.repeat(21))).toBe('unknown');
    expect(surveyTokenState('../x')).toBe('unknown');
  });

  it('are hidden from logged URLs', () => {
    expect(withoutSurveyToken('/api/surveys/abc.def/answers/clarity')).toBe('/api/surveys/…/answers/clarity');
    expect(withoutSurveyToken('/api/consultations/x')).toBe('/api/consultations/x');
  });
});
