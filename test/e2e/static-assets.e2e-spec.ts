import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { CONTENT_SECURITY_POLICY } from '../../server/src/common/http/security-headers';
import { demoCatalogue } from '../support/booth-day';
import { launchChromium } from '../support/browser';
import { deviceTokenOf } from '../support/call-browsers';
import { pairDevice } from '../support/callers';
import { ROOT, serveBuilt, type ServedApp } from '../support/process';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as sent: fetch() would decode them and hide what the server chose. */
  body: Buffer;
}

function get(baseUrl: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${baseUrl}${path}`, { headers, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The files `keys` load before running: their chunks, the chunks these import statically, and their CSS. */
function staticClosure(manifest: Manifest, keys: string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const stack = [...keys];
  while (stack.length > 0) {
    const key = stack.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    const chunk = manifest[key]!;
    files.add(`/${chunk.file}`);
    for (const css of chunk.css ?? []) files.add(`/${css}`);
    stack.push(...(chunk.imports ?? []));
  }
  return files;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const CHROME_ENCODINGS = 'gzip, deflate, br, zstd';

/**
 * The built client as the server sends it: precompressed brotli or gzip by Accept-Encoding, cached
 * for a year when the name is hashed, revalidated otherwise, the SPA's deep links still answered with
 * index.html, a missing built file a plain 404. Runs the compiled server on the client build it serves.
 */
describe('static assets of the client', () => {
  const dist = process.env.CLIENT_DIST_DIR ?? join(ROOT, 'dist', 'client');
  let app: ServedApp;
  let script: string;
  let stylesheet: string;

  beforeAll(async () => {
    if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} is missing: run 'npm run build:client' first`);
    app = await serveBuilt({ CLIENT_DIST_DIR: dist });
    const index = readFileSync(join(dist, 'index.html'), 'utf8');
    script = /<script type="module"[^>]* src="(\/assets\/[^"]+\.js)"/.exec(index)![1]!;
    stylesheet = /<link rel="stylesheet"[^>]* href="(\/assets\/[^"]+\.css)"/.exec(index)![1]!;
  });
  afterAll(() => app?.close());

  const onDisk = (path: string) => readFileSync(join(dist, path));

  it('sends the entry script as brotli to a browser that takes it, with its type, Vary and a year of immutable caching', async () => {
    const res = await get(app.baseUrl, script, { 'Accept-Encoding': CHROME_ENCODINGS });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript; charset=utf-8$/);
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(onDisk(script).length / 2);
    expect(brotliDecompressSync(res.body).equals(onDisk(script))).toBe(true);
    // The security headers stay on what the static files answer.
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends the stylesheet as brotli, typed text/css', async () => {
    const res = await get(app.baseUrl, stylesheet, { 'Accept-Encoding': 'br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(brotliDecompressSync(res.body).equals(onDisk(stylesheet))).toBe(true);
  });

  it.each([
    ['gzip only', 'gzip'],
    ['brotli refused by q=0', 'br;q=0, gzip'],
    ['brotli not listed', 'gzip;q=0.5, deflate'],
  ])('sends gzip to a client that does not take brotli (%s)', async (_why, acceptEncoding) => {
    const res = await get(app.baseUrl, script, { 'Accept-Encoding': acceptEncoding });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(gunzipSync(res.body).equals(onDisk(script))).toBe(true);
  });

  it.each([
    ['no Accept-Encoding', {}],
    ['identity only', { 'Accept-Encoding': 'identity' }],
    ['every compression refused', { 'Accept-Encoding': 'br;q=0, gzip;q=0, *;q=0' }],
  ])('sends the file as it is to a client that takes no compression (%s), still varying by Accept-Encoding', async (_why, headers) => {
    const res = await get(app.baseUrl, script, headers);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.body.equals(onDisk(script))).toBe(true);
  });

  it('answers a revalidation of a compressed file with 304', async () => {
    const first = await get(app.baseUrl, script, { 'Accept-Encoding': 'br' });
    expect(first.headers.etag).toBeDefined();
    const again = await get(app.baseUrl, script, { 'Accept-Encoding': 'br', 'If-None-Match': first.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('serves index.html, compressed or not, as no-cache: a new deploy is seen at the next load', async () => {
    for (const path of ['/', '/index.html']) {
      const res = await get(app.baseUrl, path, { Accept: 'text/html', 'Accept-Encoding': CHROME_ENCODINGS });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('still answers a deep link of the app with index.html (SPA fallback), not cached, with the security headers', async () => {
    for (const path of ['/borne', '/coordination/planning', '/rdv/some-token']) {
      const res = await get(app.baseUrl, path, { Accept: 'text/html,application/xhtml+xml', 'Accept-Encoding': CHROME_ENCODINGS });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(res.body.toString()).toContain('<div id="root">');
      // A link checker's or a probe's HEAD gets the same answer, without the body.
      const head = await get(app.baseUrl, path, { Accept: 'text/html' }, 'HEAD');
      expect([head.status, head.headers['content-type'], head.body.length]).toEqual([200, 'text/html; charset=utf-8', 0]);
    }
  });

  it('answers a built file that is not there with 404, never index.html (an old chunk after a deploy)', async () => {
    const missing = script.replace(/-[A-Za-z0-9_-]+\.js$/, '-Nothere0.js');
    for (const accept of ['*/*', 'text/html']) {
      const res = await get(app.baseUrl, missing, { Accept: accept, 'Accept-Encoding': CHROME_ENCODINGS });
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).not.toMatch(/text\/html/);
      expect(res.body.toString()).not.toContain('<div id="root">');
    }
  });

  it('loads at the booth home only the app shell and the booth chunks, no staff screen', async () => {
    const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
    const [entryKey, entry] = Object.entries(manifest).find(([, chunk]) => chunk.isEntry)!;
    // The DSFR's own script, which react-dsfr imports once started: part of the shell.
    const shellImports = (entry.dynamicImports ?? []).filter((key) => !key.startsWith('src/'));
    const allowed = staticClosure(manifest, [entryKey, ...shellImports, 'src/features/booth/components/BoothHome.tsx']);
    const { boothId } = await demoCatalogue(app.baseUrl);
    const device = await pairDevice(app.baseUrl, boothId);
    const chrome = await launchChromium();
    try {
      const context = await chrome.browser.newContext();
      await context.addCookies([{ name: 'visio_device', value: deviceTokenOf(device.agent), url: app.baseUrl, httpOnly: true }]);
      const page = await context.newPage();
      const loaded: string[] = [];
      page.on('requestfinished', (request) => {
        const path = new URL(request.url()).pathname;
        if (/\.(js|css)$/.test(path)) loaded.push(path);
      });
      await page.goto(`${app.baseUrl}/borne`);
      await page.getByRole('heading', { level: 1, name: 'Bienvenue' }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(loaded).toContain(`/${manifest['src/features/booth/components/BoothHome.tsx']!.file}`);
      expect(loaded.filter((path) => !allowed.has(path))).toEqual([]);
      // Named, for a failure that says which: none of the staff's screens came along.
      const staffPages = Object.values(manifest).filter((chunk) => /^src\/features\/(?!booth\/)/.test(chunk.src ?? '') && chunk.src!.includes('/components/'));
      expect(staffPages.length).toBeGreaterThan(10);
      expect(staffPages.filter((chunk) => loaded.includes(`/${chunk.file}`)).map((chunk) => chunk.src)).toEqual([]);
    } finally {
      await chrome.close();
    }
  });

  it('does not compress or cache the API through the static path', async () => {
    const res = await get(app.baseUrl, '/api/health', { 'Accept-Encoding': CHROME_ENCODINGS });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).not.toBe(IMMUTABLE);
  });
});

describe('a precompressed variant gone after the server started (a partial redeploy)', () => {
  const source = process.env.CLIENT_DIST_DIR ?? join(ROOT, 'dist', 'client');
  const copy = mkdtempSync(join(tmpdir(), 'visio-client-'));
  let app: ServedApp;
  let script: string;

  beforeAll(async () => {
    cpSync(source, copy, { recursive: true });
    app = await serveBuilt({ CLIENT_DIST_DIR: copy });
    script = /<script type="module"[^>]* src="(\/assets\/[^"]+\.js)"/.exec(readFileSync(join(copy, 'index.html'), 'utf8'))![1]!;
    rmSync(join(copy, `${script}.br`));
  });
  afterAll(async () => {
    await app?.close();
    rmSync(copy, { recursive: true, force: true });
  });

  it('answers with the plain file, without the variant’s encoding, never a 404 cached for a year', async () => {
    const res = await get(app.baseUrl, script, { 'Accept-Encoding': 'br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.body.equals(readFileSync(join(copy, script)))).toBe(true);
  });
});
