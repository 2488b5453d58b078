import {
  amzDate,
  canonicalQueryString,
  canonicalRequest,
  credentialScope,
  EMPTY_SHA256,
  encodePath,
  sha256Hex,
  signingKey,
  signRequest,
  stringToSign,
  uriEncode,
} from './s3-signature';

// The examples of AWS's "Authenticating Requests: Using the Authorization Header (AWS Signature
// Version 4)" S3 page, with its example credentials, bucket and date.
const credentials = { accessKey: 'AKIAIOSFODNN7EXAMPLE', secretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1' };
const NOW = new Date('2013-05-24T00:00:00Z');
const HOST = 'examplebucket.s3.amazonaws.com';

const signatureOf = (authorization: string | undefined) => /Signature=([0-9a-f]{64})$/.exec(authorization ?? '')?.[1];

describe('SigV4: the GET Object example (Range header)', () => {
  const request = { method: 'GET', path: '/test.txt', query: {}, headers: { host: HOST, range: 'bytes=0-9' }, payloadHash: EMPTY_SHA256 };
  const headers = { ...request.headers, 'x-amz-content-sha256': EMPTY_SHA256, 'x-amz-date': '20130524T000000Z' };

  it('builds the documented canonical request', () => {
    expect(canonicalRequest({ ...request, headers }).text).toBe(
      [
        'GET',
        '/test.txt',
        '',
        'host:examplebucket.s3.amazonaws.com',
        'range:bytes=0-9',
        'x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        'x-amz-date:20130524T000000Z',
        '',
        'host;range;x-amz-content-sha256;x-amz-date',
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      ].join('\n'),
    );
  });

  it('builds the documented string to sign', () => {
    const { text } = canonicalRequest({ ...request, headers });
    expect(stringToSign('20130524T000000Z', credentialScope('20130524', 'us-east-1'), text)).toBe(
      [
        'AWS4-HMAC-SHA256',
        '20130524T000000Z',
        '20130524/us-east-1/s3/aws4_request',
        '7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972',
      ].join('\n'),
    );
  });

  it('gives the documented Authorization header', () => {
    expect(signRequest(request, credentials, NOW)).toEqual({
      ...headers,
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    });
  });
});

describe('SigV4: the other examples of the same page', () => {
  it('PUT Object: a path with "$", a Date and an x-amz-storage-class header, a signed body', () => {
    const body = 'Welcome to Amazon S3.';
    expect(sha256Hex(body)).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
    const headers = signRequest(
      {
        method: 'PUT',
        path: encodePath('/test$file.text'),
        query: {},
        headers: { host: HOST, date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
        payloadHash: sha256Hex(body),
      },
      credentials,
      NOW,
    );
    expect(headers.authorization).toContain('SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,');
    expect(signatureOf(headers.authorization)).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
  });

  it('GET Bucket lifecycle: a query flag without a value', () => {
    const headers = signRequest({ method: 'GET', path: '/', query: { lifecycle: '' }, headers: { host: HOST }, payloadHash: EMPTY_SHA256 }, credentials, NOW);
    expect(signatureOf(headers.authorization)).toBe('fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543');
  });

  it('GET Bucket (list objects): query parameters sorted by name', () => {
    const headers = signRequest(
      { method: 'GET', path: '/', query: { prefix: 'J', 'max-keys': '2' }, headers: { host: HOST }, payloadHash: EMPTY_SHA256 },
      credentials,
      NOW,
    );
    expect(signatureOf(headers.authorization)).toBe('34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7');
  });
});

describe('SigV4 building blocks', () => {
  it('derives the signing key of the SigV4 documentation example (iam, us-east-1, 20120215)', () => {
    // AWS General Reference, "Examples of how to derive a signing key for Signature Version 4".
    expect(signingKey('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', '20120215', 'us-east-1', 'iam').toString('hex')).toBe(
      'f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d',
    );
  });

  it.each([
    ['unreserved characters stay', 'AZaz09-._~', 'AZaz09-._~'],
    ['a space is %20, never +', 'a b', 'a%20b'],
    ["the characters encodeURIComponent spares: ! ' ( ) *", "!'()*", '%21%27%28%29%2A'],
    ['slash, plus, equals, ampersand', '/+=&', '%2F%2B%3D%26'],
    ['UTF-8 bytes, upper-case hex', 'é€', '%C3%A9%E2%82%AC'],
  ])('uriEncode: %s', (_what, raw, encoded) => {
    expect(uriEncode(raw)).toBe(encoded);
  });

  it('encodePath keeps the slashes between segments', () => {
    expect(encodePath('/my bucket/3f1c0a4e-1111-4222-8333-944455556666/r1')).toBe('/my%20bucket/3f1c0a4e-1111-4222-8333-944455556666/r1');
  });

  it('canonicalQueryString sorts by encoded name and encodes values', () => {
    expect(canonicalQueryString({ 'list-type': '2', prefix: 'a b/', 'continuation-token': '1/x+y=' })).toBe(
      'continuation-token=1%2Fx%2By%3D&list-type=2&prefix=a%20b%2F',
    );
    expect(canonicalQueryString({ uploadId: 'abc', partNumber: '10' })).toBe('partNumber=10&uploadId=abc');
  });

  it('canonicalRequest lower-cases header names, trims values and folds inner spaces', () => {
    const { text, signedHeaders } = canonicalRequest({
      method: 'get',
      path: '/',
      query: {},
      headers: { 'X-Amz-Meta-Note': '  a   b ', Host: 'h' },
      payloadHash: EMPTY_SHA256,
    });
    expect(signedHeaders).toBe('host;x-amz-meta-note');
    expect(text.split('\n').slice(0, 5)).toEqual(['GET', '/', '', 'host:h', 'x-amz-meta-note:a b']);
  });

  it('amzDate drops separators and milliseconds', () => {
    expect(amzDate(new Date('2026-01-02T03:04:05.678Z'))).toBe('20260102T030405Z');
  });
});
