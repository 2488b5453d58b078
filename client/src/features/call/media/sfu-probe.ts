import { Device, type types } from 'mediasoup-client';
import { SignallingSocket } from '../api/signalling-socket';
import { ConnectionPath, selectedPath } from './connection-path';

/** What the pre-call check learns by sending a test video to the SFU, as a call would. */
export interface SfuProbeResult {
  /** ICE and DTLS completed and the SFU counted bytes from us. */
  reached: boolean;
  /** 'udp' / 'tcp': straight to the SFU; 'relay': through the TURN server. */
  route: 'udp' | 'tcp' | 'relay' | null;
  relayProtocol: string | null;
  rttMs: number | null;
  /** The browser's estimate of the bandwidth towards the SFU (congestion control). */
  uplinkKbps: number | null;
  /**
   * Why it was not reached, for the facilitator's report: a code the report words in French
   * ('media_timeout', 'media_failed', 'no_media_received'), or the browser's own message.
   */
  error: string | null;
}

class ProbeError extends Error {}

const CONNECT_TIMEOUT_MS = 10_000;
const SAMPLE_EVERY_MS = 500;

/**
 * A moving, detailed picture: a still or flat one compresses to almost nothing, and congestion
 * control never ramps up without data to send.
 */
function testPattern(): { track: MediaStreamTrack; stop(): void } {
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 360;
  const ctx = canvas.getContext('2d')!;
  const timer = setInterval(() => {
    for (let i = 0; i < 60; i += 1) {
      ctx.fillStyle = `hsl(${Math.random() * 360} 80% ${20 + Math.random() * 60}%)`;
      ctx.fillRect(Math.random() * 640, Math.random() * 360, 8 + Math.random() * 80, 8 + Math.random() * 80);
    }
  }, 33);
  const track = canvas.captureStream(30).getVideoTracks()[0]!;
  return {
    track,
    stop: () => {
      clearInterval(timer);
      track.stop();
    },
  };
}

function waitConnected(transport: types.Transport, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new ProbeError('media_timeout')), CONNECT_TIMEOUT_MS);
    signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    transport.on('connectionstatechange', (state) => {
      if (state !== 'connected' && state !== 'failed') return;
      clearTimeout(timer);
      if (state === 'connected') resolve();
      else reject(new ProbeError('media_failed'));
    });
  });
}

/**
 * Sends a test video to the SFU for `durationMs` over a probe socket (a room of our own, same
 * worker ports and TURN settings as a call), then reads what the path looked like.
 */
export async function probeSfu(signal: AbortSignal, durationMs = 4000): Promise<SfuProbeResult> {
  const failed = (error: unknown): SfuProbeResult => ({
    reached: false,
    route: null,
    relayProtocol: null,
    rttMs: null,
    uplinkKbps: null,
    error: error instanceof Error ? error.message : String(error),
  });
  const socket = new SignallingSocket({ probe: true }, () => undefined, () => undefined);
  const pattern = testPattern();
  let transport: types.Transport | null = null;
  try {
    const joined = await socket.request('join', {});
    const device = await Device.factory();
    await device.load({ routerRtpCapabilities: joined.routerRtpCapabilities });
    // A probe joins straight into its own room: its join brought the transport already.
    const options = joined.transports?.send ?? (await socket.request('createTransport', { direction: 'send' }));
    const send = device.createSendTransport(options);
    transport = send;
    send.on('connect', ({ dtlsParameters }, ok, fail) => void socket.request('connectTransport', { transportId: send.id, dtlsParameters }).then(() => ok(), fail));
    send.on('produce', ({ kind, rtpParameters }, ok, fail) => {
      void socket.request('produce', { transportId: send.id, kind, rtpParameters, source: 'camera' }).then(({ producerId }) => ok({ id: producerId }), fail);
    });
    const connected = waitConnected(send, signal);
    await send.produce({ track: pattern.track, encodings: [{ maxBitrate: 2_500_000 }], stopTracks: false });
    await connected;

    let rttMs: number | null = null;
    let uplinkKbps: number | null = null;
    let path: ConnectionPath | null = null;
    for (let elapsed = 0; elapsed < durationMs && !signal.aborted; elapsed += SAMPLE_EVERY_MS) {
      await new Promise((r) => setTimeout(r, SAMPLE_EVERY_MS));
      path = selectedPath(await send.getStats()) ?? path;
      if (path?.rttSeconds != null) rttMs = Math.round(path.rttSeconds * 1000);
      if (path?.availableOutgoingBps) uplinkKbps = Math.max(uplinkKbps ?? 0, Math.round(path.availableOutgoingBps / 1000));
    }
    // What the SFU itself counted: proof that the media arrived, not only that ICE succeeded.
    const server = await socket.request('getStats', {});
    const received = server.transports.reduce((n, t) => n + t.bytesReceived, 0);
    if (received === 0) return failed(new ProbeError('no_media_received'));
    const route = path === null ? null : path.candidateType === 'relay' ? 'relay' : path.protocol === 'tcp' ? 'tcp' : 'udp';
    return { reached: true, route, relayProtocol: path?.relayProtocol ?? null, rttMs, uplinkKbps, error: null };
  } catch (error) {
    return failed(error);
  } finally {
    pattern.stop();
    transport?.close();
    await socket.request('leave', {}).catch(() => undefined);
    socket.close();
  }
}
