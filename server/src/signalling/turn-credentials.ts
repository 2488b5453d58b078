import { createHmac } from 'node:crypto';
import { RTCIceServerInit } from '../../../shared/signalling/protocol';

/**
 * Time-limited TURN credentials in coturn's "REST API" scheme (use-auth-secret): the username is
 * "<expiry>:<participant>", the password its HMAC-SHA1 under the shared secret. Nothing to store,
 * and a leaked credential dies on its own.
 */
export function turnServers(
  turn: { urls: string[]; secret: string; ttlSeconds: number } | null,
  participantId: string,
  now = Date.now(),
): RTCIceServerInit[] {
  if (!turn) return [];
  const username = `${Math.floor(now / 1000) + turn.ttlSeconds}:${participantId}`;
  const credential = createHmac('sha1', turn.secret).update(username).digest('base64');
  return [{ urls: turn.urls, username, credential }];
}
