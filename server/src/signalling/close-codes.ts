import type { ErrorCode } from '../common/errors/error-codes';
import { CLOSE_CODES, CloseCode } from '../../../shared/signalling/protocol';

/**
 * The WebSocket close code of a refusal when a call's socket opens, for every error code: the
 * client tells the person why from the code (FINAL_CLOSE_REASONS). Codes a socket cannot meet at
 * that moment are refused as `forbidden`, said explicitly so that a new code is a decision here.
 */
export const CLOSE_CODE_BY_ERROR: Record<ErrorCode, CloseCode> = {
  UNAUTHENTICATED: CLOSE_CODES.unauthenticated,
  SESSION_EXPIRED: CLOSE_CODES.unauthenticated,
  DEVICE_REVOKED: CLOSE_CODES.unauthenticated,
  INVALID_CREDENTIALS: CLOSE_CODES.unauthenticated,
  NOT_FOUND: CLOSE_CODES.notFound,
  OUTSIDE_WINDOW: CLOSE_CODES.outsideWindow,
  CONSULTATION_ENDED: CLOSE_CODES.ended,
  CONSULTATION_CANCELLED: CLOSE_CODES.cancelled,
  RATE_LIMITED: CLOSE_CODES.forbidden,
  FORBIDDEN: CLOSE_CODES.forbidden,
  CSRF_MISMATCH: CLOSE_CODES.forbidden,
  VALIDATION_FAILED: CLOSE_CODES.forbidden,
  INVALID_JSON: CLOSE_CODES.forbidden,
  UNSUPPORTED_MEDIA_TYPE: CLOSE_CODES.forbidden,
  PAYLOAD_TOO_LARGE: CLOSE_CODES.forbidden,
  CONSULTATION_NOT_SCHEDULED: CLOSE_CODES.forbidden,
  CONSULTATION_NOT_STARTED: CLOSE_CODES.forbidden,
  BOOTH_TAKEN: CLOSE_CODES.forbidden,
  AGENT_TAKEN: CLOSE_CODES.forbidden,
  INTERVAL_TAKEN: CLOSE_CODES.forbidden,
  OUTSIDE_OPENING_HOURS: CLOSE_CODES.forbidden,
  MSAP_CLOSED: CLOSE_CODES.forbidden,
  OUTSIDE_AVAILABILITY: CLOSE_CODES.forbidden,
  AGENT_ABSENT: CLOSE_CODES.forbidden,
  BOOTH_RETIRED: CLOSE_CODES.forbidden,
  BOOTH_IN_USE: CLOSE_CODES.forbidden,
  NAME_TAKEN: CLOSE_CODES.forbidden,
  EMAIL_TAKEN: CLOSE_CODES.forbidden,
  NOTHING_TO_CANCEL: CLOSE_CODES.forbidden,
  CONFLICT: CLOSE_CODES.forbidden,
  PAIRING_CODE_INVALID: CLOSE_CODES.forbidden,
  PAIRING_CODE_EXPIRED: CLOSE_CODES.forbidden,
  OIDC_DISABLED: CLOSE_CODES.forbidden,
  OIDC_FAILED: CLOSE_CODES.forbidden,
  DOCUMENT_TOO_LARGE: CLOSE_CODES.forbidden,
  DOCUMENT_TYPE_REFUSED: CLOSE_CODES.forbidden,
  DOCUMENT_TOO_MANY_PAGES: CLOSE_CODES.forbidden,
  UPLOAD_INCOMPLETE: CLOSE_CODES.forbidden,
  UPLOAD_TIMEOUT: CLOSE_CODES.forbidden,
  DOCUMENT_NOT_READY: CLOSE_CODES.forbidden,
  LINK_EXPIRED: CLOSE_CODES.forbidden,
  SERVICE_UNAVAILABLE: CLOSE_CODES.forbidden,
  INTERNAL: CLOSE_CODES.forbidden,
};
