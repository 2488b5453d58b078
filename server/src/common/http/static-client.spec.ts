import { chooseEncoding } from './static-client';

const BOTH = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
const GZIP_ONLY = [BOTH[1]] as const;

describe('chooseEncoding', () => {
  it.each([
    ['a browser (brotli first even when listed after gzip)', 'gzip, deflate, br, zstd', BOTH, 'br'],
    ['gzip only', 'gzip', BOTH, 'gzip'],
    ['brotli refused by q=0', 'br;q=0, gzip', BOTH, 'gzip'],
    ['brotli refused with spaces and upper case', 'BR ; q=0 , GZIP', BOTH, 'gzip'],
    ['anything through *', '*', BOTH, 'br'],
    ['* but brotli refused', '*, br;q=0', BOTH, 'gzip'],
    ['no header', undefined, BOTH, undefined],
    ['identity only', 'identity', BOTH, undefined],
    ['everything refused', '*;q=0', BOTH, undefined],
    ['gzip refused, only gzip written', 'br, gzip;q=0', GZIP_ONLY, undefined],
    ['a low but non-zero q still accepts', 'gzip;q=0.001', BOTH, 'gzip'],
    ['q = 0 with spaces refuses', 'br; q = 0, gzip', BOTH, 'gzip'],
    ['a negative q refuses', 'br;q=-1, gzip', BOTH, 'gzip'],
    ['a q above 1 is malformed: refuses', 'br;q=2, gzip', BOTH, 'gzip'],
  ])('%s', (_case, header, available, expected) => {
    expect(chooseEncoding(header, available)?.name).toBe(expected);
  });
});
