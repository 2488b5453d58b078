import { rtpHeaderLength } from './srtp';

const NTP_UNIX_OFFSET_SECONDS = 2_208_988_800;
const INTERVAL_MS = 1000;

interface StreamState {
  packets: number;
  octets: number;
  lastReportMs: number;
}

/**
 * RTCP sender reports for the source streams, about once a second as browsers send them.
 *
 * NOTE: mediasoup switches a simulcast consumer to a higher layer only once it has a sender report
 * of both layers (to align their RTP timestamps); without them every receiver stays on the lowest
 * layer. Each report is built when a packet arrives, pairing its RTP timestamp with that instant.
 */
export class SenderReports {
  private readonly streams = new Map<number, StreamState>();

  /** The report to send after `packet`, or null when this stream had one less than a second ago. */
  onRtp(packet: Buffer): Buffer | null {
    const ssrc = packet.readUInt32BE(8);
    let stream = this.streams.get(ssrc);
    if (!stream) {
      stream = { packets: 0, octets: 0, lastReportMs: -Infinity };
      this.streams.set(ssrc, stream);
    }
    stream.packets++;
    stream.octets += packet.length - rtpHeaderLength(packet);
    const nowMs = performance.timeOrigin + performance.now();
    if (nowMs - stream.lastReportMs < INTERVAL_MS) return null;
    stream.lastReportMs = nowMs;

    const report = Buffer.alloc(28);
    report[0] = 0x80; // V=2, no padding, no report blocks
    report[1] = 200; // SR
    report.writeUInt16BE(6, 2); // length in 32-bit words minus one
    report.writeUInt32BE(ssrc, 4);
    const seconds = Math.floor(nowMs / 1000);
    report.writeUInt32BE((seconds + NTP_UNIX_OFFSET_SECONDS) >>> 0, 8);
    report.writeUInt32BE(Math.floor(((nowMs - seconds * 1000) / 1000) * 2 ** 32) >>> 0, 12);
    report.writeUInt32BE(packet.readUInt32BE(4), 16);
    report.writeUInt32BE(stream.packets >>> 0, 20);
    report.writeUInt32BE(stream.octets >>> 0, 24);
    return report;
  }
}
