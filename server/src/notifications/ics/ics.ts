/**
 * Minimal RFC 5545 writer for what agents need: one VEVENT per consultation, as an invitation
 * (METHOD:REQUEST), a cancellation (METHOD:CANCEL) or a feed (no METHOD). Times are written in UTC
 * (the "Z" form), which every calendar converts to the reader's zone with no VTIMEZONE to maintain.
 */

export interface IcsEvent {
  /** Stable per consultation: updates and cancellations replace the same calendar entry. */
  uid: string;
  /** Must grow with every change of the entry, or calendars ignore the update. */
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  description: string;
  location: string;
  /** Where the event leads (the consultation's call page). */
  url?: string;
  status: 'CONFIRMED' | 'CANCELLED';
  organizer?: { name: string; email: string };
  attendee?: { name: string; email: string };
  /** When this version of the entry was produced. */
  stamp: Date;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** TEXT value escaping (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Parameter values with separators are quoted; quotes themselves are not allowed in them. */
const paramValue = (value: string): string => (/[;:,]/.test(value) ? `"${value.replace(/"/g, "'")}"` : value);

/** Folds a content line at 75 octets without cutting a UTF-8 sequence (RFC 5545 3.1). */
export function foldLine(line: string): string {
  if (line.length <= MAX_OCTETS && Buffer.byteLength(line, 'utf8') <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const code = ch.codePointAt(0)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    // Continuation lines start with one space, which counts in their 75 octets.
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

export const icsUtc = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

function eventLines(e: IcsEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${icsUtc(e.stamp)}`,
    `DTSTART:${icsUtc(e.startsAt)}`,
    `DTEND:${icsUtc(e.endsAt)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    `LOCATION:${escapeText(e.location)}`,
    `STATUS:${e.status}`,
  ];
  if (e.url) lines.push(`URL:${e.url}`);
  if (e.organizer) lines.push(`ORGANIZER;CN=${paramValue(e.organizer.name)}:mailto:${e.organizer.email}`);
  if (e.attendee) lines.push(`ATTENDEE;CN=${paramValue(e.attendee.name)};ROLE=REQ-PARTICIPANT:mailto:${e.attendee.email}`);
  lines.push('END:VEVENT');
  return lines;
}

/** A whole calendar object, CRLF-terminated lines, folded. */
export function buildCalendar(events: IcsEvent[], options: { method?: 'REQUEST' | 'CANCEL'; name?: string } = {}): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Visio MSAP//Notifications//FR', 'CALSCALE:GREGORIAN'];
  if (options.method) lines.push(`METHOD:${options.method}`);
  if (options.name) lines.push(`X-WR-CALNAME:${escapeText(options.name)}`);
  for (const e of events) lines.push(...eventLines(e));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

export const consultationUid = (consultationId: string): string => `consultation-${consultationId}@visio-msap`;

/**
 * "Jeanne Martin" → "J. M.": how calendar entries name the citizen. Calendar apps copy what an
 * entry says to their own servers and show it on phones' lock screens; the full name stays behind
 * the application's sign-in, where the entry's link leads.
 */
export const initials = (name: string): string =>
  name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((part) => `${[...part][0]!.toUpperCase()}.`)
    .join(' ');

/** The agent's page of the consultation's call. */
export const callLink = (base: string, consultationId: string): string => `${base}/consultation/${consultationId}`;
