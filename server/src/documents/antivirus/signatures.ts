import { createReadStream } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * - official: ClamAV's own databases are there (main, daily, bytecode), whatever else is;
 * - test-only: nothing but this project's test signatures (they detect test files, not malware);
 * - custom: other databases (a third-party feed, or a site's own);
 * - missing: no database at all (clamd refuses to start).
 */
export type SignatureKind = 'official' | 'test-only' | 'custom' | 'missing';

export interface SignatureFile {
  name: string;
  /** Official databases only (from their header). */
  version: number | null;
  /** ISO; official databases only. */
  builtAt: string | null;
  /** From the header of an official database; one per line in a text database; null otherwise. */
  signatures: number | null;
}

export interface SignatureSet {
  kind: SignatureKind;
  files: SignatureFile[];
  /** The most recent build of an official database (ISO), which tells how fresh the protection is. */
  newestAt: string | null;
  /** Whole days since newestAt. */
  ageDays: number | null;
}

/** The name prefix of the project's test signatures (server/src/documents/antivirus/signatures). */
export const TEST_SIGNATURES_PREFIX = 'visio-msap-test.';

const OFFICIAL_DATABASE = /^(main|daily|bytecode)\.(cvd|cld)$/;
const CVD_HEADER_BYTES = 512;
const DAY_MS = 86_400_000;

// The extensions libclamav loads from a database directory (CLI_DBEXT in libclamav/readdb.h); others,
// such as the README next to the test signatures, are ignored by clamd and here.
const DATABASE_EXTENSIONS = new Set([
  'db', 'hdb', 'hdu', 'fp', 'mdb', 'mdu', 'hsb', 'hsu', 'sfp', 'msb', 'msu', 'ndb', 'ndu', 'ldb', 'ldu', 'sdb',
  'zmd', 'rmd', 'pdb', 'gdb', 'wdb', 'cbc', 'ftm', 'cfg', 'cvd', 'cld', 'cud', 'cdb', 'cat', 'crb', 'idb', 'ioc',
  'yar', 'yara', 'pwdb', 'ign', 'ign2', 'imp',
]); // prettier-ignore

// Text databases holding one detection signature per line.
const LINE_DATABASES = new Set(['db', 'hdb', 'hdu', 'mdb', 'mdu', 'hsb', 'hsu', 'msb', 'msu', 'ndb', 'ndu', 'ldb', 'ldu', 'idb', 'cdb']);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export interface CvdHeader {
  version: number;
  builtAt: string | null;
  signatures: number;
}

/**
 * The 512-byte header of a .cvd/.cld: `ClamAV-VDB:<build time>:<version>:<signatures>:<level>:<md5>:<dsig>:<builder>:<unix time>`.
 * NOTE: the build time (`14 Nov 2026 07:03 -0500`) holds a colon itself, so the fields are not split on ':'.
 */
export function parseCvdHeader(header: string): CvdHeader | null {
  const match = /^ClamAV-VDB:(\d{1,2} [A-Za-z]{3} \d{4} \d{1,2}[:-]\d{2} [+-]\d{4}):(\d+):(\d+):\d*:[^:]*:[^:]*:[^:]*:(\d+)?/.exec(header);
  if (!match) return null;
  const [, time, version, signatures, unixTime] = match;
  const stamp = unixTime ? new Date(Number(unixTime) * 1000).toISOString() : null;
  return { version: Number(version), builtAt: parseCvdTime(time!) ?? stamp, signatures: Number(signatures) };
}

/** `14 Nov 2026 07:03 -0500` → `2026-11-14T12:03:00.000Z`; null when it is not that shape. */
export function parseCvdTime(text: string): string | null {
  const match = /^(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{1,2})[:-](\d{2}) ([+-])(\d{2})(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [, day, monthName, year, hour, minute, sign, offsetHours, offsetMinutes] = match;
  const month = MONTHS.indexOf(monthName!.toLowerCase());
  if (month < 0) return null;
  const offsetMs = (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  const ms = Date.UTC(Number(year), month, Number(day), Number(hour), Number(minute)) - offsetMs;
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export interface ClamdVersion {
  /** e.g. `1.4.6` */
  engine: string;
  /** The daily database's version; null when clamd runs without official databases. */
  databaseVersion: number | null;
  /** As clamd writes it (ctime, in the daemon's time zone, e.g. `Tue Dec  1 09:00:00 2026`). */
  databaseDate: string | null;
}

/**
 * The VERSION reply: `ClamAV 1.4.6/27000/Tue Dec  1 09:00:00 2026` with official databases, and
 * only `ClamAV 1.4.6` with unofficial ones (measured with 1.4.6 and the test signatures).
 */
export function parseClamdVersion(reply: string): ClamdVersion {
  const text = reply.replace(/\0+$/, '').trim();
  const match = /^ClamAV ([^/\s]+)(?:\/(\d*)(?:\/(.*))?)?$/.exec(text);
  if (!match) throw new Error(`Not a clamd VERSION reply: ${JSON.stringify(text)}`);
  const [, engine, version, date] = match;
  // A version of 0 is what clamd reports when no official database carries one.
  const databaseVersion = version ? Number(version) || null : null;
  return { engine: engine!, databaseVersion, databaseDate: date?.trim() || null };
}

/** What clamd would load from this directory, and how old the official part is. */
export async function describeSignatures(databaseDir: string, now: Date = new Date()): Promise<SignatureSet> {
  let names: string[];
  try {
    names = (await readdir(databaseDir, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing', files: [], newestAt: null, ageDays: null };
    throw error;
  }
  const databases = names.filter((name) => DATABASE_EXTENSIONS.has(extensionOf(name))).sort();
  const files = await Promise.all(databases.map((name) => describeFile(databaseDir, name)));

  const official = files.filter((file) => OFFICIAL_DATABASE.test(file.name));
  const kind: SignatureKind =
    files.length === 0
      ? 'missing'
      : official.length > 0
        ? 'official'
        : files.every((file) => file.name.startsWith(TEST_SIGNATURES_PREFIX))
          ? 'test-only'
          : 'custom';
  const builds = official.flatMap((file) => (file.builtAt ? [Date.parse(file.builtAt)] : []));
  const newest = builds.length > 0 ? Math.max(...builds) : null;
  return {
    kind,
    files,
    newestAt: newest === null ? null : new Date(newest).toISOString(),
    ageDays: newest === null ? null : Math.max(0, Math.floor((now.getTime() - newest) / DAY_MS)),
  };
}

async function describeFile(dir: string, name: string): Promise<SignatureFile> {
  const path = join(dir, name);
  if (OFFICIAL_DATABASE.test(name)) {
    const header = parseCvdHeader(await readHead(path, CVD_HEADER_BYTES));
    return { name, version: header?.version ?? null, builtAt: header?.builtAt ?? null, signatures: header?.signatures ?? null };
  }
  const signatures = LINE_DATABASES.has(extensionOf(name)) ? await countSignatureLines(path) : null;
  return { name, version: null, builtAt: null, signatures };
}

async function readHead(path: string, bytes: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.toString('latin1', 0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function countSignatureLines(path: string): Promise<number> {
  let count = 0;
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) {
    const text = line.trim();
    if (text !== '' && !text.startsWith('#')) count++;
  }
  return count;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}
