/**
 * A file's name as sent, made safe to show and to offer back in a download: the last path
 * segment only, no control or bidirectional-override characters, at most 200 characters. It is
 * never used to name anything on disk (objects are named after ids).
 */
export function cleanFileName(raw: string | undefined, fallback = 'document'): string {
  const base = (raw ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  const name = capped(visibleText(base).replace(/^\.+/, ''));
  return name === '' ? fallback : name;
}

/** A title typed by a person ("Relevé 03/2026"): slashes are words here, not paths. */
export function cleanTitle(raw: string): string {
  return capped(visibleText(raw.normalize('NFC')));
}

/** Without C0/C1 controls nor the bidirectional controls that make "exe.pdf" read as "fdp.exe". */
function visibleText(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
}

/** At most 200 characters, counted as characters (an emoji is not cut in half). */
const capped = (text: string) => Array.from(text).slice(0, 200).join('').trim();

/** `Content-Disposition` for a name: an ASCII fallback and the exact name (RFC 6266 / 5987). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  // encodeURIComponent leaves ' ( ) * as they are; RFC 8187 does not allow them in an ext-value.
  const exact = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${exact}`;
}
