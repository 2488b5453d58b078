/**
 * Why a peer or a room was closed. Signalling maps each one to what the client shows and whether
 * it should reconnect by itself (see the signalling contract).
 */
export const CLOSE_REASONS = [
  'left', // the participant hung up
  'ended', // the agent ended the consultation for everyone
  'replaced', // the same participant joined again (new socket): the old one is a ghost
  'transport_failed', // ICE or DTLS failed for good
  'worker_died', // the media worker crashed; the room is recreated on another worker
  'room_closed', // the last participant left, or the room was closed
  'shutdown', // the server is stopping
] as const;

export type CloseReason = (typeof CLOSE_REASONS)[number];

/** Reasons after which the client should come back by itself without asking the user. */
export const RECONNECTABLE = ['worker_died', 'shutdown'] as const satisfies readonly CloseReason[];
export type ReconnectableReason = (typeof RECONNECTABLE)[number];
export const isReconnectable = (reason: CloseReason): reason is ReconnectableReason => (RECONNECTABLE as readonly CloseReason[]).includes(reason);
