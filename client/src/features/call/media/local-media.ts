import type { types } from 'mediasoup-client';
import type { MediaSource } from '@shared/signalling/protocol';
import { bestEffort, type SignallingLink } from './signalling-link';

/** Camera sent in three simulcast layers; the SFU forwards each receiver the one that fits. */
const CAMERA_ENCODINGS: RTCRtpEncodingParameters[] = [
  { scaleResolutionDownBy: 4, maxBitrate: 150_000 },
  { scaleResolutionDownBy: 2, maxBitrate: 500_000 },
  { scaleResolutionDownBy: 1, maxBitrate: 1_200_000 },
];

/**
 * What we send: one producer per source on the current send transport. The camera and the
 * microphone are captured once for the whole call (the engine owns them); a shared screen is
 * captured when shared and stopped with its producer.
 */
export class LocalMedia {
  private readonly producers = new Map<MediaSource, types.Producer>();

  /** Sends the captured microphone then camera on a new send transport. */
  async produce(send: types.Transport, local: MediaStream): Promise<void> {
    const audio = local.getAudioTracks()[0];
    const video = local.getVideoTracks()[0];
    // NOTE: stopTracks false: the engine owns the capture, which must outlive transports torn down
    // by a reconnection (mediasoup-client would otherwise end the camera and microphone tracks).
    if (audio) {
      // NOTE: audio first: the browser serves its bitrate before video's, and marks its packets for
      // expedited forwarding (DSCP EF) where managed networks honour it.
      const producer = await send.produce({
        track: audio,
        stopTracks: false,
        encodings: [{ priority: 'high', networkPriority: 'high' }],
        codecOptions: { opusDtx: true, opusFec: true },
        appData: { source: 'microphone' },
      });
      this.producers.set('microphone', producer);
    }
    if (video) {
      const producer = await send.produce({ track: video, stopTracks: false, encodings: CAMERA_ENCODINGS, appData: { source: 'camera' } });
      this.producers.set('camera', producer);
    }
  }

  /** Mute / camera off: the SFU stops forwarding too, so nothing reaches the others. */
  setPaused(socket: SignallingLink | null, source: MediaSource, paused: boolean): void {
    const producer = this.producers.get(source);
    if (!producer || producer.paused === paused) return;
    if (paused) producer.pause();
    else producer.resume();
    bestEffort(socket, 'pauseProducer', { producerId: producer.id, paused });
  }

  get sharingScreen(): boolean {
    return this.producers.has('screen');
  }

  /** Shares a screen (the agent); `onEnded` when the browser's own "stop sharing" ends it. */
  async shareScreen(send: types.Transport, onEnded: () => void): Promise<void> {
    const stream = await navigator.mediaDevices.getDisplayMedia({ video: true });
    const track = stream.getVideoTracks()[0]!;
    const producer = await send.produce({ track, appData: { source: 'screen' } });
    this.producers.set('screen', producer);
    track.addEventListener('ended', onEnded);
  }

  stopScreen(socket: SignallingLink | null): void {
    const producer = this.producers.get('screen');
    if (!producer) return;
    producer.track?.stop();
    producer.close();
    this.producers.delete('screen');
    // Closing it here only stops sending: the SFU must close it so the others drop the picture.
    bestEffort(socket, 'closeProducer', { producerId: producer.id });
  }

  /** Before a new join: producers go with their transport; a shared screen's capture stops. */
  reset(): void {
    this.producers.get('screen')?.track?.stop();
    this.producers.clear();
  }
}
