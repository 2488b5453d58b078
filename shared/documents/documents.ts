/**
 * Documents exchanged during a consultation: the shapes the API answers and the signalling channel
 * announces, shared by the server and the client.
 */

/** `uploading → scanning → ready | rejected`. Nobody can open a document before `ready`. */
export const DOCUMENT_STATUSES = ['uploading', 'scanning', 'ready', 'rejected'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Booth or facilitator → agent (a photographed paper, a scan), or agent → citizen (a form, a receipt). */
export const DOCUMENT_DIRECTIONS = ['to_agent', 'to_citizen'] as const;
export type DocumentDirection = (typeof DOCUMENT_DIRECTIONS)[number];

/** The types accepted, found from the file's first bytes (never from its name or declared type). */
export const DOCUMENT_MEDIA_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

/**
 * Why a document was refused once received, each with its own words on the client. Refusals found
 * while the file arrives (too large, type not accepted) are also answered at once as HTTP errors.
 */
export const DOCUMENT_REJECTIONS = [
  'too_large',
  'type_refused',
  'too_many_pages',
  'virus',
  'active_content',
  'encrypted_pdf',
  'mixed_content',
  'image_too_large',
  'damaged',
] as const;
export type DocumentRejection = (typeof DOCUMENT_REJECTIONS)[number];

/** Why a document waits in `scanning` longer than a scan takes. */
export const DOCUMENT_WAITS = ['antivirus_unavailable'] as const;
export type DocumentWait = (typeof DOCUMENT_WAITS)[number];

export type DocumentSenderRole = 'booth' | 'agent' | 'facilitator';

/** One page (a photographed image) or the whole file (a PDF). */
export interface DocumentFileView {
  position: number;
  mediaType: DocumentMediaType;
  /** Bytes of the file as received. */
  size: number;
  /** SHA-256 (hex) of the file as received. */
  sha256: string;
  /** Pixel size of an image (after turning it upright); null for a PDF. */
  width: number | null;
  height: number | null;
  /** Short-lived, bound to the caller's session; null until the document is ready. */
  url: string | null;
}

export interface DocumentView {
  id: string;
  consultationId: string;
  direction: DocumentDirection;
  senderRole: DocumentSenderRole;
  senderName: string;
  title: string;
  status: DocumentStatus;
  rejection: DocumentRejection | null;
  /** The virus signature, when the antivirus found one. */
  signature: string | null;
  waiting: DocumentWait | null;
  /** Pages of a PDF, or photographed pages. Null until the checks have counted them. */
  pages: number | null;
  /** Total bytes received. */
  size: number;
  createdAt: string;
  readyAt: string | null;
  files: DocumentFileView[];
  /** All pages as one PDF (photographed pages) or the PDF itself; null until ready. */
  pdfUrl: string | null;
  /** A copy goes (or went) to the citizen's e-mail, as the agent asked with the citizen's agreement. */
  emailCopy: boolean;
  /** Whether the caller may delete it (the consultation's agent, or its sender). */
  canDelete: boolean;
}
