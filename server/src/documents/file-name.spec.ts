import { cleanFileName, contentDisposition } from './file-name';

/** RFC 5987 / 8187 `attr-char`, and percent-encoded octets: all an ext-value may hold. */
const EXT_VALUE = /^(?:[A-Za-z0-9!#$&+\-.^_`|~]|%[0-9A-F]{2})*$/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The two names a `Content-Disposition` header carries. */
function parse(header: string): { kind: string; fallback: string; extended: string } {
  const match = /^(inline|attachment); filename="([^"\\]*)"; filename\*=UTF-8''(\S*)$/.exec(header);
  if (!match) throw new Error(`not the expected shape: ${header}`);
  return { kind: match[1]!, fallback: match[2]!, extended: match[3]! };
}

describe('cleanFileName', () => {
  it.each([
    ['a plain name', 'Avis d’imposition 2025.pdf', 'Avis d’imposition 2025.pdf'],
    ['a Windows path', 'C:\\Users\\Jeanne\\Documents\\scan.pdf', 'scan.pdf'],
    ['a POSIX path', '/home/jeanne/scan.pdf', 'scan.pdf'],
    ['a path going up', '../../etc/passwd', 'passwd'],
    ['mixed slashes', 'a/b\\c/photo.jpg', 'photo.jpg'],
    ['NUL, newline and DEL', 'fac\u0000ture\r\n\u007f.pdf', 'facture.pdf'],
    ['C1 controls', 'page\u0085\u009b1.jpg', 'page1.jpg'],
    ['a right-to-left override ("exe.pdf" shown as "fdp.exe")', 'facture\u202efdp.exe', 'facturefdp.exe'],
    ['every embedding and override', 'a\u202ab\u202bc\u202cd\u202de\u202e.pdf', 'abcde.pdf'],
    ['isolates and marks', '\u2066a\u2067b\u2068c\u2069\u200ed\u200f.pdf', 'abcd.pdf'],
    ['leading dots', '...profile.jpg', 'profile.jpg'],
    ['a hidden file behind a path', 'dir/.htaccess', 'htaccess'],
    ['spaces around', '   scan 1.pdf  ', 'scan 1.pdf'],
    ['spaces left once the dots are gone', '. scan.pdf', 'scan.pdf'],
  ])('cleans %s', (_what, raw, clean) => {
    expect(cleanFileName(raw)).toBe(clean);
  });

  it('normalises to NFC (one code point for "é", as macOS sends it decomposed)', () => {
    const decomposed = 'De\u0301claration releve\u0301e.pdf';
    expect(cleanFileName(decomposed)).toBe('D\u00e9claration relev\u00e9e.pdf');
    expect(cleanFileName(decomposed)).toHaveLength(decomposed.length - 2);
  });

  it.each([
    ['nothing', undefined],
    ['an empty name', ''],
    ['spaces', '   '],
    ['a path ending in a slash', 'C:\\scans\\'],
    ['dots alone', '..'],
    ['controls alone', '\u0000\u202e\u0007'],
  ])('falls back when nothing is left of %s', (_what, raw) => {
    expect(cleanFileName(raw)).toBe('document');
    expect(cleanFileName(raw, 'page-1')).toBe('page-1');
  });

  it('keeps at most 200 characters', () => {
    expect(cleanFileName(`${'a'.repeat(300)}.pdf`)).toBe('a'.repeat(200));
    expect(cleanFileName('é'.repeat(200))).toHaveLength(200);
  });

  it('does not end on a space once cut', () => {
    expect(cleanFileName(`${'a'.repeat(199)} b.pdf`)).toBe('a'.repeat(199));
  });

  it('never cuts a character outside the Basic Multilingual Plane in two', () => {
    // 'a' then 150 emoji: 301 UTF-16 code units; a cut at 200 code units falls inside a surrogate pair.
    const name = cleanFileName(`a${'📄'.repeat(150)}`);

    expect(name).not.toMatch(LONE_SURROGATE);
    expect([...name].length).toBeLessThanOrEqual(200);
    expect(() => contentDisposition('attachment', name)).not.toThrow();
  });
});

describe('contentDisposition', () => {
  it.each([
    ['inline', 'scan.pdf', 'scan.pdf'],
    ['attachment', 'Relevé d’identité.pdf', 'Releve d_identite.pdf'],
    ['attachment', 'Ça coûte 20 €.jpg', 'Ca coute 20 _.jpg'],
    ['inline', 'a "quoted" name\\x.pdf', 'a _quoted_ name_x.pdf'],
    ['attachment', '申請書.pdf', '___.pdf'],
    ['attachment', 'page 📄.png', 'page __.png'],
  ] as const)('%s of %j: an ASCII fallback without quotes or backslashes', (kind, name, fallback) => {
    const parsed = parse(contentDisposition(kind, name));

    expect(parsed.kind).toBe(kind);
    expect(parsed.fallback).toBe(fallback);
    expect(parsed.fallback).toMatch(/^[\x20-\x7e]*$/);
  });

  it.each([
    'scan.pdf',
    'Relevé d’identité.pdf',
    'Déclaration d\'impôts (2025).pdf',
    'devis*final.pdf',
    'a "quoted" name\\x.pdf',
    '100% fait; ok=oui,.pdf',
    '申請書.pdf',
    'page 📄.png',
  ])('gives the exact name of %j as an RFC 5987 filename*', (name) => {
    const { extended } = parse(contentDisposition('attachment', name));

    expect(extended).toMatch(EXT_VALUE);
    expect(decodeURIComponent(extended)).toBe(name);
  });

  it('percent-encodes the name as UTF-8 octets', () => {
    expect(parse(contentDisposition('inline', 'é €.pdf')).extended).toBe('%C3%A9%20%E2%82%AC.pdf');
  });
});
