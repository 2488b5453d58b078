import { ConfigurationError, DEVELOPMENT_SURVEY_TOKEN_SECRET, validateEnv } from '../config/env.validation';

/** Served to others, the survey's tokens must be signed with a key of the operator's. */
describe('the survey token secret', () => {
  const deployed = { NODE_ENV: 'production', PUBLIC_URL: 'https://visio.example.fr', RTC_ANNOUNCED_ADDRESS: '203.0.113.7' };

  it('has a development default, also on a production start without PUBLIC_URL (one machine, as npm start)', () => {
    expect(validateEnv({}).SURVEY_TOKEN_SECRET).toBe(DEVELOPMENT_SURVEY_TOKEN_SECRET);
    expect(validateEnv({ NODE_ENV: 'test', PUBLIC_URL: 'https://visio.example.fr', RTC_ANNOUNCED_ADDRESS: '203.0.113.7' }).SURVEY_TOKEN_SECRET).toBe(DEVELOPMENT_SURVEY_TOKEN_SECRET);
  });

  it('is required in production with a PUBLIC_URL, and taken when given', () => {
    expect(() => validateEnv(deployed)).toThrow(/SURVEY_TOKEN_SECRET must be set in production with a PUBLIC_URL/);
    const secret = 'q3V9m2Zc8Lr1Xw7Ta5Ne0Yb4Hs6Kd2Pf=';
    expect(validateEnv({ ...deployed, SURVEY_TOKEN_SECRET: secret }).SURVEY_TOKEN_SECRET).toBe(secret);
  });

  it('is refused shorter than 32 characters, without echoing it', () => {
    const attempt = () => validateEnv({ SURVEY_TOKEN_SECRET: 'short-secret-value' });
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow(/SURVEY_TOKEN_SECRET must be at least 32 characters/);
    expect(attempt).not.toThrow(/short-secret-value/);
  });
});
