import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream } from 'pdf-lib';

/** WinAnsiEncoding's 0x80–0x9F (Node decodes "windows-1252" as Latin-1 there); the rest is Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const winAnsi = (bytes: Buffer): string => [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b))).join('');

/**
 * The text drawn on each page of a PDF written with the standard fonts (WinAnsi-encoded hex strings
 * shown by Tj, as pdf-lib writes them), one line per text object: enough to read back what the
 * server printed, with an independent decoder (the page streams inflated and parsed here).
 */
export async function pdfPagesText(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const contents = page.node.get(PDFName.of('Contents'));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    const streams = refs.map((ref) => (ref instanceof PDFRef ? doc.context.lookup(ref) : ref)).filter((s): s is PDFStream => s instanceof PDFStream);
    const source = streams.map((stream) => decode(stream)).join('\n');
    return [...source.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((m) => winAnsi(Buffer.from(m[1]!, 'hex'))).join('\n');
  });
}

function decode(stream: PDFStream): string {
  const raw = stream instanceof PDFRawStream ? stream.contents : stream.getContents();
  const filter = stream.dict.get(PDFName.of('Filter'));
  const bytes = filter === PDFName.of('FlateDecode') ? inflateSync(raw) : Buffer.from(raw);
  return bytes.toString('latin1');
}
