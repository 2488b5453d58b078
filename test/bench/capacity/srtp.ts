import { createCipheriv, createHmac, randomBytes } from 'node:crypto';

export const SRTP_SUITE = 'AES_CM_128_HMAC_SHA1_80' as const;
const TAG_LENGTH = 10;

/** Master key (16 bytes) then master salt (14 bytes): what mediasoup's `keyBase64` holds. */
export function randomSrtpMaster(): Buffer {
  return randomBytes(30);
}

function aesCm(key: Buffer, iv: Buffer, data: Buffer): Buffer {
  const cipher = createCipheriv('aes-128-ctr', key, iv);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

/** RFC 3711 §4.3 key derivation with a key derivation rate of 0 (what libsrtp uses by default). */
function deriveSessionKey(masterKey: Buffer, masterSalt: Buffer, label: number, length: number): Buffer {
  const iv = Buffer.alloc(16);
  masterSalt.copy(iv, 0);
  iv[7]! ^= label;
  return aesCm(masterKey, iv, Buffer.alloc(length));
}

export function rtpHeaderLength(packet: Buffer): number {
  const csrcCount = packet[0]! & 0x0f;
  let length = 12 + 4 * csrcCount;
  if (packet[0]! & 0x10) length += 4 + 4 * packet.readUInt16BE(length + 2);
  return length;
}

/**
 * SRTP sender (AES_CM_128_HMAC_SHA1_80, RFC 3711). The driver protects each source packet once and
 * sends the same bytes to every ingest transport: they all share this key and the source SSRCs, so
 * every transport still decrypts and authenticates each packet, as it would a browser's.
 *
 * NOTE: a receiver that joins after a stream's sequence number wrapped assumes a rollover counter of
 * 0 and rejects everything; `wrapped` lets the caller refuse new receivers from then on.
 */
/** What the driver does to a packet before fanning it out: SRTP/SRTCP protection, or nothing. */
export interface PacketProtector {
  /** True once a sequence number wrapped (see SrtpSender); never for plain RTP. */
  readonly wrapped: boolean;
  protectRtp(packet: Buffer): Buffer;
  protectRtcp(packet: Buffer): Buffer;
}

export const PLAIN_RTP: PacketProtector = { wrapped: false, protectRtp: (p) => p, protectRtcp: (p) => p };

interface SessionKeys {
  key: Buffer;
  authKey: Buffer;
  salt: Buffer;
}

function sessionKeys(master: Buffer, firstLabel: number): SessionKeys {
  const masterKey = master.subarray(0, 16);
  const masterSalt = master.subarray(16, 30);
  return {
    key: deriveSessionKey(masterKey, masterSalt, firstLabel, 16),
    authKey: deriveSessionKey(masterKey, masterSalt, firstLabel + 1, 20),
    salt: deriveSessionKey(masterKey, masterSalt, firstLabel + 2, 14),
  };
}

/** RFC 3711 §4.1.1: (k_s * 2^16) XOR (SSRC * 2^64) XOR (index * 2^16), index on 48 bits. */
function packetIv(salt: Buffer, ssrc: number, indexHigh: number, indexLow16: number): Buffer {
  const iv = Buffer.alloc(16);
  salt.copy(iv, 0);
  iv.writeUInt32BE((iv.readUInt32BE(4) ^ ssrc) >>> 0, 4);
  iv.writeUInt32BE((iv.readUInt32BE(8) ^ indexHigh) >>> 0, 8);
  iv.writeUInt16BE(iv.readUInt16BE(12) ^ indexLow16, 12);
  return iv;
}

/** Encrypts `packet` after its first `clear` bytes and appends `trailer` then the auth tag over all of it. */
function seal(keys: SessionKeys, iv: Buffer, packet: Buffer, clear: number, trailer: Buffer, authenticatedSuffix: Buffer): Buffer {
  const encrypted = aesCm(keys.key, iv, packet.subarray(clear));
  const out = Buffer.allocUnsafe(clear + encrypted.length + trailer.length + TAG_LENGTH);
  packet.copy(out, 0, 0, clear);
  encrypted.copy(out, clear);
  trailer.copy(out, clear + encrypted.length);
  const end = clear + encrypted.length + trailer.length;
  const tag = createHmac('sha1', keys.authKey).update(out.subarray(0, end)).update(authenticatedSuffix).digest();
  tag.copy(out, end, 0, TAG_LENGTH);
  return out;
}

export class SrtpSender implements PacketProtector {
  private readonly rtp: SessionKeys;
  private readonly rtcp: SessionKeys;
  private readonly rollover = new Map<number, { roc: number; lastSeq: number }>();
  private readonly rtcpIndex = new Map<number, number>();
  wrapped = false;

  constructor(master: Buffer) {
    this.rtp = sessionKeys(master, 0x00);
    this.rtcp = sessionKeys(master, 0x03);
  }

  protectRtp(packet: Buffer): Buffer {
    const ssrc = packet.readUInt32BE(8);
    const seq = packet.readUInt16BE(2);
    const roc = this.rocFor(ssrc, seq);
    const rocBytes = Buffer.alloc(4);
    rocBytes.writeUInt32BE(roc);
    // The rollover counter is authenticated but not sent.
    return seal(this.rtp, packetIv(this.rtp.salt, ssrc, roc, seq), packet, rtpHeaderLength(packet), Buffer.alloc(0), rocBytes);
  }

  /** RFC 3711 §3.4: all but the first 8 bytes encrypted, then E flag + 31-bit index, then the tag. */
  protectRtcp(packet: Buffer): Buffer {
    const ssrc = packet.readUInt32BE(4);
    const index = this.rtcpIndex.get(ssrc) ?? 0;
    this.rtcpIndex.set(ssrc, (index + 1) & 0x7fffffff);
    const trailer = Buffer.alloc(4);
    trailer.writeUInt32BE((0x80000000 | index) >>> 0);
    return seal(this.rtcp, packetIv(this.rtcp.salt, ssrc, index >>> 16, index & 0xffff), packet, 8, trailer, Buffer.alloc(0));
  }

  private rocFor(ssrc: number, seq: number): number {
    const state = this.rollover.get(ssrc);
    if (!state) {
      this.rollover.set(ssrc, { roc: 0, lastSeq: seq });
      return 0;
    }
    if (seq < state.lastSeq && state.lastSeq - seq > 0x8000) {
      state.roc++;
      this.wrapped = true;
    }
    if (((seq - state.lastSeq) & 0xffff) < 0x8000) state.lastSeq = seq;
    return state.roc;
  }
}
