/**
 * Booth first-load benchmark, on the built server as its own process, in real Chromium, on loopback.
 * Prints one JSON document; figures are reported against the targets, not asserted.
 * - First load of the booth home (/borne, a terminal paired through the public API) and of the agent
 *   home (/agent, signed in through the form), each with an empty browser cache, under a throttled 4G
 *   profile (CDP network emulation and a 4x slower CPU): the JS and CSS bytes that came over the wire
 *   (compressed as Chromium accepted them), the same files' size as brotli, gzip and uncompressed
 *   (asked again from Node with each Accept-Encoding), and the time to interactive (see `definitions`).
 * - Chat: a booth and an agent in a consultation booked through the API (the agent admits the booth),
 *   as signalling clients; the booth sends messages one by one, timed until the agent's socket gets
 *   the chatMessage notification. The server lets a participant send 5 messages per 5 s (chat flood
 *   guard): the bench keeps to that pace, so 200 messages take about 200 s.
 *
 *   npx ts-node --transpile-only test/bench/booth.ts [runs=5] [messages=200]
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import type WebSocket from 'ws';
import { book, demoCatalogue, nextMinute, openAllWeek } from '../support/booth-day';
import { launchChromium, type TestBrowser } from '../support/browser';
import { deviceTokenOf } from '../support/call-browsers';
import { pairDevice } from '../support/callers';
import { sessionCookie } from '../support/consultations';
import { ROOT, serveBuilt } from '../support/process';
import { SignallingClient } from '../support/signalling-client';
import { demoAccount, signInUi } from '../support/ui';

const RUNS = Math.max(1, Number(process.argv[2] ?? 5));
const MESSAGES = Math.max(1, Number(process.argv[3] ?? 200));
const TARGETS = { boothJsKb: 250, boothCssKb: 80, chatP50Ms: 50 };
/** Lighthouse's "Slow 4G" (its mobile default): the booth's tablet on a weak mobile link. */
const PROFILE = { name: 'Slow 4G (Lighthouse mobile)', latencyMs: 150, downloadKbps: 1638.4, uploadKbps: 750, cpuSlowdown: 4 };
const QUIET_MS = 500;
/** The Long Tasks API's threshold: a task this long keeps the page from answering a touch in time. */
const LONG_TASK_MS = 50;
/** The chat flood guard (server/src/chat/chat-flood-guard.ts): 5 messages per 5 s per participant, and a margin. */
const CHAT_BURST = 5;
const CHAT_WINDOW_MS = 5_000 + 100;
const TABLET = { width: 800, height: 1280 };
const DESK_PC = { width: 1280, height: 720 };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const round = (n: number) => Math.round(n * 10) / 10;
const kb = (bytes: number) => round(bytes / 1000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (text: string) => process.stderr.write(`${text}\n`);

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: values.length, median: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted.at(-1) ?? NaN), samples: values.map(round) };
}

/** What the page records from its first script on (see `instrument`), on its own clock (ms since navigation start). */
interface LoadProbe {
  heading: number | null;
  longTasks: Array<{ start: number; end: number }>;
}

interface PageWindow {
  __loadProbe: LoadProbe;
  document: { querySelector(selector: string): { textContent: string | null } | null };
  performance: { now(): number };
  requestAnimationFrame(callback: () => void): void;
  setTimeout(callback: () => void, ms: number): void;
  PerformanceObserver: new (callback: (list: { getEntries(): Array<{ startTime: number; duration: number }> }) => void) => {
    observe(options: { type: string; buffered: boolean }): void;
  };
}

/**
 * Runs before the app's scripts: records long tasks, and when the main heading (`main h1`, with text)
 * first has a frame painted with it. Polls each frame: a MutationObserver would add its own work.
 */
function instrument(): void {
  const w = globalThis as unknown as PageWindow;
  const probe: LoadProbe = { heading: null, longTasks: [] };
  w.__loadProbe = probe;
  new w.PerformanceObserver((list) => {
    for (const task of list.getEntries()) probe.longTasks.push({ start: task.startTime, end: task.startTime + task.duration });
  }).observe({ type: 'longtask', buffered: true });
  const look = () => {
    if (w.document.querySelector('main h1')?.textContent?.trim()) {
      // The frame that shows it: the next animation frame runs after it has been painted.
      w.requestAnimationFrame(() => w.setTimeout(() => (probe.heading = w.performance.now()), 0));
      return;
    }
    w.requestAnimationFrame(look);
  };
  w.requestAnimationFrame(look);
}

/** The first moment from the heading on that is followed by QUIET_MS without a long task, or null if not yet known. */
function interactiveAt(probe: LoadProbe, now: number): number | null {
  if (probe.heading === null) return null;
  let candidate = probe.heading;
  for (const task of [...probe.longTasks].sort((a, b) => a.start - b.start)) {
    if (task.start < candidate + QUIET_MS && task.end > candidate) candidate = task.end;
  }
  return now >= candidate + QUIET_MS ? candidate : null;
}

interface Transfer {
  url: string;
  kind: 'js' | 'css' | 'other';
  encoding: string;
  /** Response body bytes as sent (Content-Length, or Chromium's count less the headers). */
  bytes: number;
}

/** Records the responses of the page's target through CDP: what came over the wire and in which encoding. */
function recordTransfers(cdp: CDPSession): () => Transfer[] {
  const responses = new Map<string, { url: string; mimeType: string; encoding: string; length: number | null; headersBytes: number }>();
  const done: Transfer[] = [];
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    const length = headers['content-length'] === undefined ? null : Number(headers['content-length']);
    responses.set(requestId, { url: response.url, mimeType: response.mimeType, encoding: headers['content-encoding'] ?? 'identity', length, headersBytes: response.encodedDataLength ?? 0 });
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const r = responses.get(requestId);
    if (!r || r.url.startsWith('data:')) return;
    const kind = /javascript/.test(r.mimeType) ? 'js' : r.mimeType === 'text/css' ? 'css' : 'other';
    done.push({ url: r.url, kind, encoding: r.encoding, bytes: r.length ?? encodedDataLength - r.headersBytes });
  });
  return () => [...done];
}

/** A file's size as the server sends it for one Accept-Encoding (the precompressed variant's Content-Length). */
async function sizeAs(url: string, acceptEncoding: string): Promise<number> {
  const res = await fetch(url, { headers: { 'Accept-Encoding': acceptEncoding } });
  const length = res.headers.get('content-length');
  const body = await res.arrayBuffer();
  return length === null ? body.byteLength : Number(length);
}

interface Load {
  headingMs: number;
  ttiMs: number;
  /** Long tasks seen up to that moment: the quiet window is measured, not assumed. */
  longTasks: number;
  transfers: Transfer[];
}

/**
 * One first load of `path` with an empty cache, under the profile: from navigation start until the
 * page is interactive (or 60 s). `prepare` runs before, unthrottled (signing in, for the agent).
 */
async function firstLoad(chrome: TestBrowser, url: string, viewport: { width: number; height: number }, setUp: (context: BrowserContext, page: Page) => Promise<void>): Promise<Load> {
  const context = await chrome.browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    await setUp(context, page);
    await context.addInitScript(instrument);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: PROFILE.latencyMs,
      downloadThroughput: (PROFILE.downloadKbps * 1024) / 8,
      uploadThroughput: (PROFILE.uploadKbps * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });
    const transfers = recordTransfers(cdp);
    await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { probe, now } = await page.evaluate(() => {
        const w = globalThis as unknown as PageWindow;
        return { probe: w.__loadProbe, now: w.performance.now() };
      });
      const tti = interactiveAt(probe, now);
      if (tti !== null) {
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        return { headingMs: probe.heading!, ttiMs: tti, longTasks: probe.longTasks.filter((task) => task.start < tti).length, transfers: transfers() };
      }
      if (Date.now() > deadline) throw new Error(`${url}: not interactive within 60 s (heading at ${probe.heading})`);
      await sleep(100);
    }
  } finally {
    await context.close();
  }
}

/** Bytes of the JS and CSS one load fetched: as Chromium got them, and each file again as brotli, gzip and plain. */
async function weigh(transfers: Transfer[]) {
  const out = {
    chromium: { encodings: [...new Set(transfers.filter((t) => t.kind !== 'other').map((t) => t.encoding))], jsKb: 0, cssKb: 0 },
    br: { jsKb: 0, cssKb: 0 },
    gzip: { jsKb: 0, cssKb: 0 },
    uncompressed: { jsKb: 0, cssKb: 0 },
    otherKb: 0,
    files: [] as string[],
  };
  for (const t of transfers) {
    if (t.kind === 'other') {
      out.otherKb += t.bytes;
      continue;
    }
    const key = t.kind === 'js' ? 'jsKb' : 'cssKb';
    out.chromium[key] += t.bytes;
    out.br[key] += await sizeAs(t.url, 'br');
    out.gzip[key] += await sizeAs(t.url, 'gzip');
    out.uncompressed[key] += await sizeAs(t.url, 'identity');
    out.files.push(new URL(t.url).pathname.replace(/^\/assets\//, '').replace(/-[A-Za-z0-9_-]{8}\./, '.'));
  }
  for (const part of [out.chromium, out.br, out.gzip, out.uncompressed]) {
    part.jsKb = kb(part.jsKb);
    part.cssKb = kb(part.cssKb);
  }
  out.otherKb = kb(out.otherKb);
  out.files.sort();
  return out;
}

async function measurePage(chrome: TestBrowser, url: string, viewport: { width: number; height: number }, setUp: (context: BrowserContext, page: Page) => Promise<void>) {
  const loads: Load[] = [];
  for (let i = 0; i < RUNS; i++) {
    loads.push(await firstLoad(chrome, url, viewport, setUp));
    const last = loads.at(-1)!;
    log(`${new URL(url).pathname} run ${i + 1}/${RUNS}: heading ${last.headingMs.toFixed(0)} ms, interactive ${last.ttiMs.toFixed(0)} ms, ${last.longTasks} long tasks`);
  }
  return {
    bytes: await weigh(loads[0]!.transfers),
    headingMs: stats(loads.map((l) => l.headingMs)),
    ttiMs: stats(loads.map((l) => l.ttiMs)),
    longTasks: stats(loads.map((l) => l.longTasks)),
  };
}

/** Resolves with the time (performance.now()) the socket receives the chatMessage carrying `clientId`. */
function arrival(socket: WebSocket, clientId: string): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (raw: WebSocket.RawData) => {
      const frame = JSON.parse(raw.toString()) as { notification?: string; data?: { clientId?: string } };
      if (frame.notification === 'chatMessage' && frame.data?.clientId === clientId) {
        socket.off('message', onMessage);
        resolve(performance.now());
      }
    };
    socket.on('message', onMessage);
  });
}

async function measureChat(baseUrl: string, boothCookie: string, consultationId: string) {
  const { email, password } = demoAccount('agent');
  const agent = SignallingClient.connect(baseUrl, consultationId, await sessionCookie(baseUrl, email, password));
  const booth = SignallingClient.connect(baseUrl, consultationId, boothCookie);
  try {
    await agent.request('join', {});
    const joined = await booth.request('join', {});
    await agent.request('admit', { participantId: joined.self.id });
    await booth.notification('admitted');
    const samples: number[] = [];
    /** When each message was acknowledged: the server counted it before, so its window ends at most 5 s after. */
    const acknowledgedAt: number[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      const earliest = (acknowledgedAt[i - CHAT_BURST] ?? -Infinity) + CHAT_WINDOW_MS;
      if (performance.now() < earliest) await sleep(earliest - performance.now());
      const clientId = randomUUID();
      const arrived = arrival(agent.socket, clientId);
      const start = performance.now();
      const sent = booth.request('chatSend', { clientId, text: `Message ${i + 1} de la cabine` }).catch((refusal: { code: string; message: string }) => {
        throw new Error(`message ${i + 1} refused: ${refusal.code} ${refusal.message}`);
      });
      const [at] = await Promise.all([arrived, sent]);
      acknowledgedAt.push(performance.now());
      samples.push(at - start);
      if ((i + 1) % 20 === 0) log(`chat ${i + 1}/${MESSAGES}: p50 so far ${percentile([...samples].sort((a, b) => a - b), 50).toFixed(1)} ms`);
    }
    return stats(samples);
  } finally {
    booth.close();
    agent.close();
  }
}

async function main(): Promise<void> {
  process.env.VISIO_TEST_PG_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  const dist = process.env.CLIENT_DIST_DIR ?? join(ROOT, 'dist', 'client');
  const t = await serveBuilt({ CLIENT_DIST_DIR: dist, LOGIN_RATE_LIMIT: '1000' });
  const chrome = await launchChromium();
  try {
    const c = await demoCatalogue(t.baseUrl);
    await openAllWeek(c);
    const device = await pairDevice(t.baseUrl, c.boothId);
    const deviceToken = deviceTokenOf(device.agent);
    const booth = await measurePage(chrome, `${t.baseUrl}/borne`, TABLET, async (context) => {
      await context.addCookies([{ name: 'visio_device', value: deviceToken, url: t.baseUrl, httpOnly: true }]);
    });
    const agent = await measurePage(chrome, `${t.baseUrl}/agent`, DESK_PC, async (_context, page) => {
      await signInUi(page, t.baseUrl, 'agent', '/agent');
      await page.goto('about:blank');
    });
    const consultationId = await book(c, nextMinute(), 20, 'Usager Bench');
    const chat = await measureChat(t.baseUrl, `visio_device=${deviceToken}`, consultationId);
    const boothJsKb = booth.bytes.gzip.jsKb;
    const boothCssKb = booth.bytes.gzip.cssKb;
    process.stdout.write(
      `${JSON.stringify(
        {
          benchmark: 'booth_first_load',
          machine: { cores: Number(execFileSync('nproc').toString()), node: process.version, chromium: chrome.browser.version() },
          runs: RUNS,
          profile: PROFILE,
          definitions: {
            kB: '1000 bytes of response body (headers excluded).',
            bytes:
              'The JS and CSS the page fetched from navigation start until interactive, with an empty cache: chromium = as sent to ' +
              'Chromium (its own Accept-Encoding: it offers brotli to localhost and https); br, gzip, uncompressed = the same files asked ' +
              'again from Node with that Accept-Encoding. Targets are checked on gzip, the larger compressed form. First run.',
            headingMs: 'Navigation start to the first frame painted with the main heading (main h1 with text).',
            ttiMs:
              `Time to interactive: navigation start to the first moment, from the heading on, followed by ${QUIET_MS} ms without a ` +
              `long task (main-thread task over ${LONG_TASK_MS} ms, Long Tasks API), under the profile (network and CPU throttled through CDP).`,
            chatMs:
              'chatSend sent on the booth socket to the chatMessage notification received on the agent socket, same process clock, ' +
              `loopback; messages one at a time at the server's allowed pace (${CHAT_BURST} per 5 s).`,
          },
          booth: { path: '/borne', viewport: TABLET, ...booth },
          agent: { path: '/agent', viewport: DESK_PC, ...agent },
          chat: { messages: MESSAGES, latencyMs: chat },
          targets: TARGETS,
          met: { boothJsKb: boothJsKb <= TARGETS.boothJsKb, boothCssKb: boothCssKb <= TARGETS.boothCssKb, chatP50Ms: chat.median < TARGETS.chatP50Ms },
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await chrome.close();
    await t.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
