import { ConfigurationError, validateEnv } from '../config/env.validation';

describe('desk settings', () => {
  it('defaults: lobby alert after 5 minutes, booth offline after 45 s silent, offline alert 15 minutes before', () => {
    expect(validateEnv({})).toMatchObject({ DESK_LOBBY_ALERT_MINUTES: 5, BOOTH_OFFLINE_SECONDS: 45, DESK_OFFLINE_ALERT_MINUTES: 15 });
  });

  it('takes a fraction of a minute for the lobby alert', () => {
    expect(validateEnv({ DESK_LOBBY_ALERT_MINUTES: '0.5' }).DESK_LOBBY_ALERT_MINUTES).toBe(0.5);
  });

  it.each([
    [{ DESK_LOBBY_ALERT_MINUTES: '0' }, /DESK_LOBBY_ALERT_MINUTES must be a number of minutes from 0.05 to 120 \(got "0"\)/],
    [{ DESK_LOBBY_ALERT_MINUTES: 'cinq' }, /DESK_LOBBY_ALERT_MINUTES must be a number of minutes from 0.05 to 120/],
    [{ DESK_LOBBY_ALERT_MINUTES: '1e3' }, /DESK_LOBBY_ALERT_MINUTES must be a number/],
    [{ BOOTH_OFFLINE_SECONDS: '5' }, /BOOTH_OFFLINE_SECONDS must be an integer number of seconds from 20 to 600/],
    [{ DESK_OFFLINE_ALERT_MINUTES: '-1' }, /DESK_OFFLINE_ALERT_MINUTES must be an integer number of minutes from 0 to 120/],
  ])('refuses %j', (env, message) => {
    expect(() => validateEnv(env)).toThrow(ConfigurationError);
    expect(() => validateEnv(env)).toThrow(message);
  });
});
