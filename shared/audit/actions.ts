/**
 * Every action the audit trail records, one name per business action. Shared by the server (which
 * records them) and the client (which labels them in French: a new action without a label fails the
 * client's unit test). Append new names; a recorded name is never renamed (old rows keep it).
 */
export const AUDIT_ACTIONS = [
  // Sign-in and accounts
  'login.succeeded',
  'login.failed',
  'login.rate_limited',
  'logout',
  'user.created',
  'user.role_changed',
  'user.invited',
  'user.invitation_resent',
  'user.updated',
  'user.disabled',
  'user.enabled',
  'user.password_set',
  'user.password_changed',
  'user.password_reset_sent',
  'user.password_reset_requested',
  // Booths and their screens
  'device.pairing_code_created',
  'device.paired',
  'device.pairing_failed',
  'device.revoked',
  'device.check_reported',
  'device.unlocked',
  'device.unlock_failed',
  'device.unlock_refused',
  // Directory
  'administration.created',
  'administration.updated',
  'msap_site.created',
  'msap_site.updated',
  'booth.created',
  'booth.renamed',
  'booth.retired',
  'booth.reinstated',
  // Consultations
  'consultation.booked',
  'consultation.rescheduled',
  'consultation.reassigned',
  'consultation.cancelled',
  'consultation.outcome_recorded',
  'consultation.call_feedback_recorded',
  'mass_cancellation.started',
  // Schedules
  'opening_hours.changed',
  'closure.created',
  'closure.deleted',
  'availability.changed',
  'absence.declared',
  'absence.deleted',
  'consultation_type.created',
  'consultation_type.updated',
  // Citizens' requests (personal link) and the list of citizens to call
  'citizen_link.viewed',
  'callback.requested',
  'callback.handled',
  'to_call.handled',
  // Documents
  'document.uploaded',
  'document.rejected',
  'document.viewed',
  'document.downloaded',
  'document.deleted',
  'document.purged',
  // The facilitator's checklist and desk
  'checklist_template.saved',
  'checklist_template.deleted',
  'support.updated',
  'consent.given',
  'consent.revoked',
  'desk.message_sent',
  // Exports (personal or sensitive data leaving the service)
  'support.exported',
  'audit.exported',
  'outbox.exported',
  'mass_cancellation.report_exported',
  'slip.printed',
  // Statistics: an export of a filtered view, a département's public page turned on or off
  'stats.exported',
  'stats.publication_changed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The families of actions (the part before the dot), for filtering a whole domain at once. */
export const AUDIT_FAMILIES = [...new Set(AUDIT_ACTIONS.map((a) => (a.includes('.') ? a.slice(0, a.indexOf('.')) : a)))] as readonly string[];
export type AuditFamily = string;
