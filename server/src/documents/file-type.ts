import type { DocumentMediaType } from '../../../shared/documents/documents';

/**
 * The type of a file from its first bytes, whatever its name or declared type say. Only the
 * accepted types are named as such; a few common others are recognised to be refused in words
 * (a program, an archive, a web page) rather than as "unknown".
 */
export type SniffedType = { accepted: true; mediaType: DocumentMediaType } | { accepted: false; kind: string };

/** Bytes needed to decide. */
export const SNIFF_BYTES = 16;

const startsWith = (head: Buffer, bytes: readonly number[], offset = 0) => bytes.every((b, i) => head[offset + i] === b);
const ascii = (text: string) => [...Buffer.from(text, 'latin1')];

const REFUSED: Array<{ kind: string; test: (head: Buffer) => boolean }> = [
  { kind: 'windows-executable', test: (h) => startsWith(h, ascii('MZ')) },
  { kind: 'elf-executable', test: (h) => startsWith(h, [0x7f, 0x45, 0x4c, 0x46]) },
  { kind: 'mach-o-executable', test: (h) => [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe].includes(h.readUInt32BE(0)) },
  { kind: 'script', test: (h) => startsWith(h, ascii('#!')) },
  { kind: 'zip-archive', test: (h) => startsWith(h, ascii('PK\x03\x04')) },
  { kind: 'gif', test: (h) => startsWith(h, ascii('GIF8')) },
  { kind: 'webp', test: (h) => startsWith(h, ascii('RIFF')) && startsWith(h, ascii('WEBP'), 8) },
  { kind: 'heic', test: (h) => startsWith(h, ascii('ftyp'), 4) },
  { kind: 'tiff', test: (h) => startsWith(h, ascii('II*\0')) || startsWith(h, ascii('MM\0*')) },
  { kind: 'html', test: (h) => /^\s*<(!doctype|html|script|svg|\?xml)/i.test(h.toString('latin1')) },
];

export function sniffType(head: Buffer): SniffedType {
  if (head.length >= 3 && startsWith(head, [0xff, 0xd8, 0xff])) return { accepted: true, mediaType: 'image/jpeg' };
  if (head.length >= 8 && startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { accepted: true, mediaType: 'image/png' };
  // NOTE: PDF readers accept a header anywhere in the first 1024 bytes; we do not: bytes before it
  // are how polyglot files (a PDF that is also something else) are made.
  if (head.length >= 5 && startsWith(head, ascii('%PDF-'))) return { accepted: true, mediaType: 'application/pdf' };
  if (head.length < 4) return { accepted: false, kind: 'empty-or-tiny' };
  return { accepted: false, kind: REFUSED.find((r) => r.test(head))?.kind ?? 'unknown' };
}
