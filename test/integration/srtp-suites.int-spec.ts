/**
 * Every SRTP suite the worker offers, through the libsrtp we build into it (OpenSSL-backed, see
 * scripts/mediasoup-worker): RTP goes in plain, crosses an SRTP hop between two transports of the
 * worker (protected by one, unprotected by the other, with the suite's own tag and key sizes) and
 * comes back out plain with the same payload. The browser test covers the DTLS-keyed suite Chromium
 * picks; this one covers each suite, GCM ones included, without depending on that choice.
 */
import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { types } from 'mediasoup';
import { WorkerPool } from '../../media/src';
import { RecordingLogger, until } from '../support/media';

const SUITES: types.SrtpCryptoSuite[] = ['AEAD_AES_256_GCM', 'AEAD_AES_128_GCM', 'AES_CM_128_HMAC_SHA1_80', 'AES_CM_128_HMAC_SHA1_32'];
const loopback: types.TransportListenInfo = { protocol: 'udp', ip: '127.0.0.1' };
const opus: types.RouterRtpCodecCapability = { kind: 'audio', mimeType: 'audio/opus', clockRate: 48_000, channels: 2 };
const PACKETS = 40;

function rtpPacket(seq: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(12);
  header[0] = 0x80;
  header[1] = 100; // payload type
  header.writeUInt16BE(seq, 2);
  header.writeUInt32BE(seq * 960, 4);
  header.writeUInt32BE(0x1234_5678, 8);
  return Buffer.concat([header, payload]);
}

function rtpPayload(packet: Buffer): Buffer {
  let offset = 12 + 4 * (packet[0]! & 0x0f);
  if (packet[0]! & 0x10) offset += 4 + 4 * packet.readUInt16BE(offset + 2);
  return packet.subarray(offset);
}

describe('SRTP suites of the project-built worker', () => {
  let pool: WorkerPool;
  let socket: Socket;

  beforeAll(async () => {
    pool = await WorkerPool.create({ size: 1, logLevel: 'warn', workerBin: null }, new RecordingLogger());
    socket = createSocket('udp4');
    socket.bind(0, '127.0.0.1');
    await once(socket, 'listening');
  });
  afterAll(async () => {
    socket?.close();
    await pool?.close();
  });

  it('runs on the libraries the build chose: mimalloc as its allocator, libsrtp built in (no NSS, no libsrtp2.so)', () => {
    const maps = readFileSync(`/proc/${pool.pick().pid}/maps`, 'utf8');
    expect(maps).toMatch(/\/libmimalloc\.so/);
    expect(maps).not.toMatch(/libnss3|libsrtp2\.so/);
  });

  it.each(SUITES)('%s: what one transport protects, another unprotects, payloads intact', async (suite) => {
    const router = await pool.pick().createRouter({ mediaCodecs: [opus] });
    try {
      const ingest = await router.createPlainTransport({ listenInfo: loopback, rtcpMux: true, comedia: true });
      const source = await ingest.produce({
        kind: 'audio',
        rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48_000, channels: 2 }], encodings: [{ ssrc: 0x1234_5678 }] },
      });

      // The SRTP hop: `protecting` encrypts towards `unprotecting`, each knowing the other's key.
      const srtp = { listenInfo: loopback, rtcpMux: true, enableSrtp: true, srtpCryptoSuite: suite };
      const protecting = await router.createPlainTransport({ ...srtp, comedia: false });
      const unprotecting = await router.createPlainTransport({ ...srtp, comedia: true });
      expect(protecting.srtpParameters?.cryptoSuite).toBe(suite);
      await unprotecting.connect({ srtpParameters: protecting.srtpParameters! });
      await protecting.connect({ ip: '127.0.0.1', port: unprotecting.tuple.localPort, srtpParameters: unprotecting.srtpParameters! });
      const hop = await protecting.consume({ producerId: source.id, rtpCapabilities: router.rtpCapabilities });
      const relayed = await unprotecting.produce({
        kind: 'audio',
        rtpParameters: { codecs: hop.rtpParameters.codecs, encodings: hop.rtpParameters.encodings, headerExtensions: hop.rtpParameters.headerExtensions },
      });

      const egress = await router.createPlainTransport({ listenInfo: loopback, rtcpMux: true, comedia: false });
      await egress.connect({ ip: '127.0.0.1', port: socket.address().port });
      const out = await egress.consume({ producerId: relayed.id, rtpCapabilities: router.rtpCapabilities });
      const outSsrc = out.rtpParameters.encodings![0]!.ssrc!;

      const received = new Set<string>();
      const onMessage = (packet: Buffer) => {
        if (packet.length >= 12 && packet.readUInt32BE(8) === outSsrc) received.add(rtpPayload(packet).toString('hex'));
      };
      socket.on('message', onMessage);
      const sent: string[] = [];
      for (let seq = 1; seq <= PACKETS; seq++) {
        const payload = randomBytes(160 + seq);
        sent.push(payload.toString('hex'));
        socket.send(rtpPacket(seq, payload), ingest.tuple.localPort, '127.0.0.1');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      try {
        // The first packets may arrive before comedia learned the hop's address: most, not all.
        await until(`${suite} packets back through the SRTP hop`, () => received.size >= PACKETS - 5, 5_000);
      } finally {
        socket.off('message', onMessage);
      }
      expect(sent.filter((p) => received.has(p)).length).toBe(received.size);
      const [unprotected] = await relayed.getStats();
      expect(unprotected!.packetCount).toBeGreaterThanOrEqual(PACKETS - 5);
    } finally {
      router.close();
    }
  });
});
