import { randomBytes } from 'node:crypto';
import { PassThrough, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { decryptStream, encryptStream, MasterKey, newDataKey, SEGMENT_BYTES, unwrapDataKey, wrapDataKey } from './envelope';

const HEADER = 4 + 7; // "VMD1" and the nonce prefix
const TAG = 16;
const SEALED = SEGMENT_BYTES + TAG;
const LABEL = '0b9f6a52-3c1e-4d7a-9f1e-2a6b8c4d5e6f/r1';
const OTHER_LABEL = '0b9f6a52-3c1e-4d7a-9f1e-2a6b8c4d5e6f/r2';

/** Deterministic chunk sizes (mulberry32), so that a failure can be replayed. */
function chunkSizes(seed: number, max: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return 1 + (((t ^ (t >>> 14)) >>> 0) % max);
  };
}

function* chunked(bytes: Buffer, next: () => number): Generator<Buffer> {
  for (let at = 0; at < bytes.length; ) {
    const size = next();
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

/** Runs bytes through a transform in chunks of random sizes and collects what comes out. */
async function run(transform: Transform, input: Buffer, seed = 1, maxChunk = 3 * SEGMENT_BYTES): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(Readable.from(chunked(input, chunkSizes(seed, maxChunk))), transform, async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) out.push(chunk);
  });
  return Buffer.concat(out);
}

const seal = (dataKey: Buffer, plain: Buffer, label = LABEL) => run(encryptStream(dataKey, label), plain);
const open = (dataKey: Buffer, sealed: Buffer, label = LABEL) => run(decryptStream(dataKey, label), sealed, 7);

/** A sealed file cut into its header and its sealed segments (the last one may be short). */
function split(sealed: Buffer): { header: Buffer; segments: Buffer[] } {
  const segments: Buffer[] = [];
  for (let at = HEADER; at < sealed.length; at += SEALED) segments.push(sealed.subarray(at, at + SEALED));
  return { header: sealed.subarray(0, HEADER), segments };
}

const flipped = (bytes: Buffer, at: number) => {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
};

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('encryptStream / decryptStream', () => {
  let dataKey: Buffer;

  beforeEach(() => {
    dataKey = randomBytes(32);
  });

  it.each([
    ['empty', 0],
    ['one byte', 1],
    ['one byte short of a segment', SEGMENT_BYTES - 1],
    ['exactly one segment', SEGMENT_BYTES],
    ['one byte past a segment', SEGMENT_BYTES + 1],
    ['exactly three segments', 3 * SEGMENT_BYTES],
    ['1 MB', 1024 * 1024 + 17],
  ])('round-trips %s (%i bytes) fed in random chunks', async (_name, size) => {
    const plain = randomBytes(size);

    const sealed = await seal(dataKey, plain);
    const opened = await open(dataKey, sealed);

    expect(opened.equals(plain)).toBe(true);
    const segments = Math.max(1, Math.ceil(size / SEGMENT_BYTES));
    expect(sealed.length).toBe(HEADER + size + segments * TAG);
    expect(sealed.subarray(0, 4).toString()).toBe('VMD1');
  });

  it('round-trips whatever the chunk sizes on either side, down to one byte at a time', async () => {
    const plain = randomBytes(SEGMENT_BYTES + 300);
    for (const seed of [2, 3, 4]) {
      const sealed = await run(encryptStream(dataKey, LABEL), plain, seed, 1 + seed * 5);
      expect((await run(decryptStream(dataKey, LABEL), sealed, seed + 10, 1 + seed)).equals(plain)).toBe(true);
    }
  });

  it('seals the same bytes differently each time (a random nonce prefix per file)', async () => {
    const plain = Buffer.from('la même page');
    const [a, b] = await Promise.all([seal(dataKey, plain), seal(dataKey, plain)]);
    expect(a.equals(b)).toBe(false);
    expect(a.includes(plain)).toBe(false);
  });

  describe('refuses what it did not seal', () => {
    let plain: Buffer;
    let sealed: Buffer;

    beforeEach(async () => {
      plain = randomBytes(3 * SEGMENT_BYTES + 100); // three full segments and a short last one
      sealed = await seal(dataKey, plain);
    });

    it('with another data key', async () => {
      await expect(open(randomBytes(32), sealed)).rejects.toThrow(/authenticate/);
    });

    it('with another data key, even for an empty file', async () => {
      const empty = await seal(dataKey, Buffer.alloc(0));
      await expect(open(randomBytes(32), empty)).rejects.toThrow(/authenticate/);
    });

    it('under another label (the name of another object)', async () => {
      await expect(open(dataKey, sealed, OTHER_LABEL)).rejects.toThrow(/authenticate/);
    });

    it('when it is not an encrypted document at all', async () => {
      await expect(open(dataKey, Buffer.concat([Buffer.from('%PDF-1.7'), sealed]))).rejects.toThrow(/not an encrypted document/);
    });

    it.each([
      ['the magic', 0],
      ['the nonce prefix', 6],
      ['the first segment', HEADER + 10],
      ['the tag of the first segment', HEADER + SEALED - 1],
      ['the second segment', HEADER + SEALED + 500],
      ['the third segment', HEADER + 2 * SEALED + SEGMENT_BYTES - 1],
      ['the short last segment', HEADER + 3 * SEALED + 50],
      ['the tag of the last segment', HEADER + 3 * SEALED + 100 + 3],
    ])('with a byte flipped in %s', async (_where, at) => {
      await expect(open(dataKey, flipped(sealed, at))).rejects.toThrow();
    });

    it('with the last segment dropped', async () => {
      const { header, segments } = split(sealed);
      await expect(open(dataKey, Buffer.concat([header, ...segments.slice(0, -1)]))).rejects.toThrow(/authenticate/);
    });

    it('with the last full segment dropped from a file of whole segments', async () => {
      const whole = await seal(dataKey, randomBytes(3 * SEGMENT_BYTES));
      const { header, segments } = split(whole);
      expect(segments).toHaveLength(3);
      await expect(open(dataKey, Buffer.concat([header, ...segments.slice(0, -1)]))).rejects.toThrow(/authenticate/);
    });

    it.each([
      ['in the middle of a segment', HEADER + SEALED + 1000],
      ['in the last tag', HEADER + 3 * SEALED + 100 + 8],
      ['right after the header', HEADER],
      ['inside the header', 5],
      ['to nothing', 0],
    ])('cut %s', async (_where, length) => {
      await expect(open(dataKey, sealed.subarray(0, length))).rejects.toThrow(/authenticate|truncated/);
    });

    it('with two segments swapped', async () => {
      const { header, segments } = split(sealed);
      const [first, second, ...rest] = segments;
      await expect(open(dataKey, Buffer.concat([header, second!, first!, ...rest]))).rejects.toThrow(/authenticate/);
    });

    it.each([
      ['a copy of the last segment', (segments: Buffer[]) => segments.at(-1)!],
      ['a copy of the first segment', (segments: Buffer[]) => segments[0]!],
      ['a single byte', () => Buffer.from([0])],
    ])('with %s appended', async (_what, extra) => {
      const { header, segments } = split(sealed);
      await expect(open(dataKey, Buffer.concat([header, ...segments, extra(segments)]))).rejects.toThrow(/authenticate/);
    });

    it('with a segment taken from another file sealed under the same key and label', async () => {
      const other = split(await seal(dataKey, plain));
      const { header, segments } = split(sealed);
      await expect(open(dataKey, Buffer.concat([header, segments[0]!, other.segments[1]!, ...segments.slice(2)]))).rejects.toThrow(/authenticate/);
    });

    it('at the segment that was changed: the segments before it are served, none after', async () => {
      const decrypt = decryptStream(dataKey, LABEL);
      const served: Buffer[] = [];
      decrypt.on('data', (chunk: Buffer) => served.push(chunk));
      const failed = new Promise<Error>((resolve) => decrypt.on('error', resolve));
      decrypt.end(flipped(sealed, HEADER + 2 * SEALED + 10));

      expect((await failed).message).toMatch(/authenticate/);
      expect(Buffer.concat(served).equals(plain.subarray(0, 2 * SEGMENT_BYTES))).toBe(true);
    });
  });

  describe('streams', () => {
    it('emits sealed segments before the plaintext ends', async () => {
      const encrypt = encryptStream(dataKey, LABEL);
      const out: Buffer[] = [];
      encrypt.on('data', (chunk: Buffer) => out.push(chunk));

      encrypt.write(randomBytes(3 * SEGMENT_BYTES));
      await tick();

      // The header, then every segment but the last, which waits to know whether it is the last.
      expect(Buffer.concat(out).length).toBe(HEADER + 2 * SEALED);
      encrypt.end();
    });

    it('emits plaintext before the sealed file ends', async () => {
      const plain = randomBytes(5 * SEGMENT_BYTES);
      const sealed = await seal(dataKey, plain);
      const decrypt = decryptStream(dataKey, LABEL);
      const out: Buffer[] = [];
      decrypt.on('data', (chunk: Buffer) => out.push(chunk));

      decrypt.write(sealed.subarray(0, HEADER + 3 * SEALED));
      await tick();

      expect(Buffer.concat(out).equals(plain.subarray(0, 2 * SEGMENT_BYTES))).toBe(true);
      decrypt.end(sealed.subarray(HEADER + 3 * SEALED));
      await new Promise((resolve) => decrypt.on('end', resolve));
      expect(Buffer.concat(out).equals(plain)).toBe(true);
    });

    it('never holds more than a segment or two of a large file', async () => {
      const encrypt = encryptStream(dataKey, LABEL);
      const decrypt = decryptStream(dataKey, LABEL);
      let received = 0;
      const sink = new PassThrough();
      sink.on('data', (chunk: Buffer) => (received += chunk.length));
      const flowing = pipeline(encrypt, decrypt, sink);

      let sent = 0;
      for (let i = 0; i < 64; i++) {
        const chunk = randomBytes(SEGMENT_BYTES / 2);
        if (!encrypt.write(chunk)) await new Promise((resolve) => encrypt.once('drain', resolve));
        sent += chunk.length;
        await tick();
        expect(sent - received).toBeLessThanOrEqual(3 * SEGMENT_BYTES);
      }
      encrypt.end();
      await flowing;
      expect(received).toBe(sent);
    });
  });
});

describe('data keys', () => {
  const DOCUMENT = '0b9f6a52-3c1e-4d7a-9f1e-2a6b8c4d5e6f';
  let current: MasterKey;
  let previous: MasterKey;

  beforeEach(() => {
    current = { id: '2026-03', key: randomBytes(32) };
    previous = { id: '2025-09', key: randomBytes(32) };
  });

  it('unwraps a new data key with the master key it names', () => {
    const { dataKey, wrapped } = newDataKey(current, DOCUMENT);

    expect(wrapped.keyId).toBe('2026-03');
    expect(wrapped.wrapped.includes(dataKey)).toBe(false);
    expect(unwrapDataKey([current, previous], wrapped, DOCUMENT).equals(dataKey)).toBe(true);
    expect(unwrapDataKey([previous, current], wrapped, DOCUMENT).equals(dataKey)).toBe(true);
  });

  it('unwraps a key wrapped by a previous master key, and rewraps it under the current one', () => {
    const { dataKey, wrapped } = newDataKey(previous, DOCUMENT);

    const unwrapped = unwrapDataKey([current, previous], wrapped, DOCUMENT);
    const rewrapped = wrapDataKey(current, unwrapped, DOCUMENT);

    expect(rewrapped.keyId).toBe('2026-03');
    expect(unwrapDataKey([current], rewrapped, DOCUMENT).equals(dataKey)).toBe(true);
  });

  it('names the missing master key when the key id is not configured', () => {
    const { wrapped } = newDataKey(previous, DOCUMENT);
    expect(() => unwrapDataKey([current], wrapped, DOCUMENT)).toThrow('master key "2025-09" is not configured (DOCUMENTS_MASTER_KEYS)');
  });

  it('refuses a master key that has the right id but not the right bytes', () => {
    const { wrapped } = newDataKey(current, DOCUMENT);
    expect(() => unwrapDataKey([{ id: current.id, key: randomBytes(32) }], wrapped, DOCUMENT)).toThrow(/authenticate/);
  });

  it.each([
    ['the nonce', 0],
    ['the sealed key', 12],
    ['the sealed key', 43],
    ['the tag', 44],
    ['the tag', 59],
  ])('refuses a wrapped key altered in %s (byte %i)', (_where, at) => {
    const { wrapped } = newDataKey(current, DOCUMENT);
    expect(wrapped.wrapped).toHaveLength(12 + 32 + 16);
    expect(() => unwrapDataKey([current], { ...wrapped, wrapped: flipped(wrapped.wrapped, at) }, DOCUMENT)).toThrow(/authenticate/);
  });

  it('refuses a wrapped key cut short', () => {
    const { wrapped } = newDataKey(current, DOCUMENT);
    expect(() => unwrapDataKey([current], { ...wrapped, wrapped: wrapped.wrapped.subarray(0, 40) }, DOCUMENT)).toThrow();
  });

  it('refuses the wrapped key of another document', () => {
    const { wrapped } = newDataKey(current, DOCUMENT);
    expect(() => unwrapDataKey([current], wrapped, '5a1d7c3e-0000-4000-8000-000000000000')).toThrow(/authenticate/);
  });
});
