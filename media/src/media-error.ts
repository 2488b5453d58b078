export const MEDIA_ERROR_CODES = [
  'ROOM_CLOSED',
  'PEER_CLOSED',
  'UNKNOWN_TRANSPORT',
  'UNKNOWN_PRODUCER',
  'UNKNOWN_CONSUMER',
  'WRONG_DIRECTION',
  'CANNOT_CONSUME',
] as const;
export type MediaErrorCode = (typeof MEDIA_ERROR_CODES)[number];

/** A request the media layer refuses; signalling turns it into an error acknowledgement. */
export class MediaError extends Error {
  constructor(
    readonly code: MediaErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MediaError';
  }
}
