import { ConfigurationError, validateEnv } from '../config/env.validation';

describe('retention settings', () => {
  it('defaults: citizen data 90 days, messages 30, audit log 365, disabled accounts 365, a sweep every hour', () => {
    expect(validateEnv({})).toMatchObject({
      RETENTION_ENABLED: true,
      RETENTION_INTERVAL_MINUTES: 60,
      RETENTION_BATCH_SIZE: 500,
      CITIZEN_DATA_RETENTION_DAYS: 90,
      OUTBOX_RETENTION_DAYS: 30,
      AUDIT_RETENTION_DAYS: 365,
      RETENTION_DISABLED_ACCOUNT_DAYS: 365,
    });
  });

  it.each([
    [{ CITIZEN_DATA_RETENTION_DAYS: '0' }, /CITIZEN_DATA_RETENTION_DAYS must be an integer number of days from 1 to 3650 \(got "0"\)/],
    [{ CITIZEN_DATA_RETENTION_DAYS: '3 mois' }, /CITIZEN_DATA_RETENTION_DAYS must be an integer number of days from 1 to 3650/],
    [{ OUTBOX_RETENTION_DAYS: '-1' }, /OUTBOX_RETENTION_DAYS must be an integer number of days from 1 to 3650/],
    [{ AUDIT_RETENTION_DAYS: '7' }, /AUDIT_RETENTION_DAYS must be an integer number of days from 30 to 3650 \(got "7"\)/],
    [{ RETENTION_DISABLED_ACCOUNT_DAYS: '7' }, /RETENTION_DISABLED_ACCOUNT_DAYS must be an integer number of days from 30 to 3650 \(got "7"\)/],
    [{ RETENTION_DISABLED_ACCOUNT_DAYS: 'un an' }, /RETENTION_DISABLED_ACCOUNT_DAYS must be an integer number of days from 30 to 3650/],
    [{ RETENTION_BATCH_SIZE: '1000000' }, /RETENTION_BATCH_SIZE must be an integer from 10 to 10000/],
    [{ RETENTION_INTERVAL_MINUTES: '0' }, /RETENTION_INTERVAL_MINUTES must be an integer number of minutes from 1 to 1440/],
    [{ RETENTION_ENABLED: 'peut-être' }, /RETENTION_ENABLED must be true or false/],
    // Messages kept longer than the consultation they name would defeat its erasure.
    [{ OUTBOX_RETENTION_DAYS: '120' }, /OUTBOX_RETENTION_DAYS must not exceed CITIZEN_DATA_RETENTION_DAYS \(90\): the messages hold the citizen's name and contact \(got "120"\)/],
    [{ CITIZEN_DATA_RETENTION_DAYS: '20' }, /OUTBOX_RETENTION_DAYS must not exceed CITIZEN_DATA_RETENTION_DAYS \(20\)/],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => validateEnv(env)).toThrow(ConfigurationError);
    expect(() => validateEnv(env)).toThrow(message);
  });

  it('accepts messages kept as long as the citizen data', () => {
    expect(validateEnv({ CITIZEN_DATA_RETENTION_DAYS: '30', OUTBOX_RETENTION_DAYS: '30' })).toMatchObject({ OUTBOX_RETENTION_DAYS: 30 });
  });
});
