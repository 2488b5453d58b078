import { SignallingErrorCode } from '../../../shared/signalling/protocol';

/** A refused request: answered with { ok: false, code, message }, the socket stays open. */
export class SignallingError extends Error {
  constructor(
    readonly code: SignallingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SignallingError';
  }
}
