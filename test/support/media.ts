import type { types } from 'mediasoup';
import { MediaLogger } from '../../media/src';

// Quiet, but kept so a failing assertion can be read next to what the pool said.
export class RecordingLogger implements MediaLogger {
  readonly lines: string[] = [];
  info(message: string): void {
    this.lines.push(`info ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn ${message}`);
  }
  error(message: string): void {
    this.lines.push(`error ${message}`);
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

/** Process exit and reaping are asynchronous, so "gone" can only be observed by polling. */
export async function until(what: string, condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** What a browser sends for an Opus track, enough for a producer without a real client. */
export const OPUS_SEND_PARAMETERS: types.RtpParameters = {
  codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48_000, channels: 2 }],
  encodings: [{ ssrc: 11_111_111 }],
};

/** A camera sent in three simulcast layers, as the call engine does. */
export const VP8_SIMULCAST_PARAMETERS: types.RtpParameters = {
  codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 90_000 }],
  encodings: [{ ssrc: 22_222_221 }, { ssrc: 22_222_222 }, { ssrc: 22_222_223 }],
};
