/**
 * Proof that the worker we build from source against Debian's OpenSSL (patched for a DTLS bug)
 * really completes ICE and DTLS with a browser and carries SRTP both ways. Unit and integration
 * suites cannot show this: only a real peer exercises the handshake.
 */
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { types } from 'mediasoup';
import type { JSHandle, Page } from 'playwright-core';
import { MediaLogger, WorkerPool } from '../../media/src';
import type { ClientSetup, SfuClient } from '../browser/sfu-client';
import { launchChromium, TestBrowser, waitFor } from '../support/browser';

type PageGlobals = { msc: typeof import('../browser/sfu-client') };

const ROOT = join(__dirname, '..', '..');
const TIMEOUT = 30_000;

const mediaCodecs: types.RouterRtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48_000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90_000 },
];
// TCP is offered as well because some booths sit behind firewalls that drop UDP.
const listenInfos: types.TransportListenInfo[] = [
  { protocol: 'udp', ip: '127.0.0.1' },
  { protocol: 'tcp', ip: '127.0.0.1' },
];

class ErrorLogger implements MediaLogger {
  readonly errors: string[] = [];
  info(): void {}
  warn(): void {}
  error(message: string, context?: Record<string, unknown>): void {
    this.errors.push(`${message} ${JSON.stringify(context ?? {})}`);
  }
}

/** Resolves on 'connected', fails at once on 'failed' or 'closed' instead of at the timeout. */
function dtlsConnected(transport: types.WebRtcTransport): Promise<void> {
  return new Promise((resolve, reject) => {
    if (transport.dtlsState === 'connected') return resolve();
    const timer = setTimeout(() => reject(new Error(`DTLS still '${transport.dtlsState}' after ${TIMEOUT} ms`)), TIMEOUT);
    timer.unref(); // a test that failed before awaiting this must not hold Jest open
    transport.on('dtlsstatechange', (state) => {
      if (state === 'connected') resolve();
      else if (state === 'failed' || state === 'closed') reject(new Error(`DTLS handshake ended in '${state}'`));
      else return;
      clearTimeout(timer);
    });
  });
}

async function bundleClient(outDir: string): Promise<string> {
  try {
    await promisify(execFile)(process.execPath, [join(ROOT, 'test/browser/build-client.mjs'), outDir], { cwd: ROOT });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`bundling mediasoup-client for the browser failed: ${stderr || String(error)}`);
  }
  return readFile(join(outDir, 'msc.js'), 'utf8');
}

/** Serves the page from 127.0.0.1, a secure context, without which getUserMedia does not exist. */
async function servePage(script: string): Promise<{ server: Server; url: string }> {
  // The empty icon stops Chromium requesting /favicon.ico, whose 404 would count as a page error.
  const html = '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>dtls</title>' +
    '<script src="/msc.js"></script>';
  const server = createServer((req, res) => {
    if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    else if (req.url === '/msc.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

function clientOptions(transport: types.WebRtcTransport): ClientSetup['send'] {
  const { id, iceParameters, iceCandidates, dtlsParameters } = transport;
  return { id, iceParameters, iceCandidates, dtlsParameters } as ClientSetup['send'];
}

type Transports = Record<'send' | 'recv', types.WebRtcTransport>;

/** What the page's exposed functions do on the SFU side; a test may alter it on the way. */
interface SfuHandlers {
  connect(direction: 'send' | 'recv', dtlsParameters: types.DtlsParameters): Promise<void>;
  produce(kind: types.MediaKind, rtpParameters: types.RtpParameters): Promise<string>;
}

async function openPage(chrome: TestBrowser, url: string, handlers: SfuHandlers, errors: string[]): Promise<Page> {
  const page = await chrome.browser.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  await page.exposeFunction('sfuConnect', handlers.connect);
  await page.exposeFunction('sfuProduce', handlers.produce);
  await page.goto(url);
  return page;
}

function startClient(page: Page, router: types.Router, transports: Transports): Promise<JSHandle<SfuClient>> {
  const setup: ClientSetup = {
    routerRtpCapabilities: router.rtpCapabilities as ClientSetup['routerRtpCapabilities'],
    send: clientOptions(transports.send),
    recv: clientOptions(transports.recv),
  };
  return page.evaluateHandle((s) => (globalThis as unknown as PageGlobals).msc.startClient(s), setup);
}

const createTransports = async (router: types.Router): Promise<Transports> => ({
  send: await router.createWebRtcTransport({ listenInfos, preferUdp: true }),
  recv: await router.createWebRtcTransport({ listenInfos, preferUdp: true }),
});

// The first three tests are the steps of one call, in order: connect, send, receive.
describe('DTLS between Chromium and the project-built mediasoup worker', () => {
  const logger = new ErrorLogger();
  const pageErrors: string[] = [];
  const producers = new Map<string, types.Producer>();
  let outDir: string;
  let http: { server: Server; url: string } | undefined;
  let pool: WorkerPool | undefined;
  let router: types.Router;
  let transports: Transports;
  let chrome: TestBrowser | undefined;
  let page: Page;
  let client: JSHandle<SfuClient> | undefined;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'visio-msc-'));
    http = await servePage(await bundleClient(outDir));
    pool = await WorkerPool.create({ size: 1, logLevel: 'warn', workerBin: null }, logger);
    router = await pool.pick().createRouter({ mediaCodecs });
    transports = await createTransports(router);
    chrome = await launchChromium();
    const handlers: SfuHandlers = {
      connect: (direction, dtlsParameters) => transports[direction].connect({ dtlsParameters }),
      async produce(kind, rtpParameters) {
        const producer = await transports.send.produce({ kind, rtpParameters });
        producers.set(kind, producer);
        return producer.id;
      },
    };
    page = await openPage(chrome, http.url, handlers, pageErrors);
  }, 60_000);

  afterAll(async () => {
    await client?.evaluate((c) => c.close()).catch(() => undefined);
    await chrome?.close();
    await pool?.close();
    if (http) await new Promise((resolve) => http!.server.close(resolve));
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('completes ICE and the DTLS handshake on the send transport', async () => {
    expect(transports.send.iceCandidates.map((c) => c.protocol).sort()).toEqual(['tcp', 'udp']);
    const handshake = dtlsConnected(transports.send); // listen before the client can start it
    client = await startClient(page, router, transports);
    await handshake;

    expect(transports.send.dtlsState).toBe('connected');
    expect(['connected', 'completed']).toContain(transports.send.iceState);
    expect(transports.send.iceSelectedTuple).toMatchObject({ localAddress: '127.0.0.1', protocol: 'udp' });
    expect(transports.send.dtlsRemoteCert).toMatch(/BEGIN CERTIFICATE/); // Chromium's certificate, as verified
    await waitFor('the browser side of the send transport to connect', async () => {
      const states = await client!.evaluate((c) => c.connectionStates());
      return states.send === 'connected' ? states : undefined;
    });
    expect(await client.evaluate((c) => c.handlerName)).toBe('Chrome111');
  });

  it("receives Chromium's fake camera and microphone as SRTP the worker can decrypt", async () => {
    expect([...producers.keys()].sort()).toEqual(['audio', 'video']);
    const video = producers.get('video')!;
    expect(video.rtpParameters.codecs[0]!.mimeType).toBe('video/VP8');
    for (const producer of producers.values()) {
      const stats = await waitFor(`RTP on the ${producer.kind} producer`, async () => {
        const [s] = await producer.getStats();
        return s && s.packetCount > 0 && s.byteCount > 0 ? s : undefined;
      });
      expect(stats.type).toBe('inbound-rtp');
    }
  });

  it('sends the media back through paused consumers that are resumed once the page consumes', async () => {
    const recvHandshake = dtlsConnected(transports.recv);
    const rtpCapabilities = (await client!.evaluate((c) => c.rtpCapabilities)) as types.RtpCapabilities;
    const ssrcs = new Map<string, number>();
    for (const producer of producers.values()) {
      expect(router.canConsume({ producerId: producer.id, rtpCapabilities })).toBe(true);
      const consumer = await transports.recv.consume({ producerId: producer.id, rtpCapabilities, paused: true });
      expect(consumer.paused).toBe(true);
      ssrcs.set(consumer.kind, consumer.rtpParameters.encodings![0]!.ssrc!);
      const { id, kind, rtpParameters } = consumer;
      const options = { id, producerId: producer.id, kind, rtpParameters };
      await client!.evaluate((c, o) => c.consume(o), options as Parameters<SfuClient['consume']>[0]);
      await consumer.resume();
      expect(consumer.paused).toBe(false);
    }
    await recvHandshake;
    expect(['connected', 'completed']).toContain(transports.recv.iceState);

    const inbound = await waitFor('decoded video and received audio in the page', async () => {
      const stats = await client!.evaluate((c) => c.inboundStats());
      // By SSRC, because mediasoup also sends a padding-only "probator" video stream for bandwidth estimation.
      const video = stats.find((s) => s.ssrc === ssrcs.get('video'));
      const audio = stats.find((s) => s.ssrc === ssrcs.get('audio'));
      if (video && video.framesDecoded > 0 && audio && audio.packetsReceived > 0) return { video, audio };
      throw new Error(`inbound-rtp so far: ${JSON.stringify(stats)}`);
    });
    expect(inbound.video.framesDecoded).toBeGreaterThan(0);
    expect(inbound.audio.packetsReceived).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
    expect(logger.errors).toEqual([]);
  });

  // A DTLS fix that "works" by skipping the certificate check would pass every test above; this one
  // fails it. The worker must compare the peer's certificate with the fingerprint it was signalled.
  it('refuses a browser whose certificate does not match the signalled fingerprint', async () => {
    const rogue = await createTransports(router);
    const rogueProducers: types.Producer[] = [];
    const flip = (value: string) => (value.startsWith('00') ? 'FF' : '00') + value.slice(2);
    const handlers: SfuHandlers = {
      connect: (direction, dtls) =>
        rogue[direction].connect({
          dtlsParameters: { ...dtls, fingerprints: dtls.fingerprints.map((f) => ({ ...f, value: flip(f.value) })) },
        }),
      async produce(kind, rtpParameters) {
        const producer = await rogue.send.produce({ kind, rtpParameters });
        rogueProducers.push(producer);
        return producer.id;
      },
    };
    const other = await openPage(chrome!, http!.url, handlers, []);
    try {
      const outcome = dtlsConnected(rogue.send).then(() => 'connected', (error: Error) => error.message);
      await startClient(other, router, rogue);
      expect(await outcome).toBe("DTLS handshake ended in 'failed'");
      // Without a handshake there are no SRTP keys, so nothing the browser sent can be accepted.
      expect(rogueProducers).toHaveLength(2);
      for (const producer of rogueProducers) {
        expect((await producer.getStats()).every((s) => s.packetCount === 0)).toBe(true);
      }
    } finally {
      await other.close();
      rogue.send.close();
      rogue.recv.close();
    }
  });
});
