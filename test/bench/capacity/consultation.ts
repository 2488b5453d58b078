import { createSocket, Socket } from 'node:dgram';
import type { types } from 'mediasoup';
import { ROUTER_MEDIA_CODECS } from '../../../media/src';
import { RtpCounter } from './rtp-counter';
import { SOURCE_STREAMS } from './media-source';
import { randomSrtpMaster, SRTP_SUITE } from './srtp';

export interface ConsultationOptions {
  worker: types.Worker;
  /** Key the driver protects its packets with (every ingest transport expects it); null for plain RTP. */
  driverSrtpMaster: Buffer | null;
  counter: RtpCounter;
  /** Simulcast layer each receiver asks for: 2 is the 720p layer a full-screen 1:1 view selects. */
  spatialLayer: number;
}

interface Participant {
  ingest: types.PlainTransport;
  egress: types.PlainTransport;
  producers: types.Producer[];
  consumers: types.Consumer[];
  /** Connected to the ingest transport: the driver sends this participant's media through it. */
  sendSocket: Socket;
  /** The egress transport sends the other participant's media here. */
  recvSocket: Socket;
}

const LISTEN = { protocol: 'udp', ip: '127.0.0.1' } as const;
const BWE_EXTENSIONS = new Set([
  'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01',
  'http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time',
]);

/**
 * The router's capabilities without transport-cc and REMB.
 *
 * NOTE: with either one negotiated the worker gives the receive transport a congestion controller,
 * which starts at 600 kbit/s and only grows on the receiver's feedback; our receivers send none, so
 * every consumer would stay on the 500 kbit/s layer. Without them the consumer follows the
 * preferred layer, and bandwidth estimation is left out of the measurement (see `notModelled`).
 */
function receiverCapabilities(router: types.Router): types.RtpCapabilities {
  const capabilities = router.rtpCapabilities;
  return {
    codecs: capabilities.codecs?.map((codec) => ({
      ...codec,
      rtcpFeedback: codec.rtcpFeedback?.filter((fb) => fb.type !== 'transport-cc' && fb.type !== 'goog-remb'),
    })),
    headerExtensions: capabilities.headerExtensions?.filter((ext) => !BWE_EXTENSIONS.has(ext.uri)),
  };
}

async function bindSocket(socket: Socket): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind({ address: '127.0.0.1', port: 0 }, () => resolve());
  });
  // Later errors (an ICMP "port unreachable" after a close) must not crash the driver.
  socket.removeAllListeners('error');
  socket.on('error', () => undefined);
  return socket.address().port;
}

/**
 * One 1:1 consultation as the worker sees it: a router with the production codecs and, per
 * participant, a send transport with an Opus and a three-layer VP8 simulcast producer, and a receive
 * transport consuming the other participant's two producers. Plain transports with SRTP stand in
 * for WebRTC ones (SRTP optional): same decrypt / route / simulcast selection / encrypt path per packet, without ICE,
 * DTLS and congestion-control feedback (see `notModelled` in the report).
 */
export class Consultation {
  private constructor(
    readonly router: types.Router,
    private readonly participants: Participant[],
    private readonly counter: RtpCounter,
  ) {}

  static async create(options: ConsultationOptions, index: number): Promise<Consultation> {
    const router = await options.worker.createRouter({ mediaCodecs: ROUTER_MEDIA_CODECS, appData: { consultation: index } });
    const participants: Participant[] = [];
    try {
      for (let p = 0; p < 2; p++) participants.push(await createParticipant(router, options));
      for (const [me, other] of [
        [participants[0]!, participants[1]!],
        [participants[1]!, participants[0]!],
      ] as const) {
        for (const producer of other.producers) {
          const consumer = await me.egress.consume({ producerId: producer.id, rtpCapabilities: receiverCapabilities(router) });
          if (consumer.type === 'simulcast') await consumer.setPreferredLayers({ spatialLayer: options.spatialLayer, temporalLayer: 0 });
          me.consumers.push(consumer);
          options.counter.register(consumer.rtpParameters.encodings![0]!.ssrc!, consumer.kind);
        }
      }
      for (const participant of participants) {
        participant.recvSocket.on('message', (packet: Buffer) => options.counter.onPacket(packet));
        await new Promise<void>((resolve) => participant.sendSocket.connect(participant.ingest.tuple.localPort, '127.0.0.1', resolve));
      }
    } catch (error) {
      new Consultation(router, participants, options.counter).close();
      throw error;
    }
    return new Consultation(router, participants, options.counter);
  }

  get sendSockets(): Socket[] {
    return this.participants.map((p) => p.sendSocket);
  }

  get producers(): types.Producer[] {
    return this.participants.flatMap((p) => p.producers);
  }

  get consumers(): types.Consumer[] {
    return this.participants.flatMap((p) => p.consumers);
  }

  /** Closing the router closes its transports, producers and consumers. */
  close(): void {
    for (const consumer of this.consumers) this.counter.unregister(consumer.rtpParameters.encodings![0]!.ssrc!);
    if (!this.router.closed) this.router.close();
    for (const participant of this.participants) {
      participant.sendSocket.close();
      participant.recvSocket.close();
    }
  }
}

async function createParticipant(router: types.Router, options: ConsultationOptions): Promise<Participant> {
  const sendSocket = createSocket('udp4');
  const recvSocket = createSocket('udp4');
  const participant: Participant = { ingest: null!, egress: null!, producers: [], consumers: [], sendSocket, recvSocket };
  try {
    await bindSocket(sendSocket);
    const recvPort = await bindSocket(recvSocket);
    recvSocket.setRecvBufferSize(1 << 20);
    const srtp = options.driverSrtpMaster !== null;
    const transportOptions = { listenInfo: LISTEN, rtcpMux: true, enableSrtp: srtp, ...(srtp ? { srtpCryptoSuite: SRTP_SUITE } : {}) };
    const srtpParameters = (master: Buffer) => (srtp ? { srtpParameters: { cryptoSuite: SRTP_SUITE, keyBase64: master.toString('base64') } } : {});
    // NOTE: comedia, so the ingest transport learns the driver's address from the first packet.
    participant.ingest = await router.createPlainTransport({ ...transportOptions, comedia: true });
    if (options.driverSrtpMaster) await participant.ingest.connect(srtpParameters(options.driverSrtpMaster));
    participant.egress = await router.createPlainTransport({ ...transportOptions, comedia: false });
    // We read only the RTP header, which SRTP leaves in clear: the egress key is never needed.
    await participant.egress.connect({ ip: '127.0.0.1', port: recvPort, ...srtpParameters(randomSrtpMaster()) });
    const audio = SOURCE_STREAMS.filter((s) => s.kind === 'audio');
    const video = SOURCE_STREAMS.filter((s) => s.kind === 'video');
    participant.producers.push(
      await participant.ingest.produce({
        kind: 'audio',
        rtpParameters: {
          codecs: [{ mimeType: 'audio/opus', payloadType: audio[0]!.payloadType, clockRate: 48_000, channels: 2 }],
          encodings: audio.map((s) => ({ ssrc: s.ssrc })),
        },
      }),
      await participant.ingest.produce({
        kind: 'video',
        rtpParameters: {
          codecs: [{ mimeType: 'video/VP8', payloadType: video[0]!.payloadType, clockRate: 90_000 }],
          // Lowest layer first, as browsers list simulcast encodings.
          encodings: video.map((s) => ({ ssrc: s.ssrc })),
        },
      }),
    );
    return participant;
  } catch (error) {
    sendSocket.close();
    recvSocket.close();
    throw error;
  }
}
