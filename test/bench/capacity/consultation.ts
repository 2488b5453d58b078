import { createSocket, Socket } from 'node:dgram';
import type { types } from 'mediasoup';
import { ROUTER_MEDIA_CODECS } from '../../../media/src';
import { ReceiverFeedback } from './receiver-feedback';
import { RtpCounter } from './rtp-counter';
import { SOURCE_STREAMS } from './media-source';
import { PLAIN_RTP, randomSrtpMaster, SRTP_SUITE, SrtpSender } from './srtp';
import { ABS_SEND_TIME_URI, TRANSPORT_CC_URI } from './transport-cc';

/** Header extension id the driver stamps its transport sequence numbers under (see capacity.ts). */
export const INGEST_TRANSPORT_CC_ID = 5;

export interface ConsultationOptions {
  worker: types.Worker;
  /** Key the driver protects its packets with (every ingest transport expects it); null for plain RTP. */
  driverSrtpMaster: Buffer | null;
  counter: RtpCounter;
  /** Simulcast layer each receiver asks for: 2 is the 720p layer a full-screen 1:1 view selects. */
  spatialLayer: number;
  /**
   * Browser-like RTCP: transport-cc negotiated both ways (the driver stamps ingest packets, the
   * receivers send feedback), receiver reports, NACK/PLI/FIR negotiated. Off: the earlier model,
   * sender reports only and no congestion control (kept to compare with older figures).
   */
  feedback: boolean;
  /** Time origin of the transport-cc arrival times (ms, performance.now() scale). */
  epochMs: number;
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
  /** Key the receiver protects its RTCP with (the egress transport's remote key); null for plain RTP. */
  recvSrtpMaster: Buffer | null;
  feedback: ReceiverFeedback | null;
}

const LISTEN = { protocol: 'udp', ip: '127.0.0.1' } as const;
const BWE_EXTENSIONS = new Set([
  'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01',
  'http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time',
]);

/**
 * The router's capabilities without transport-cc and REMB, for --feedback=off only.
 *
 * NOTE: with either one negotiated the worker gives the receive transport a congestion controller,
 * which starts at 600 kbit/s and only grows on the receiver's feedback; without feedback every
 * consumer would stay on the 500 kbit/s layer. With --feedback=on the receivers send transport-cc
 * feedback (receiver-feedback.ts) and get the router's full capabilities, as a browser would.
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
 * for WebRTC ones (SRTP optional): same decrypt / route / simulcast selection / encrypt path per packet, and with
 * `feedback` the same RTCP (transport-cc both ways, receiver reports), without ICE and DTLS (see
 * `notModelled` in the report).
 */
export class Consultation {
  /** RTCP the worker sent back to the senders (transport-cc feedback, receiver reports). */
  ingestRtcpReceived = 0;

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
          const consumer = await me.egress.consume({
            producerId: producer.id,
            rtpCapabilities: options.feedback ? router.rtpCapabilities : receiverCapabilities(router),
          });
          if (consumer.type === 'simulcast') await consumer.setPreferredLayers({ spatialLayer: options.spatialLayer, temporalLayer: 0 });
          me.consumers.push(consumer);
          options.counter.register(consumer.rtpParameters.encodings![0]!.ssrc!, consumer.kind);
        }
      }
      for (const participant of participants) {
        if (options.feedback) participant.feedback = receiverFeedback(participant, options);
        participant.recvSocket.on('message', (packet: Buffer) => {
          options.counter.onPacket(packet);
          participant.feedback?.onRtp(packet, performance.now());
        });
        await new Promise<void>((resolve) => participant.sendSocket.connect(participant.ingest.tuple.localPort, '127.0.0.1', resolve));
      }
    } catch (error) {
      new Consultation(router, participants, options.counter).close();
      throw error;
    }
    const consultation = new Consultation(router, participants, options.counter);
    // Connected sockets only hear the worker's ingest transport: all of it is RTCP for the sender.
    for (const participant of participants) participant.sendSocket.on('message', () => consultation.ingestRtcpReceived++);
    return consultation;
  }

  /** Sends the receivers' RTCP that is due. */
  tick(nowMs: number): void {
    for (const participant of this.participants) participant.feedback?.tick(nowMs);
  }

  get receiverRtcpSent(): number {
    return this.participants.reduce((sum, p) => sum + (p.feedback?.sentPackets ?? 0), 0);
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
  const participant: Participant = {
    ingest: null!, egress: null!, producers: [], consumers: [], sendSocket, recvSocket, recvSrtpMaster: null, feedback: null,
  };
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
    // We read only the RTP header, which SRTP leaves in clear: the worker's egress key is never
    // needed; the remote key is the one the receiver's RTCP is protected with.
    participant.recvSrtpMaster = srtp ? randomSrtpMaster() : null;
    await participant.egress.connect({ ip: '127.0.0.1', port: recvPort, ...srtpParameters(participant.recvSrtpMaster ?? Buffer.alloc(0)) });
    // What a browser's offer negotiates on its send transport when options.feedback is on.
    const feedback = (types: string[]) =>
      options.feedback ? { rtcpFeedback: types.map((t) => ({ type: t.split(' ')[0]!, parameter: t.split(' ')[1] ?? '' })) } : {};
    const headerExtensions = options.feedback ? { headerExtensions: [{ uri: TRANSPORT_CC_URI, id: INGEST_TRANSPORT_CC_ID }] } : {};
    const audio = SOURCE_STREAMS.filter((s) => s.kind === 'audio');
    const video = SOURCE_STREAMS.filter((s) => s.kind === 'video');
    participant.producers.push(
      await participant.ingest.produce({
        kind: 'audio',
        rtpParameters: {
          codecs: [{ mimeType: 'audio/opus', payloadType: audio[0]!.payloadType, clockRate: 48_000, channels: 2, ...feedback(['transport-cc']) }],
          encodings: audio.map((s) => ({ ssrc: s.ssrc })),
          ...headerExtensions,
        },
      }),
      await participant.ingest.produce({
        kind: 'video',
        rtpParameters: {
          codecs: [{ mimeType: 'video/VP8', payloadType: video[0]!.payloadType, clockRate: 90_000, ...feedback(['nack', 'nack pli', 'ccm fir', 'transport-cc']) }],
          ...headerExtensions,
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

function receiverFeedback(participant: Participant, options: ConsultationOptions): ReceiverFeedback {
  const extensionId = (uri: string) =>
    participant.consumers.flatMap((c) => c.rtpParameters.headerExtensions?.filter((e) => e.uri === uri).map((e) => e.id) ?? [])[0] ?? null;
  return new ReceiverFeedback(
    participant.recvSocket,
    participant.egress.tuple.localPort,
    participant.recvSrtpMaster ? new SrtpSender(participant.recvSrtpMaster) : PLAIN_RTP,
    0x33330000 + Math.floor(Math.random() * 0xffff),
    extensionId(TRANSPORT_CC_URI),
    extensionId(ABS_SEND_TIME_URI),
    participant.consumers.map((c) => c.rtpParameters.encodings![0]!.ssrc!),
    options.counter,
    options.epochMs,
  );
}
