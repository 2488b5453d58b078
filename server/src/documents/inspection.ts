import { PDFArray, PDFDict, PDFDocument, PDFName, PDFObject, PDFRawStream } from 'pdf-lib';
import sharp from 'sharp';
import { Readable, Writable } from 'node:stream';
import { inflateSync } from 'node:zlib';
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
const ACTIVE_KEYS = new Set(['JS', 'JavaScript', 'Launch', 'EmbeddedFiles', 'EmbeddedFile', 'RichMedia', 'ImportData', 'XFA']);
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

/**
 * The structure of the file around its end-of-file markers. A PDF is one body and, for each
 * incremental update, a section of objects and a cross-reference table, each ending with %%EOF;
 * what follows the last marker may only be blank. Another file glued after a PDF (a polyglot) is
 * found as a section that does not start like a PDF update, or as bytes after the last marker.
 * Within one section an object defined twice is refused: readers follow the cross-reference table
 * to one copy while a parser may keep the other (a way to hide an action from checks).
 */
function structuralProblem(bytes: Uint8Array): { rejection: DocumentRejection; detail: string } | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const sections = text.split('%%EOF');
  if (sections.length < 2) return { rejection: 'damaged', detail: 'no %%EOF marker: the PDF is truncated' };
  const tail = sections.pop()!;
  if (tail.replace(/[\s\0]/g, '').length > 0) return { rejection: 'mixed_content', detail: `${tail.length} bytes after the end of the PDF` };
  for (const [index, section] of sections.entries()) {
    if (index > 0 && !/^[\s\0]*(%|\d+\s+\d+\s+obj\b|xref\b)/.test(section)) {
      return { rejection: 'mixed_content', detail: `section ${index + 1} is not a PDF update` };
    }
    const seen = new Set<string>();
    // On the raw text: a digit, spaces and "obj" do not come together by chance in binary data.
    for (const match of section.matchAll(/(?:^|[\s>\]])(\d{1,10})\s+(\d{1,5})\s+obj\b/g)) {
      const id = `${match[1]} ${match[2]}`;
      if (seen.has(id)) return { rejection: 'damaged', detail: `object ${id} is defined twice in one revision` };
      seen.add(id);
    }
  }
  return null;
}

/**
 * Names that mean code, an action outside the reader, a form with its own scripts (XFA) or a file
 * inside, looked for in the raw bytes, whatever object holds them (a copy the parser dropped, a
 * string that looks like a stream's start…). Only names long enough never to be spelled by chance
 * in an image's bytes; /JS alone is found by the parser's walk (a JavaScript action also names
 * /JavaScript, which this finds).
 */
const RAW_ACTIVE_NAMES = new Set(['JavaScript', 'Launch', 'EmbeddedFiles', 'EmbeddedFile', 'RichMedia', 'ImportData', 'XFA', 'GoToE']);

function activeName(bytes: Uint8Array): string | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return activeNameIn(text) ?? activeNameInObjectStreams(bytes, text);
}

function activeNameIn(text: string): string | null {
  for (const match of text.matchAll(/\/([^\s/<>[\](){}%]{3,40})/g)) {
    const name = match[1]!.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (RAW_ACTIVE_NAMES.has(name)) return `/${name}`;
  }
  return null;
}

/** Largest decompressed object stream looked into (a compression bomb stops there). */
const OBJECT_STREAM_MAX_BYTES = 64 * 1024 * 1024;

/**
 * The same names inside compressed object streams, every one of them: the parser keeps only the
 * last definition of an object, and a reader may follow the cross-reference table to another copy
 * kept in another object stream. Only Flate streams with a direct length are read here (the
 * parser's walk covers what it keeps of the others).
 */
function activeNameInObjectStreams(bytes: Uint8Array, text: string): string | null {
  for (const header of text.matchAll(/(?:^|[\s>\]])\d{1,10}\s+\d{1,5}\s+obj\b/g)) {
    const from = header.index! + header[0].length;
    const streamAt = text.indexOf('stream', from);
    if (streamAt < 0 || streamAt - from > 4096) continue;
    const dictionary = text.slice(from, streamAt);
    if (!/\/Type\s*\/ObjStm\b/.test(dictionary) || !/\/Filter\s*\/FlateDecode\b/.test(dictionary)) continue;
    const length = /\/Length\s+(\d{1,10})(?!\s+\d+\s+R)/.exec(dictionary);
    if (!length) continue;
    const dataStart = streamAt + 6 + (text[streamAt + 6] === '\r' ? 2 : 1);
    let inflated: Buffer;
    try {
      inflated = inflateSync(bytes.subarray(dataStart, dataStart + Number(length[1])), { maxOutputLength: OBJECT_STREAM_MAX_BYTES });
    } catch {
      continue;
    }
    const found = activeNameIn(inflated.toString('latin1'));
    if (found) return found;
  }
  return null;
}

/**
 * Parses a PDF (object streams included) and refuses what a reader could run or open: JavaScript,
 * launch actions, embedded files, rich media, in the parsed objects and in the raw bytes; an
 * encrypted PDF (its objects cannot be checked); another file glued to it; an object defined twice
 * in one revision; more pages than allowed. Returns the page count.
 */
export async function inspectPdf(bytes: Uint8Array, maxPages: number): Promise<{ pages: number }> {
  // In the raw bytes first: a copy of an object that the parser would drop is still read by readers.
  const raw = activeName(bytes);
  if (raw) throw new InspectionRefusal('active_content', `PDF holds ${raw}`);
  const problem = structuralProblem(bytes);
  if (problem) throw new InspectionRefusal(problem.rejection, problem.detail);
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
