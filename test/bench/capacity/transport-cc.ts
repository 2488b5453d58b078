/**
 * Transport-wide congestion control (draft-holmer-rmcat-transport-wide-cc-extensions-01), both ways,
 * so the worker does the per-packet work a browser call makes it do: on ingest it records every
 * packet's transport sequence number and sends feedback to the sender; on egress it stamps every
 * packet, keeps its send history and runs the bandwidth estimator on the receivers' feedback.
 */

export const TRANSPORT_CC_URI = 'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01' as const;
export const ABS_SEND_TIME_URI = 'http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time' as const;

/** How often a receiver sends feedback: libwebrtc's default interval. */
export const FEEDBACK_INTERVAL_MS = 100;
/** Keeps one feedback packet well under an MTU (2 bytes per delta at worst). */
const MAX_STATUSES_PER_PACKET = 400;

/**
 * `packet` (plain RTP without header extensions or CSRCs, as ffmpeg sends it) with a one-byte
 * header extension block (RFC 8285) carrying `seq` under `id`.
 */
export function withTransportSequence(packet: Buffer, id: number, seq: number): Buffer {
  if ((packet[0]! & 0x1f) !== 0) throw new Error('expected an RTP packet without CSRCs or extensions');
  const out = Buffer.allocUnsafe(packet.length + 8);
  packet.copy(out, 0, 0, 12);
  out[0] = packet[0]! | 0x10;
  out.writeUInt16BE(0xbede, 12);
  out.writeUInt16BE(1, 14); // one 32-bit word of extensions
  out[16] = (id << 4) | 1; // two bytes of data
  out.writeUInt16BE(seq & 0xffff, 17);
  out[19] = 0;
  packet.copy(out, 20, 12);
  return out;
}

/** The transport sequence number in a received RTP packet's one-byte extensions, or null. */
export function readTransportSequence(packet: Buffer, id: number): number | null {
  const at = findExtension(packet, id, 2);
  return at === null ? null : packet.readUInt16BE(at);
}

/** abs-send-time (24-bit, 6.18 fixed-point seconds) in a received RTP packet, or null. */
export function readAbsSendTime(packet: Buffer, id: number): number | null {
  const at = findExtension(packet, id, 3);
  return at === null ? null : packet.readUIntBE(at, 3);
}

/** Offset of the data of one-byte extension `id` when it has `length` bytes, or null. */
function findExtension(packet: Buffer, id: number, length: number): number | null {
  if ((packet[0]! & 0x10) === 0) return null;
  let offset = 12 + 4 * (packet[0]! & 0x0f);
  if (packet.length < offset + 4 || packet.readUInt16BE(offset) !== 0xbede) return null;
  const end = offset + 4 + 4 * packet.readUInt16BE(offset + 2);
  offset += 4;
  while (offset < end && offset < packet.length) {
    const byte = packet[offset]!;
    if (byte === 0) {
      offset++; // padding
      continue;
    }
    const extId = byte >> 4;
    const size = (byte & 0x0f) + 1;
    if (extId === 15) return null;
    if (extId === id && size === length && offset + 1 + size <= packet.length) return offset + 1;
    offset += 1 + size;
  }
  return null;
}

/**
 * What a browser's receive side does: remembers each packet's transport sequence number and
 * arrival time, and every FEEDBACK_INTERVAL_MS turns them into transport-cc feedback (RTPFB 15).
 */
export class TransportCcReceiver {
  private arrivals = new Map<number, number>();
  /** Unwrapped sequence number of the first packet not yet reported. */
  private nextToReport: number | null = null;
  private highest = -1;
  private feedbackCount = 0;

  constructor(
    private readonly senderSsrc: number,
    private readonly epochMs: number,
  ) {}

  onPacket(seq16: number, arrivalMs: number): void {
    const seq = this.unwrap(seq16);
    if (this.nextToReport === null) this.nextToReport = seq;
    if (seq < this.nextToReport) return; // already reported as lost: too late for the estimator
    if (!this.arrivals.has(seq)) this.arrivals.set(seq, arrivalMs);
    if (seq > this.highest) this.highest = seq;
  }

  /** The feedback packets for everything received since the last call (empty when nothing came). */
  takeFeedback(mediaSsrc: number): Buffer[] {
    const packets: Buffer[] = [];
    while (this.nextToReport !== null && this.nextToReport <= this.highest) {
      const base = this.nextToReport;
      const count = Math.min(MAX_STATUSES_PER_PACKET, this.highest - base + 1);
      packets.push(this.build(mediaSsrc, base, count));
      for (let seq = base; seq < base + count; seq++) this.arrivals.delete(seq);
      this.nextToReport = base + count;
    }
    return packets;
  }

  private unwrap(seq16: number): number {
    if (this.highest < 0) return seq16;
    const delta = (seq16 - (this.highest & 0xffff) + 0x10000) & 0xffff;
    return delta < 0x8000 ? this.highest + delta : this.highest - (0x10000 - delta);
  }

  private build(mediaSsrc: number, base: number, count: number): Buffer {
    let firstArrival = Infinity;
    for (let seq = base; seq < base + count; seq++) firstArrival = Math.min(firstArrival, this.arrivals.get(seq) ?? Infinity);
    // 24-bit reference time in 64 ms units; deltas (250 µs units) run from it.
    const referenceUnits = Math.floor((firstArrival - this.epochMs) / 64);
    let previousTicks = referenceUnits * 64 * 4;
    const symbols: number[] = [];
    const deltas: Buffer[] = [];
    for (let seq = base; seq < base + count; seq++) {
      const arrival = this.arrivals.get(seq);
      if (arrival === undefined) {
        symbols.push(0);
        continue;
      }
      const ticks = Math.round((arrival - this.epochMs) * 4);
      const delta = ticks - previousTicks;
      previousTicks = ticks;
      if (delta >= 0 && delta <= 0xff) {
        symbols.push(1);
        deltas.push(Buffer.from([delta]));
      } else {
        const large = Buffer.alloc(2);
        large.writeInt16BE(Math.max(-0x8000, Math.min(0x7fff, delta)));
        symbols.push(2);
        deltas.push(large);
      }
    }
    // Status vector chunks of seven two-bit symbols: simple, and valid for any mix of statuses.
    const chunks = Buffer.alloc(2 * Math.ceil(symbols.length / 7));
    for (let i = 0; i < symbols.length; i += 7) {
      let chunk = 0xc000;
      for (let j = 0; j < 7 && i + j < symbols.length; j++) chunk |= symbols[i + j]! << (12 - 2 * j);
      chunks.writeUInt16BE(chunk, (2 * i) / 7);
    }
    const body = Buffer.concat([chunks, ...deltas]);
    const length = 20 + body.length;
    const padded = length + ((4 - (length % 4)) % 4);
    const out = Buffer.alloc(padded);
    out[0] = 0x80 | 15; // V=2, FMT=15 (zero padding without the P bit, as libwebrtc and mediasoup do)
    out[1] = 205; // RTPFB
    out.writeUInt16BE(padded / 4 - 1, 2);
    out.writeUInt32BE(this.senderSsrc >>> 0, 4);
    out.writeUInt32BE(mediaSsrc >>> 0, 8);
    out.writeUInt16BE(base & 0xffff, 12);
    out.writeUInt16BE(count, 14);
    out.writeUIntBE(referenceUnits & 0xffffff, 16, 3);
    out[19] = this.feedbackCount++ & 0xff;
    body.copy(out, 20);
    return out;
  }
}

/**
 * Arrival times for an ideal network: the worker's own send time (abs-send-time, which it stamps
 * on every video packet), unwrapped to milliseconds. Timestamps taken by this process instead
 * would carry its event-loop stalls, which the worker's delay-based estimator reads as congestion
 * (and then forwards lower layers, i.e. does less work than in a real call).
 */
export class AbsSendTimeClock {
  private last = -1;
  private wraps = 0;

  toMs(absSendTime: number): number {
    // 24 bits of 2^-18 s: wraps every 64 s.
    if (this.last >= 0 && absSendTime < this.last && this.last - absSendTime > 0x800000) this.wraps++;
    this.last = absSendTime;
    return ((this.wraps * 0x1000000 + absSendTime) * 1000) / 262_144;
  }
}
