import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { crc32, deflateSync } from 'node:zlib';
import type { DocumentView } from '../../shared/documents/documents';
import type { Agent } from './session';
import { waitFor } from './browser';

/** The project's own ClamAV test string (server/src/documents/antivirus/signatures). */
export const TEST_VIRUS = 'VISIO-MSAP-ANTIVIRUS-TEST-SIGNATURE-7f3a';

/** A photo as a phone takes it: sideways (EXIF orientation 6), with a GPS position and a camera name. */
export async function phonePhoto(width = 400, height = 200): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  // Left half dark, right half light (after turning upright, the top is dark), with a camera's noise.
  let seed = 7;
  for (let i = 0; i < pixels.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    pixels[i] = ((i / 3) % width < width / 2 ? 30 : 200) + (seed % 40);
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'Camera 9000' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 10/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '2/1 15/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 92 })
    .toBuffer();
}

export async function pngImage(width = 120, height = 80): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 0, g: 120, b: 200 } } }).png().toBuffer();
}

/** A JPEG carrying the test signature in a comment segment: scanned as received, it must be caught. */
export async function infectedJpeg(): Promise<Buffer> {
  const jpeg = await pngToJpeg(await pngImage());
  const comment = Buffer.from(TEST_VIRUS);
  const segment = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([(comment.length + 2) >> 8, (comment.length + 2) & 0xff]), comment]);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

async function pngToJpeg(png: Buffer): Promise<Buffer> {
  return sharp(png).jpeg().toBuffer();
}

export async function simplePdf(pages = 1, text = 'Formulaire Cerfa de test'): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) pdf.addPage([595, 842]).drawText(`${text} – page ${i + 1}`, { x: 50, y: 780, size: 18, font });
  return Buffer.from(await pdf.save());
}

/** A PDF that runs JavaScript when opened (an OpenAction). */
export async function pdfWithJavaScript(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]);
  const action = pdf.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert("hello")') });
  pdf.catalog.set(PDFName.of('OpenAction'), pdf.context.register(action));
  return Buffer.from(await pdf.save({ useObjectStreams: true }));
}

/** A PDF with the test signature in a comment, before its end marker. */
export async function pdfWithTestVirus(): Promise<Buffer> {
  const pdf = await simplePdf();
  const header = pdf.indexOf('\n') + 1;
  return Buffer.concat([pdf.subarray(0, header), Buffer.from(`% ${TEST_VIRUS}\n`), pdf.subarray(header)]);
}

/** A PNG whose header declares 60,000 × 60,000 pixels (10.8 GB once decoded) in a few hundred bytes. */
export function pngBomb(width = 60_000, height = 60_000): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(width + 1))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** What a Windows program starts with. */
export function fakeExecutable(): Buffer {
  const exe = Buffer.alloc(4096, 0x90);
  exe.write('MZ', 0, 'latin1');
  exe.write('This program cannot be run in DOS mode.', 78, 'latin1');
  return exe;
}

/** A ZIP archive's local header and some bytes: appended to another file, it makes a polyglot. */
export function zipTail(): Buffer {
  return Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200, 0x41)]);
}

/** Lists a consultation's documents as `caller` sees them. */
export async function listDocuments(caller: Agent, consultationId: string): Promise<DocumentView[]> {
  const res = await caller.get(`/api/consultations/${consultationId}/documents`).expect(200);
  return res.body as DocumentView[];
}

/** Waits until the document has left `uploading`/`scanning` and returns it. */
export async function settled(caller: Agent, consultationId: string, documentId: string, timeoutMs = 30_000): Promise<DocumentView> {
  return waitFor(
    `document ${documentId} to be checked`,
    async () => {
      const doc = (await listDocuments(caller, consultationId)).find((d) => d.id === documentId);
      return doc && (doc.status === 'ready' || doc.status === 'rejected') ? doc : undefined;
    },
    timeoutMs,
  );
}
