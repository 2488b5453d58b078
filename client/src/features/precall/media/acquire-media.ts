import { holdStream } from '../../../lib/page-resources';
import type { MediaProblem } from '../report';

export type Acquired = { stream: MediaStream; problem: null } | { stream: null; problem: MediaProblem };

export function problemOf(error: unknown): MediaProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'missing';
    case 'NotReadableError':
    case 'AbortError':
      return 'busy';
    default:
      return 'error';
  }
}

async function open(constraints: MediaStreamConstraints): Promise<Acquired> {
  try {
    return { stream: holdStream(await navigator.mediaDevices.getUserMedia(constraints)), problem: null };
  } catch (error) {
    return { stream: null, problem: problemOf(error) };
  }
}

/**
 * Opens the camera and the microphone. One combined request first, so the browser asks once;
 * a missing or refused device fails the whole request, so then each is asked alone to tell which.
 */
export async function acquireMedia(): Promise<{ camera: Acquired; microphone: Acquired }> {
  // No mediaDevices outside a secure context (plain http on a LAN address) or in old browsers.
  if (!navigator.mediaDevices?.getUserMedia) {
    const none: Acquired = { stream: null, problem: 'unsupported' };
    return { camera: none, microphone: none };
  }
  const both = await open({ video: true, audio: true });
  if (both.stream) {
    return {
      camera: { stream: new MediaStream(both.stream.getVideoTracks()), problem: null },
      microphone: { stream: new MediaStream(both.stream.getAudioTracks()), problem: null },
    };
  }
  const camera = await open({ video: true });
  const microphone = await open({ audio: true });
  return { camera, microphone };
}

export function stopStream(stream: MediaStream | null): void {
  stream?.getTracks().forEach((track) => track.stop());
}
