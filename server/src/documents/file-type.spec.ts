import type { DocumentMediaType } from '../../../shared/documents/documents';
import { SNIFF_BYTES, sniffType } from './file-type';

/** The first bytes of a file: raw bytes, then text (latin1), then zeros up to SNIFF_BYTES. */
const head = (bytes: readonly number[], text = '', pad = SNIFF_BYTES) => {
  const start = Buffer.concat([Buffer.from(bytes), Buffer.from(text, 'latin1')]);
  return start.length >= pad ? start : Buffer.concat([start, Buffer.alloc(pad - start.length)]);
};
const text = (value: string) => head([], value);

describe('sniffType', () => {
  it.each<[string, Buffer, DocumentMediaType]>([
    ['a JPEG (JFIF)', head([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF'), 'image/jpeg'],
    ['a JPEG (EXIF, from a phone)', head([0xff, 0xd8, 0xff, 0xe1, 0x2f, 0xfe], 'Exif'), 'image/jpeg'],
    ['a PNG', head([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'), 'image/png'],
    ['a PDF', text('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'), 'application/pdf'],
    ['a PDF 2.0', text('%PDF-2.0\r'), 'application/pdf'],
    ['the shortest JPEG start', Buffer.from([0xff, 0xd8, 0xff]), 'image/jpeg'],
    ['the shortest PDF start', Buffer.from('%PDF-'), 'application/pdf'],
  ])('accepts %s', (_name, bytes, mediaType) => {
    expect(sniffType(bytes)).toEqual({ accepted: true, mediaType });
  });

  it.each<[string, Buffer, string]>([
    ['a PDF header after other bytes (a polyglot)', text('GIF89a%PDF-1.7'), 'gif'],
    ['a PDF header after a few spaces', text('   %PDF-1.7'), 'unknown'],
    ['a PDF header after a byte-order mark', head([0xef, 0xbb, 0xbf], '%PDF-1.7'), 'unknown'],
    ['a Windows executable', head([], 'MZ\x90\x00\x03\x00\x00\x00'), 'windows-executable'],
    ['an ELF executable', head([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]), 'elf-executable'],
    ['a 32-bit Mach-O executable', head([0xfe, 0xed, 0xfa, 0xce]), 'mach-o-executable'],
    ['a 64-bit Mach-O executable', head([0xfe, 0xed, 0xfa, 0xcf]), 'mach-o-executable'],
    ['a little-endian 32-bit Mach-O executable', head([0xce, 0xfa, 0xed, 0xfe]), 'mach-o-executable'],
    ['a little-endian 64-bit Mach-O executable', head([0xcf, 0xfa, 0xed, 0xfe, 0x07, 0x00, 0x00, 0x01]), 'mach-o-executable'],
    ['a shell script', text('#!/bin/sh\nrm -rf'), 'script'],
    ['an env script', text('#!/usr/bin/env python3'), 'script'],
    ['a ZIP archive (or an Office file)', head([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'zip-archive'],
    ['a GIF', text('GIF89a\x01\x00\x01\x00'), 'gif'],
    ['an old GIF', text('GIF87a'), 'gif'],
    ['a WebP', text('RIFF\x24\x00\x00\x00WEBPVP8 '), 'webp'],
    ['a HEIC photo', head([0x00, 0x00, 0x00, 0x18], 'ftypheic\x00\x00\x00\x00'), 'heic'],
    ['a HEIF photo', head([0x00, 0x00, 0x00, 0x1c], 'ftypmif1'), 'heic'],
    ['a little-endian TIFF', head([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]), 'tiff'],
    ['a big-endian TIFF', head([0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08]), 'tiff'],
    ['an HTML page', text('<!DOCTYPE html><html>'), 'html'],
    ['an HTML page in lower case, after blank lines', text('\r\n\n  <html lang="fr">'), 'html'],
    ['a bare script tag', text('<script>alert(1)</script>'), 'html'],
    ['an SVG image', text('<svg xmlns="http://www.w3.org/2000/svg">'), 'html'],
    ['an SVG image with an XML declaration', text('<?xml version="1.0"?><svg>'), 'html'],
    ['a RIFF file that is not WebP (a WAV)', text('RIFF\x24\x00\x00\x00WAVEfmt '), 'unknown'],
    ['plain text', text('Bonjour Madame, voici'), 'unknown'],
    ['zeros', Buffer.alloc(SNIFF_BYTES), 'unknown'],
    ['random-looking bytes', Buffer.from('a3f1097c5e2b44d18e6f0b3c2d1a9e77', 'hex'), 'unknown'],
  ])('refuses %s', (_name, bytes, kind) => {
    expect(sniffType(bytes)).toEqual({ accepted: false, kind });
  });

  it.each<[string, Buffer]>([
    ['an empty file', Buffer.alloc(0)],
    ['one byte', Buffer.from([0xff])],
    ['the first two bytes of a JPEG', Buffer.from([0xff, 0xd8])],
    ['the first three bytes of a PNG', Buffer.from([0x89, 0x50, 0x4e])],
    ['the first three bytes of a PDF', Buffer.from('%PD')],
    ['"MZ" alone', Buffer.from('MZ')],
  ])('refuses %s as too small to tell', (_name, bytes) => {
    expect(sniffType(bytes)).toEqual({ accepted: false, kind: 'empty-or-tiny' });
  });

  it('does not take a truncated PNG signature for a PNG', () => {
    expect(sniffType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a]))).toEqual({ accepted: false, kind: 'unknown' });
  });

  it('decides within SNIFF_BYTES, whatever follows', () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj');
    expect(sniffType(pdf.subarray(0, SNIFF_BYTES))).toEqual(sniffType(pdf));
  });
});
