import type { Socket } from 'node:dgram';
import type { RtpCounter } from './rtp-counter';
import type { PacketProtector } from './srtp';
import { AbsSendTimeClock, FEEDBACK_INTERVAL_MS, readAbsSendTime, readTransportSequence, TransportCcReceiver } from './transport-cc';

const RECEIVER_REPORT_INTERVAL_MS = 1000;

/**
 * The RTCP a browser's receive side sends back to the SFU, over the same (S)RTCP path: transport-cc
 * feedback every 100 ms on the packets that carry a transport sequence number, and a receiver report
 * per second with a block for each stream it receives (loss, highest sequence number).
 */
export class ReceiverFeedback {
  private readonly transportCc: TransportCcReceiver;
  private readonly clock = new AbsSendTimeClock();
  private lastReportMs = -Infinity;
  private lastFeedbackMs = -Infinity;
  private readonly previous = new Map<number, { expected: number; received: number }>();
  sentPackets = 0;

  constructor(
    private readonly socket: Socket,
    private readonly workerPort: number,
    private readonly protector: PacketProtector,
    private readonly ssrc: number,
    /** Transport-cc header extension id the worker stamps on this receiver's packets, or null. */
    private readonly transportCcId: number | null,
    /** abs-send-time header extension id, the arrival clock of an ideal network (see AbsSendTimeClock). */
    private readonly absSendTimeId: number | null,
    /** SSRCs this receiver gets (the consumers' ones), reported on in receiver reports. */
    private readonly mediaSsrcs: number[],
    private readonly counter: RtpCounter,
    epochMs: number,
  ) {
    // With abs-send-time the arrival clock is the worker's, which starts anywhere: its own epoch.
    this.transportCc = new TransportCcReceiver(ssrc, absSendTimeId === null ? epochMs : 0);
  }

  onRtp(packet: Buffer, arrivalMs: number): void {
    if (this.transportCcId === null) return;
    const seq = readTransportSequence(packet, this.transportCcId);
    if (seq === null) return;
    const sent = this.absSendTimeId === null ? null : readAbsSendTime(packet, this.absSendTimeId);
    this.transportCc.onPacket(seq, sent === null ? arrivalMs : this.clock.toMs(sent));
  }

  /** Called often (every few ms is fine); sends what is due. */
  tick(nowMs: number): void {
    if (this.transportCcId !== null && nowMs - this.lastFeedbackMs >= FEEDBACK_INTERVAL_MS) {
      this.lastFeedbackMs = nowMs;
      for (const feedback of this.transportCc.takeFeedback(this.mediaSsrcs.at(-1) ?? 0)) this.send(feedback);
    }
    if (nowMs - this.lastReportMs >= RECEIVER_REPORT_INTERVAL_MS) {
      this.lastReportMs = nowMs;
      this.send(this.receiverReport());
    }
  }

  private send(rtcp: Buffer): void {
    this.sentPackets++;
    this.socket.send(this.protector.protectRtcp(rtcp), this.workerPort, '127.0.0.1');
  }

  /** RFC 3550 §6.4.2; no sender report read (they are encrypted), so LSR and DLSR are 0. */
  private receiverReport(): Buffer {
    const blocks = this.mediaSsrcs.map((ssrc) => ({ ssrc, stats: this.counter.streamStats(ssrc) }));
    const out = Buffer.alloc(8 + 24 * blocks.length);
    out[0] = 0x80 | blocks.length;
    out[1] = 201; // RR
    out.writeUInt16BE(out.length / 4 - 1, 2);
    out.writeUInt32BE(this.ssrc >>> 0, 4);
    blocks.forEach(({ ssrc, stats }, i) => {
      const offset = 8 + 24 * i;
      const before = this.previous.get(ssrc) ?? { expected: 0, received: 0 };
      const expected = stats.expected - before.expected;
      const lost = expected - (stats.received - before.received);
      this.previous.set(ssrc, { expected: stats.expected, received: stats.received });
      out.writeUInt32BE(ssrc >>> 0, offset);
      out[offset + 4] = expected > 0 && lost > 0 ? Math.min(255, Math.floor((256 * lost) / expected)) : 0;
      out.writeUIntBE(Math.max(0, Math.min(0x7fffff, stats.expected - stats.received)), offset + 5, 3);
      out.writeUInt32BE(stats.highest >>> 0, offset + 8);
      // Jitter, LSR and DLSR stay 0.
    });
    return out;
  }
}
