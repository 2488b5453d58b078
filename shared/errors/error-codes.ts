/**
 * Every reason the API and the signalling channel give for refusing something, as stable machine
 * codes shared by the server and the client. The server maps each to its HTTP status and its
 * WebSocket close code, the client to its French words, each through an exhaustive record: adding
 * a code without all three fails the typecheck.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'INVALID_CREDENTIALS',
  'CSRF_MISMATCH',
  'FORBIDDEN',
  'OUTSIDE_WINDOW',
  'CONSULTATION_ENDED',
  'CONSULTATION_CANCELLED',
  'CONSULTATION_NOT_SCHEDULED',
  'CONSULTATION_NOT_STARTED',
  'BOOTH_TAKEN',
  'AGENT_TAKEN',
  'INTERVAL_TAKEN',
  'OUTSIDE_OPENING_HOURS',
  'MSAP_CLOSED',
  'OUTSIDE_AVAILABILITY',
  'AGENT_ABSENT',
  'BOOTH_RETIRED',
  'BOOTH_IN_USE',
  'NAME_TAKEN',
  'EMAIL_TAKEN',
  'NOTHING_TO_CANCEL',
  'RATE_LIMITED',
  'CONFLICT',
  'PAIRING_CODE_INVALID',
  'PAIRING_CODE_EXPIRED',
  'DEVICE_REVOKED',
  // Someone who is not a facilitator of the booth's France Services (nor an admin) tried to unlock it.
  'NOT_BOOTH_FACILITATOR',
  // An agent wrote to the booth of a consultation that is not theirs.
  'NOT_CONSULTATION_AGENT',
  'OIDC_DISABLED',
  'OIDC_FAILED',
  'DOCUMENT_TOO_LARGE',
  'DOCUMENT_TYPE_REFUSED',
  'DOCUMENT_TOO_MANY_PAGES',
  'UPLOAD_INCOMPLETE',
  'UPLOAD_TIMEOUT',
  'DOCUMENT_NOT_READY',
  'LINK_EXPIRED',
  // Accounts: one-time links to set a password, and accounts that cannot be changed.
  'TOKEN_EXPIRED',
  'TOKEN_USED',
  'TOKEN_REPLACED',
  'ACCOUNT_DISABLED',
  'ACCOUNT_PSEUDONYMISED',
  'OWN_ACCOUNT',
  'EDIT_CONFLICT',
  'CONSENT_TEXT_STALE',
  'TEMPLATE_VERSION_STALE',
  'TEMPLATE_IN_USE',
  'ABSENCE_OVERLAP',
  'NO_FREE_SLOT',
  // The citizen's personal link (no account).
  'LINK_UNKNOWN',
  'TOO_LATE',
  'CALLBACK_ALREADY_REQUESTED',
  // The booth's satisfaction survey: one per consultation, each question answered once.
  'SURVEY_NOT_AVAILABLE',
  'SURVEY_ALREADY_OPENED',
  'SURVEY_UNKNOWN',
  // Statistics: a filter outside the viewer's scope (403, never an empty answer), a period too long to compute at once.
  'OUTSIDE_SCOPE',
  'PERIOD_TOO_LONG',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Why one field was refused: the value of `errors` in an error answer is a tree of the request's
 * field paths (nested for nested objects) whose leaves are lists of these codes, whether the
 * validation pipe or a service found the problem.
 */
export const FIELD_ERROR_CODES = [
  // The shape of the value (from the DTOs' validation rules).
  'REQUIRED',
  'UNKNOWN_FIELD',
  'INVALID_TYPE',
  'INVALID_ID',
  'INVALID_FORMAT',
  'INVALID_DATE_TIME',
  'INVALID_PHONE',
  // A number that cannot receive an SMS (a landline) where a mobile is asked for.
  'NOT_A_MOBILE',
  // Where a landline is asked for (to call the citizen): a mobile, a foreign or an 08 number.
  'NOT_A_LANDLINE',
  'INVALID_EMAIL',
  'INVALID_POSTAL_CODE',
  'INVALID_DEPARTEMENT',
  'NOT_ALLOWED',
  'TOO_SHORT',
  'TOO_LONG',
  'TOO_SMALL',
  'TOO_LARGE',
  'TOO_MANY',
  'NUL_CHARACTER',
  'CONTROL_CHARACTER',
  // Times.
  'IN_THE_PAST',
  'TOO_FAR_AHEAD',
  'END_BEFORE_START',
  'DURATION_TOO_LONG',
  'RANGE_TOO_LONG',
  'NOT_STARTED',
  // Calendars and bookings.
  'OUTSIDE_OPENING_HOURS',
  'MSAP_CLOSED',
  'OUTSIDE_AVAILABILITY',
  'AGENT_ABSENT',
  'BOOTH_TAKEN',
  'AGENT_TAKEN',
  'INTERVAL_TAKEN',
  // References.
  'UNKNOWN',
  'RETIRED',
  'WRONG_ADMINISTRATION',
  'OUTSIDE_SCOPE',
  'NAME_TAKEN',
  'NAME_OF_RETIRED_BOOTH',
  'EMAIL_TAKEN',
  'ALREADY_RETIRED',
  'IN_SERVICE',
  'BOOKINGS_AHEAD',
  'AGENT_NEEDS_ADMINISTRATION',
  // Accounts.
  'PASSWORD_TOO_SHORT',
  'WRONG_PASSWORD',
  'CONSULTATIONS_AHEAD',
  // Requests as a whole.
  'NOTHING_TO_CHANGE',
  'AGENT_OR_ADMINISTRATION',
  'NOTHING_SELECTED',
  'UNKNOWN_PLACEHOLDERS',
  // Checklists.
  'UNKNOWN_ITEM',
  'CHANGED_ELSEWHERE',
  'DUPLICATE',
  // Absences.
  'ABSENCE_OVERLAP',
  // Opening hours, availability, closures.
  'OVERLAPS',
  'ALREADY_CLOSED',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** Field path → codes, nested like the request body (`{ citizen: { phone: ['INVALID_PHONE'] } }`). */
export interface FieldErrors {
  [field: string]: FieldErrorCode[] | FieldErrors;
}

/** The body of every error answer of the API. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  /** For developers and logs, in English; never shown to users (the client words the code). */
  message: string;
  errors?: FieldErrors;
  requestId?: string;
}
