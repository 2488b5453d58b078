import { PDFArray, PDFDict, PDFDocument, PDFName, PDFObject, PDFRawStream } from 'pdf-lib';
import sharp from 'sharp';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DocumentMediaType, DocumentRejection } from '../../../shared/documents/documents';

/** A file that fails the checks, with the reason the people are told. */
export class InspectionRefusal extends Error {
  constructor(
    readonly rejection: DocumentRejection,
    detail: string,
  ) {
    super(detail);
    this.name = 'InspectionRefusal';
  }
}

export interface CleanImage {
  width: number;
  height: number;
}

/**
 * Decodes an image under a pixel limit (a decompression bomb is refused from its header, before
 * any pixel is decoded), turns it upright from its EXIF orientation and re-encodes it in its own
 * format without any metadata (EXIF, GPS position, camera serial, comments, trailing bytes).
 * What is stored is the re-encoding: bytes that were only hidden in the file do not survive.
 */
export async function sanitizeImage(input: Readable, output: Writable, mediaType: DocumentMediaType, maxPixels: number): Promise<CleanImage> {
  const image = sharp({ limitInputPixels: maxPixels, failOn: 'truncated', sequentialRead: true }).rotate();
  const encoder = mediaType === 'image/png' ? image.png({ compressionLevel: 6 }) : image.jpeg({ quality: 90, chromaSubsampling: '4:4:4' });
  let info: CleanImage | null = null;
  encoder.on('info', (i: sharp.OutputInfo) => (info = { width: i.width, height: i.height }));
  try {
    await pipeline(input, encoder, output);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/pixel limit/i.test(message)) throw new InspectionRefusal('image_too_large', message);
    if (error instanceof Error && /vips|jpeg|png|image|input|premature|corrupt|truncat/i.test(message)) throw new InspectionRefusal('damaged', message);
    throw error;
  }
  if (!info) throw new InspectionRefusal('damaged', 'the image produced no output');
  return info;
}

/** Names whose presence anywhere in a PDF means code, an action outside the reader, or a file inside. */
const ACTIVE_KEYS = new Set(['JS', 'JavaScript', 'Launch', 'EmbeddedFiles', 'EmbeddedFile', 'RichMedia', 'ImportData']);
const ACTIVE_VALUES = new Set(['JavaScript', 'Launch', 'EmbeddedFile', 'FileAttachment', 'RichMedia', 'ImportData', 'GoToE']);

/** The first active element found in a dictionary, depth first (arrays and nested dictionaries included). */
function activeElement(object: PDFObject | undefined, seen: Set<PDFObject>): string | null {
  if (!object || seen.has(object)) return null;
  seen.add(object);
  if (object instanceof PDFName) return ACTIVE_VALUES.has(object.decodeText()) ? `/${object.decodeText()}` : null;
  if (object instanceof PDFArray) {
    for (const item of object.asArray()) {
      const found = activeElement(item, seen);
      if (found) return found;
    }
    return null;
  }
  const dict = object instanceof PDFDict ? object : object instanceof PDFRawStream ? object.dict : null;
  if (!dict) return null;
  for (const [key, value] of dict.entries()) {
    if (ACTIVE_KEYS.has(key.decodeText())) return `/${key.decodeText()}`;
    const found = activeElement(value, seen);
    if (found) return found;
  }
  return null;
}

/** Bytes after the last end-of-file marker: a PDF followed by another file (a polyglot). */
function trailingBytes(bytes: Uint8Array): number | null {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = tail.lastIndexOf('%%EOF');
  if (end < 0) return null;
  const rest = tail.subarray(end + 5).toString('latin1');
  return rest.replace(/[\s\0]/g, '').length;
}

/**
 * Parses a PDF (object streams included) and refuses what a reader could run or open: JavaScript,
 * launch actions, embedded files, rich media; an encrypted PDF (its objects cannot be checked); a
 * file after the PDF's end; more pages than allowed. Returns the page count.
 */
export async function inspectPdf(bytes: Uint8Array, maxPages: number): Promise<{ pages: number }> {
  const trailing = trailingBytes(bytes);
  if (trailing === null) throw new InspectionRefusal('damaged', 'no %%EOF marker: the PDF is truncated');
  if (trailing > 0) throw new InspectionRefusal('mixed_content', `${trailing} bytes after the end of the PDF`);
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    throw new InspectionRefusal('damaged', error instanceof Error ? error.message : String(error));
  }
  if (pdf.isEncrypted) throw new InspectionRefusal('encrypted_pdf', 'encrypted PDF');
  const seen = new Set<PDFObject>();
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    const found = activeElement(object, seen);
    if (found) throw new InspectionRefusal('active_content', `PDF holds ${found}`);
  }
  const found = activeElement(pdf.context.trailerInfo.Root, seen);
  if (found) throw new InspectionRefusal('active_content', `PDF holds ${found}`);
  let pages: number;
  try {
    pages = pdf.getPageCount();
  } catch (error) {
    throw new InspectionRefusal('damaged', error instanceof Error ? error.message : String(error));
  }
  if (pages < 1) throw new InspectionRefusal('damaged', 'the PDF has no page');
  if (pages > maxPages) throw new InspectionRefusal('too_many_pages', `${pages} pages, at most ${maxPages}`);
  return { pages };
}

/** Photographed pages assembled into one PDF (the agent's "download all pages"), one image per page. */
export async function imagesToPdf(images: Array<{ bytes: Uint8Array; mediaType: DocumentMediaType }>): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setProducer('Visio MSAP');
  pdf.setCreator('Visio MSAP');
  for (const image of images) {
    const embedded = image.mediaType === 'image/png' ? await pdf.embedPng(image.bytes) : await pdf.embedJpg(image.bytes);
    // An A4-wide page at the photo's proportions: printable, and no resampling of the photo.
    const width = 595.28;
    const height = (embedded.height / embedded.width) * width;
    const page = pdf.addPage([width, height]);
    page.drawImage(embedded, { x: 0, y: 0, width, height });
  }
  return pdf.save();
}
