import { parseReminderOffsets } from '../../config/configuration';
import { ConfigurationError, validateEnv } from '../../config/env.validation';

describe('notification settings', () => {
  it.each([
    ['2d,2h', [{ label: '2d', ms: 172_800_000 }, { label: '2h', ms: 7_200_000 }]],
    [' 30m , 1d ', [{ label: '1d', ms: 86_400_000 }, { label: '30m', ms: 1_800_000 }]],
    ['2h,120m', [{ label: '2h', ms: 7_200_000 }]],
    ['none', []],
    ['', []],
  ])('REMINDER_OFFSETS=%j', (raw, expected) => expect(parseReminderOffsets(raw)).toEqual(expected));

  it.each([
    [{ REMINDER_OFFSETS: '2 days' }, 'REMINDER_OFFSETS'],
    [{ SMS_PROVIDER_URL: 'ftp://sms.example' }, 'SMS_PROVIDER_URL'],
    [{ SMS_SENDER: 'Une préfecture trop longue' }, 'SMS_SENDER'],
    [{ SMTP_PORT: '0' }, 'SMTP_PORT'],
    [{ SMTP_USER: 'bob' }, 'SMTP_PASSWORD'],
    [{ SMTP_FROM: 'pas une adresse' }, 'SMTP_FROM'],
    [{ NOTIFICATIONS_MAX_ATTEMPTS: '0' }, 'NOTIFICATIONS_MAX_ATTEMPTS'],
    [{ MASS_CANCEL_BATCH_SIZE: 'beaucoup' }, 'MASS_CANCEL_BATCH_SIZE'],
  ])('refuses %j naming the variable', (env, name) => {
    expect(() => validateEnv(env)).toThrow(ConfigurationError);
    expect(() => validateEnv(env)).toThrow(new RegExp(`${name} `));
  });

  it('accepts a full provider configuration', () => {
    const env = validateEnv({
      SMS_PROVIDER_URL: 'https://sms.example.fr/v1/messages',
      SMS_PROVIDER_TOKEN: 't',
      SMS_SENDER: 'Pref45',
      SMTP_HOST: 'smtp.example.fr',
      SMTP_PORT: '465',
      SMTP_SECURE: 'true',
      SMTP_USER: 'u',
      SMTP_PASSWORD: 'p',
      SMTP_FROM: 'Préfecture <noreply@example.fr>',
      REMINDER_OFFSETS: '1d',
      // Messages leave the server: their links need the public address (and the media, theirs).
      PUBLIC_URL: 'https://visio.example.fr',
      RTC_ANNOUNCED_ADDRESS: 'visio.example.fr',
      SURVEY_TOKEN_SECRET: 'a survey token secret of 32 characters or more',
    });
    expect(env).toMatchObject({ SMTP_PORT: 465, SMTP_SECURE: true, SMS_SENDER: 'Pref45' });
  });

  it('refuses providers without PUBLIC_URL in production: links would be built from the Host header', () => {
    expect(() => validateEnv({ NODE_ENV: 'production', SMS_PROVIDER_URL: 'https://sms.example.fr/v1/messages' })).toThrow(/PUBLIC_URL must be set in production/);
    expect(() => validateEnv({ NODE_ENV: 'test', SMS_PROVIDER_URL: 'https://sms.example.fr/v1/messages' })).not.toThrow();
  });
});
