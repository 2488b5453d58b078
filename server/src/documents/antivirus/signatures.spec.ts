import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeSignatures, parseClamdVersion, parseCvdHeader, parseCvdTime } from './signatures';

/** A .cvd's first 512 bytes as freshclam downloads them (space-padded), followed by a tarball we never read. */
function cvd(time: string, version: number, signatures: number): Buffer {
  const header = `ClamAV-VDB:${time}:${version}:${signatures}:90:3a1c2ef6c2ee2c9b8a4b4b1e8c2f0a11:X6bTGmsFE0vXq2wYjZk1:raynman:1794657780`;
  return Buffer.concat([Buffer.from(header.padEnd(512, ' '), 'latin1'), Buffer.from([0x1f, 0x8b, 0x08, 0x00])]);
}

describe('parseCvdHeader', () => {
  it('reads the build time (which holds a colon), the version and the signature count', () => {
    expect(parseCvdHeader(cvd('14 Nov 2026 07:03 -0500', 27_462, 2_071_534).toString('latin1'))).toEqual({
      version: 27_462,
      builtAt: '2026-11-14T12:03:00.000Z',
      signatures: 2_071_534,
    });
  });

  it('falls back to the unix build time when the month is not readable', () => {
    const odd = 'ClamAV-VDB:14 Foo 2026 07:03 -0500:62:6647427:90:md5:dsig:sigmgr:1794657780'.padEnd(512, ' ');
    expect(parseCvdHeader(odd)).toEqual({ version: 62, builtAt: new Date(1794657780 * 1000).toISOString(), signatures: 6_647_427 });
  });

  it('refuses what is not a database header', () => {
    expect(parseCvdHeader('ClamAV-VDB:someday:62:6647427:90:md5:dsig:sigmgr:1794657780'.padEnd(512, ' '))).toBeNull();
    expect(parseCvdHeader('\x1f\x8b\x08\x00 a bare tarball')).toBeNull();
    expect(parseCvdHeader('')).toBeNull();
  });
});

describe('parseCvdTime', () => {
  it.each([
    ['14 Nov 2026 07:03 -0500', '2026-11-14T12:03:00.000Z'],
    ['01 Jan 2027 23:30 -0500', '2027-01-02T04:30:00.000Z'],
    ['3 Mar 2026 09:15 +0130', '2026-03-03T07:45:00.000Z'],
    ['10 Jun 2013 13-12 -0400', '2013-06-10T17:12:00.000Z'],
  ])('%s → %s', (text, iso) => expect(parseCvdTime(text)).toBe(iso));

  it('gives null for another shape', () => {
    expect(parseCvdTime('2026-11-14T12:03:00Z')).toBeNull();
  });
});

describe('parseClamdVersion', () => {
  it('reads the engine, database version and date with official databases', () => {
    expect(parseClamdVersion('ClamAV 1.4.6/27000/Tue Dec  1 09:00:00 2026\0')).toEqual({
      engine: '1.4.6',
      databaseVersion: 27_000,
      databaseDate: 'Tue Dec  1 09:00:00 2026',
    });
  });

  it('gives no database version with unofficial signatures only (what 1.4.6 answers then)', () => {
    expect(parseClamdVersion('ClamAV 1.4.6')).toEqual({ engine: '1.4.6', databaseVersion: null, databaseDate: null });
    expect(parseClamdVersion('ClamAV 1.4.6/0/')).toEqual({ engine: '1.4.6', databaseVersion: null, databaseDate: null });
  });

  it('throws on a reply that is not VERSION', () => {
    expect(() => parseClamdVersion('PONG')).toThrow(/Not a clamd VERSION reply/);
  });
});

describe('describeSignatures', () => {
  let dir: string;
  const now = new Date('2026-11-20T12:00:00.000Z');
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'visio-signatures-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const testNdb = 'VisioMsap.Test.Signature:0:*:56495349\n# a comment\n\nEicar.Test.Signature:0:*:58354f21\n';

  it('is missing when the directory does not exist', async () => {
    await expect(describeSignatures(join(dir, 'nope'), now)).resolves.toEqual({ kind: 'missing', files: [], newestAt: null, ageDays: null });
  });

  it('is missing when nothing in the directory is a database clamd loads', async () => {
    await writeFile(join(dir, 'README.md'), '# notes');
    await writeFile(join(dir, 'daily.cvd.bak'), 'x');
    expect((await describeSignatures(dir, now)).kind).toBe('missing');
  });

  it('is test-only with the project signatures alone, counting one signature per line', async () => {
    await writeFile(join(dir, 'visio-msap-test.ndb'), testNdb);
    await writeFile(join(dir, 'README.md'), '# notes');
    await expect(describeSignatures(dir, now)).resolves.toEqual({
      kind: 'test-only',
      files: [{ name: 'visio-msap-test.ndb', version: null, builtAt: null, signatures: 2 }],
      newestAt: null,
      ageDays: null,
    });
  });

  it('is custom with any other unofficial database', async () => {
    await writeFile(join(dir, 'visio-msap-test.ndb'), testNdb);
    await writeFile(join(dir, 'local.hsb'), 'a'.repeat(64) + ':68:Local.Sample\n');
    await writeFile(join(dir, 'rules.yara'), 'rule x { condition: false }\n');
    const set = await describeSignatures(dir, now);
    expect(set.kind).toBe('custom');
    expect(set.files).toEqual([
      { name: 'local.hsb', version: null, builtAt: null, signatures: 1 },
      { name: 'rules.yara', version: null, builtAt: null, signatures: null },
      { name: 'visio-msap-test.ndb', version: null, builtAt: null, signatures: 2 },
    ]);
  });

  it('is official with ClamAV databases, dated by the newest one', async () => {
    await writeFile(join(dir, 'main.cvd'), cvd('16 Sep 2021 08:32 -0400', 62, 6_647_427));
    await writeFile(join(dir, 'daily.cld'), cvd('18 Nov 2026 04:21 -0500', 27_466, 2_071_900));
    await writeFile(join(dir, 'bytecode.cvd'), cvd('24 Jul 2026 04:58 -0400', 339, 80));
    await writeFile(join(dir, 'visio-msap-test.ndb'), testNdb);
    await expect(describeSignatures(dir, now)).resolves.toEqual({
      kind: 'official',
      files: [
        { name: 'bytecode.cvd', version: 339, builtAt: '2026-07-24T08:58:00.000Z', signatures: 80 },
        { name: 'daily.cld', version: 27_466, builtAt: '2026-11-18T09:21:00.000Z', signatures: 2_071_900 },
        { name: 'main.cvd', version: 62, builtAt: '2021-09-16T12:32:00.000Z', signatures: 6_647_427 },
        { name: 'visio-msap-test.ndb', version: null, builtAt: null, signatures: 2 },
      ],
      newestAt: '2026-11-18T09:21:00.000Z',
      ageDays: 2,
    });
  });

  it('keeps an official database whose header is damaged, without a date', async () => {
    await writeFile(join(dir, 'daily.cvd'), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0]));
    await expect(describeSignatures(dir, now)).resolves.toEqual({
      kind: 'official',
      files: [{ name: 'daily.cvd', version: null, builtAt: null, signatures: null }],
      newestAt: null,
      ageDays: null,
    });
  });
});
