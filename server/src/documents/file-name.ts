/**
 * A file's name as sent, made safe to show and to offer back in a download: the last path
 * segment only, no control or bidirectional-override characters, at most 200 characters. It is
 * never used to name anything on disk (objects are named after ids).
 */
export function cleanFileName(raw: string | undefined, fallback = 'document'): string {
  const base = (raw ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  // C0/C1 controls, and the bidirectional controls that make "exe.pdf" read as "fdp.exe".
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const visible = base.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  const name = visible.replace(/^\.+/, '').slice(0, 200).trim();
  return name === '' ? fallback : name;
}

/** `Content-Disposition` for a name: an ASCII fallback and the exact name (RFC 6266 / 5987). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
