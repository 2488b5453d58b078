import { ConfigurationError, validateEnv } from './env.validation';
import { isWildcardAddress, resolveMediaAddress } from './media-address';

describe('resolveMediaAddress', () => {
  it('without PUBLIC_URL, binds and announces loopback: browsers on this machine reach it', () => {
    expect(resolveMediaAddress({})).toEqual({ listenIp: '127.0.0.1', local: true });
  });

  it('with a loopback PUBLIC_URL, the service is still local', () => {
    expect(resolveMediaAddress({ PUBLIC_URL: 'http://localhost:3000' })).toEqual({ listenIp: '127.0.0.1', local: true });
    expect(resolveMediaAddress({ PUBLIC_URL: 'http://127.0.0.1:3000' }).local).toBe(true);
  });

  it('a wildcard bind without PUBLIC_URL announces the loopback address of its family, never the wildcard', () => {
    expect(resolveMediaAddress({ RTC_LISTEN_IP: '0.0.0.0' })).toEqual({ listenIp: '0.0.0.0', announcedAddress: '127.0.0.1', local: true });
    expect(resolveMediaAddress({ RTC_LISTEN_IP: '::' })).toEqual({ listenIp: '::', announcedAddress: '::1', local: true });
  });

  it('with PUBLIC_URL, the default wildcard bind needs RTC_ANNOUNCED_ADDRESS, and the message says what to set', () => {
    expect(() => resolveMediaAddress({ PUBLIC_URL: 'https://visio.example.fr' })).toThrow(
      /RTC_ANNOUNCED_ADDRESS is required: PUBLIC_URL is set.*RTC_LISTEN_IP=0\.0\.0\.0, the default with a PUBLIC_URL.*RTC_ANNOUNCED_ADDRESS=203\.0\.113\.10/,
    );
    expect(() => resolveMediaAddress({ PUBLIC_URL: 'https://visio.example.fr', RTC_LISTEN_IP: '::' })).toThrow(/RTC_LISTEN_IP=::\)/);
    expect(resolveMediaAddress({ PUBLIC_URL: 'https://visio.example.fr', RTC_ANNOUNCED_ADDRESS: 'media.example.fr' })).toEqual({
      listenIp: '0.0.0.0',
      announcedAddress: 'media.example.fr',
      local: false,
    });
  });

  it('with PUBLIC_URL, a specific bound address is what browsers get', () => {
    expect(resolveMediaAddress({ PUBLIC_URL: 'https://visio.example.fr', RTC_LISTEN_IP: '192.0.2.7' })).toEqual({ listenIp: '192.0.2.7', local: false });
  });

  it('refuses a wildcard as the announced address', () => {
    expect(() => resolveMediaAddress({ RTC_ANNOUNCED_ADDRESS: '0.0.0.0' })).toThrow(/RTC_ANNOUNCED_ADDRESS must be an address browsers can reach, not 0\.0\.0\.0/);
  });

  it.each([
    ['0.0.0.0', true],
    ['::', true],
    ['0:0:0:0:0:0:0:0', true],
    ['127.0.0.1', false],
    ['::1', false],
    ['10.0.0.0', false],
  ])('isWildcardAddress(%s) is %s', (ip, wildcard) => {
    expect(isWildcardAddress(ip)).toBe(wildcard);
  });
});

describe('validateEnv and the media address', () => {
  it('lists the missing announced address among the configuration problems', () => {
    expect(() => validateEnv({ PUBLIC_URL: 'https://visio.example.fr' })).toThrow(ConfigurationError);
    expect(() => validateEnv({ PUBLIC_URL: 'https://visio.example.fr' })).toThrow(/RTC_ANNOUNCED_ADDRESS is required/);
    const secret = { SURVEY_TOKEN_SECRET: 'a survey token secret of 32 characters or more' }; // required in production with a PUBLIC_URL
    expect(validateEnv({ PUBLIC_URL: 'https://visio.example.fr', RTC_ANNOUNCED_ADDRESS: '203.0.113.10', ...secret }).RTC_ANNOUNCED_ADDRESS).toBe('203.0.113.10');
  });

  it('refuses a listen address that is not an IP address, naming it', () => {
    expect(() => validateEnv({ RTC_LISTEN_IP: 'media.local' })).toThrow(/RTC_LISTEN_IP must be an IP address to bind media to .* \(got "media.local"\)/);
  });
});
