/**
 * The page side of the browser suites: a bare mediasoup-client peer, bundled as an IIFE (global
 * `msc`) by build-client.mjs. It talks to the SFU only through functions the test exposes on the
 * page, so a suite can drive the real media path without the signalling server in the way.
 */
import { Device, type types } from 'mediasoup-client';

// The root tsconfig is Node-only on purpose (a DOM lib would change timer types for the server), so
// the few browser APIs this file touches are declared here, scoped to this module.
interface BrowserTrack {
  kind: string;
}
declare const navigator: {
  mediaDevices: {
    getUserMedia(constraints: { audio: boolean; video: { width: number; height: number } }): Promise<{
      getTracks(): BrowserTrack[];
    }>;
  };
};

/** Functions the test installs with page.exposeFunction: the page's only way back to the SFU. */
export interface SfuSignalling {
  sfuConnect(direction: 'send' | 'recv', dtlsParameters: types.DtlsParameters): Promise<void>;
  sfuProduce(kind: types.MediaKind, rtpParameters: types.RtpParameters): Promise<string>;
}

export interface ClientSetup {
  routerRtpCapabilities: types.RtpCapabilities;
  send: types.TransportOptions;
  recv: types.TransportOptions;
}

export interface InboundStats {
  kind: string;
  ssrc: number;
  packetsReceived: number;
  framesDecoded: number;
}

export interface SfuClient {
  handlerName: string;
  rtpCapabilities: types.RtpCapabilities;
  producerIds: Record<string, string>;
  connectionStates(): { send: string; recv: string };
  consume(options: types.ConsumerOptions): Promise<void>;
  inboundStats(): Promise<InboundStats[]>;
  close(): void;
}

/** Loads the device, opens both transports and sends the fake camera and microphone. */
export async function startClient(setup: ClientSetup): Promise<SfuClient> {
  const signalling = globalThis as unknown as SfuSignalling;
  const device = await Device.factory();
  await device.load({ routerRtpCapabilities: setup.routerRtpCapabilities });

  const send = device.createSendTransport(setup.send);
  send.on('connect', ({ dtlsParameters }, callback, errback) => {
    signalling.sfuConnect('send', dtlsParameters).then(callback, errback);
  });
  send.on('produce', ({ kind, rtpParameters }, callback, errback) => {
    signalling.sfuProduce(kind, rtpParameters).then((id) => callback({ id }), errback);
  });
  const recv = device.createRecvTransport(setup.recv);
  recv.on('connect', ({ dtlsParameters }, callback, errback) => {
    signalling.sfuConnect('recv', dtlsParameters).then(callback, errback);
  });

  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 320, height: 240 } });
  const producerIds: Record<string, string> = {};
  for (const track of stream.getTracks()) {
    const producer = await send.produce({ track });
    producerIds[track.kind] = producer.id;
  }

  return {
    handlerName: device.handlerName,
    rtpCapabilities: device.rtpCapabilities,
    producerIds,
    connectionStates: () => ({ send: send.connectionState, recv: recv.connectionState }),
    async consume(options) {
      await recv.consume(options);
    },
    async inboundStats() {
      const report = (await recv.getStats()) as unknown as Map<string, Record<string, unknown>>;
      return [...report.values()]
        .filter((s) => s.type === 'inbound-rtp')
        .map((s) => ({
          kind: String(s.kind),
          ssrc: Number(s.ssrc),
          packetsReceived: Number(s.packetsReceived ?? 0),
          framesDecoded: Number(s.framesDecoded ?? 0),
        }));
    },
    close() {
      send.close();
      recv.close();
    },
  };
}
