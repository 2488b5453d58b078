export type Kind = 'audio' | 'video';

interface StreamState {
  kind: Kind;
  received: number;
  bytes: number;
  /** Extended (wrap-free) sequence numbers of the first and the highest packet seen. */
  first: number;
  highest: number;
}

export interface CounterSnapshot {
  at: number;
  received: number;
  expected: number;
  bytes: number;
  byKind: Record<Kind, { received: number; expected: number }>;
  /** Per stream received count, to spot streams that went silent (no gap to detect then). */
  perStream: Map<number, number>;
}

/**
 * Counts what the consumers deliver, per SSRC, and detects loss from sequence-number gaps: the
 * worker numbers each consumer's packets contiguously (even across simulcast layer switches), so
 * a gap is a packet the worker dropped or the kernel dropped on the way to us.
 */
export class RtpCounter {
  private readonly streams = new Map<number, StreamState>();
  received = 0;
  bytes = 0;
  rtcp = 0;
  unknown = 0;

  register(ssrc: number, kind: Kind): void {
    this.streams.set(ssrc, { kind, received: 0, bytes: 0, first: 0, highest: 0 });
  }

  unregister(ssrc: number): void {
    this.streams.delete(ssrc);
  }

  onPacket(packet: Buffer): void {
    if (packet.length < 12) return;
    const secondByte = packet[1]!;
    // RFC 5761: RTCP packet types 192-223 share the port with RTP; the worker sends sender reports.
    if (secondByte >= 192 && secondByte <= 223) {
      this.rtcp++;
      return;
    }
    const stream = this.streams.get(packet.readUInt32BE(8));
    if (!stream) {
      this.unknown++;
      return;
    }
    const seq = packet.readUInt16BE(2);
    if (stream.received === 0) {
      stream.first = seq;
      stream.highest = seq;
    } else {
      const delta = (seq - (stream.highest & 0xffff)) & 0xffff;
      if (delta < 0x8000) stream.highest += delta;
    }
    stream.received++;
    stream.bytes += packet.length;
    this.received++;
    this.bytes += packet.length;
  }

  receivedFor(ssrc: number): number {
    return this.streams.get(ssrc)?.received ?? 0;
  }

  /** What a receiver report says about one stream: packets received and expected, highest extended sequence number. */
  streamStats(ssrc: number): { received: number; expected: number; highest: number } {
    const stream = this.streams.get(ssrc);
    if (!stream || stream.received === 0) return { received: 0, expected: 0, highest: 0 };
    return { received: stream.received, expected: stream.highest - stream.first + 1, highest: stream.highest };
  }

  snapshot(): CounterSnapshot {
    const byKind: CounterSnapshot['byKind'] = { audio: { received: 0, expected: 0 }, video: { received: 0, expected: 0 } };
    const perStream = new Map<number, number>();
    let expected = 0;
    for (const [ssrc, stream] of this.streams) {
      perStream.set(ssrc, stream.received);
      if (stream.received === 0) continue;
      const streamExpected = stream.highest - stream.first + 1;
      expected += streamExpected;
      byKind[stream.kind].expected += streamExpected;
      byKind[stream.kind].received += stream.received;
    }
    return { at: performance.now(), received: this.received, expected, bytes: this.bytes, byKind, perStream };
  }
}

/** Lost share of what the sequence numbers say should have arrived between two snapshots, in %. */
export function lossPercent(before: { received: number; expected: number }, after: { received: number; expected: number }): number {
  const expected = after.expected - before.expected;
  const received = after.received - before.received;
  return expected > 0 ? Math.max(0, (100 * (expected - received)) / expected) : 0;
}

/** Streams known at `before` that received nothing until `after`. */
export function silentStreams(before: CounterSnapshot, after: CounterSnapshot): number {
  let silent = 0;
  for (const [ssrc, count] of before.perStream) if ((after.perStream.get(ssrc) ?? count) === count) silent++;
  return silent;
}
