import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** 256-bit random token, URL-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are stored hashed: a database leak does not give working cookies. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** 8 digits, easy to read aloud and type on a touch screen. */
export const newPairingCode = (): string => String(randomInt(0, 100_000_000)).padStart(8, '0');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
