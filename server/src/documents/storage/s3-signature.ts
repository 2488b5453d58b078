import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4 for S3, header-based, as pure functions:
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
 */

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The payload hash of a request without a body (GET, HEAD, DELETE). */
export const EMPTY_SHA256 = sha256Hex('');

export interface S3Credentials {
  accessKey: string;
  secretKey: string;
  region: string;
}

export interface SignableRequest {
  method: string;
  /** The absolute path exactly as sent, already encoded (see encodePath): S3 does not encode it twice. */
  path: string;
  /** Decoded names and values; a flag such as `?uploads` has the value ''. */
  query: Readonly<Record<string, string>>;
  /** Every header to sign, `host` included. */
  headers: Readonly<Record<string, string>>;
  /** Hex SHA-256 of the body. */
  payloadHash: string;
}

/** RFC 3986 encoding as SigV4 requires: every byte but A-Z a-z 0-9 - . _ ~ as %XX, upper-case. */
export function uriEncode(value: string): string {
  // encodeURIComponent also leaves ! ' ( ) * alone, which SigV4 encodes.
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Encodes each segment of a path, keeping its slashes. */
export function encodePath(path: string): string {
  return path.split('/').map(uriEncode).join('/');
}

/** Sorted by encoded name (then value), the form both signed and sent. */
export function canonicalQueryString(query: Readonly<Record<string, string>>): string {
  return Object.entries(query)
    .map(([name, value]) => [uriEncode(name), uriEncode(value)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

export function canonicalRequest(request: SignableRequest): { text: string; signedHeaders: string } {
  const headers = Object.entries(request.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = headers.map(([name]) => name).join(';');
  const text = [
    request.method.toUpperCase(),
    request.path,
    canonicalQueryString(request.query),
    ...headers.map(([name, value]) => `${name}:${value}`),
    '',
    signedHeaders,
    request.payloadHash,
  ].join('\n');
  return { text, signedHeaders };
}

/** `20130524T000000Z` */
export function amzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function credentialScope(day: string, region: string, service = 's3'): string {
  return `${day}/${region}/${service}/aws4_request`;
}

export function stringToSign(dateTime: string, scope: string, canonicalRequestText: string): string {
  return [SIGV4_ALGORITHM, dateTime, scope, sha256Hex(canonicalRequestText)].join('\n');
}

export function signingKey(secretKey: string, day: string, region: string, service = 's3'): Buffer {
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
  return hmac(hmac(hmac(hmac(`AWS4${secretKey}`, day), region), service), 'aws4_request');
}

/**
 * The headers to send: the request's own, plus `x-amz-date`, `x-amz-content-sha256` and
 * `authorization`, all signed.
 */
export function signRequest(request: SignableRequest, credentials: S3Credentials, now: Date): Record<string, string> {
  const dateTime = amzDate(now);
  const day = dateTime.slice(0, 8);
  const headers = { ...request.headers, 'x-amz-content-sha256': request.payloadHash, 'x-amz-date': dateTime };
  const { text, signedHeaders } = canonicalRequest({ ...request, headers });
  const scope = credentialScope(day, credentials.region);
  const signature = createHmac('sha256', signingKey(credentials.secretKey, day, credentials.region))
    .update(stringToSign(dateTime, scope, text), 'utf8')
    .digest('hex');
  return {
    ...headers,
    authorization: `${SIGV4_ALGORITHM} Credential=${credentials.accessKey}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}`,
  };
}
