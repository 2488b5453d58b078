import { ChildProcess, execFile, spawn } from 'node:child_process';
import { createSocket, Socket } from 'node:dgram';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kind, RtpCounter } from './rtp-counter';

export interface SourceStream {
  name: string;
  kind: Kind;
  ssrc: number;
  payloadType: number;
  file: string;
  /** Video only: the ffmpeg scale filter and target bitrate of this simulcast layer. */
  scale?: string;
  bitrate?: string;
}

/**
 * What the call engine sends: Opus at 48 kbit/s and a 720p camera in three simulcast layers
 * (CAMERA_ENCODINGS: 1/4 at 150 kbit/s, 1/2 at 500 kbit/s, full at 1.2 Mbit/s), 25 fps.
 */
export const SOURCE_STREAMS: SourceStream[] = [
  { name: 'opus-48k', kind: 'audio', ssrc: 0x11110001, payloadType: 111, file: 'audio.ogg' },
  { name: 'vp8-180p-150k', kind: 'video', ssrc: 0x22220001, payloadType: 96, file: 'video-0.webm', scale: '320:180', bitrate: '150k' },
  { name: 'vp8-360p-500k', kind: 'video', ssrc: 0x22220002, payloadType: 96, file: 'video-1.webm', scale: '640:360', bitrate: '500k' },
  { name: 'vp8-720p-1200k', kind: 'video', ssrc: 0x22220003, payloadType: 96, file: 'video-2.webm', scale: '1280:720', bitrate: '1200k' },
];

const CLIP_SECONDS = 16;
/** The bytes of real WebRTC packets: browsers keep RTP under ~1200 bytes to fit any path MTU. */
const PACKET_SIZE = 1200;

function vp8Options(bitrate: string): string[] {
  // Real-time single-pass CBR like a browser's encoder; noise in the picture keeps the bitrate up.
  return ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', bitrate, '-minrate', bitrate, '-maxrate', bitrate,
    '-bufsize', bitrate, '-g', '50', '-keyint_min', '50', '-lag-in-frames', '0', '-auto-alt-ref', '0', '-error-resilient', '1'];
}

/**
 * Encodes a short clip of each stream once (cached in the temp dir), then replays it in a loop with
 * `-c copy`: the encoder's CPU is spent before the measurement, and the replaying ffmpeg costs almost
 * nothing. Each RTP packet lands once on a local socket and is handed to `onPacket`.
 */
export class MediaSource {
  readonly sentByStream = SOURCE_STREAMS.map(() => 0);
  /** RTP bytes (headers included) per stream, as ffmpeg sent them. */
  readonly sentBytesByStream = SOURCE_STREAMS.map(() => 0);
  /** Gaps between ffmpeg and the driver: loss the driver causes (its socket overflowing), not the worker. */
  readonly received = new RtpCounter();
  private exitError: string | null = null;

  private constructor(
    private readonly child: ChildProcess,
    private readonly sockets: Socket[],
  ) {}

  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** Set when ffmpeg stopped by itself: the traffic is gone and the run must stop. */
  get failure(): string | null {
    return this.exitError;
  }

  static async start(
    maxSeconds: number,
    onPacket: (stream: number, packet: Buffer) => void,
    log: (line: string) => void,
  ): Promise<MediaSource> {
    const dir = join(tmpdir(), 'visio-capacity-bench-v1');
    await encodeClips(dir, log);
    const sockets: Socket[] = [];
    try {
      for (let i = 0; i < SOURCE_STREAMS.length; i++) {
        const socket = createSocket('udp4');
        sockets.push(socket);
        await new Promise<void>((resolve, reject) => {
          socket.once('error', reject);
          socket.bind({ address: '127.0.0.1', port: 0 }, () => resolve());
        });
        // Room for a keyframe burst while the driver's loop is busy fanning out the previous one.
        socket.setRecvBufferSize(4 << 20);
      }
    } catch (error) {
      for (const socket of sockets) socket.close();
      throw error;
    }
    const args = ['-hide_banner', '-loglevel', 'error', '-nostdin'];
    for (const stream of SOURCE_STREAMS) args.push('-re', '-stream_loop', '-1', '-i', join(dir, stream.file));
    SOURCE_STREAMS.forEach((stream, i) => {
      // -t before each output: an option applies to the next output only.
      args.push('-map', `${i}:0`, '-c', 'copy', '-t', String(maxSeconds), '-payload_type', String(stream.payloadType),
        '-ssrc', String(stream.ssrc), '-seq', '0', '-rtpflags', 'skip_rtcp', '-f', 'rtp',
        `rtp://127.0.0.1:${sockets[i]!.address().port}?pkt_size=${PACKET_SIZE}`);
    });
    const child = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const source = new MediaSource(child, sockets);
    for (const stream of SOURCE_STREAMS) source.received.register(stream.ssrc, stream.kind);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.once('exit', (code, signal) => {
      source.exitError = `ffmpeg exited (code ${code}, signal ${signal}): ${stderr.trim() || 'no output'}`;
    });
    child.once('error', (error) => {
      source.exitError = `ffmpeg could not run: ${error.message}`;
    });
    sockets.forEach((socket, i) =>
      socket.on('message', (packet: Buffer) => {
        source.sentByStream[i]!++;
        source.sentBytesByStream[i]! += packet.length;
        source.received.onPacket(packet);
        onPacket(i, packet);
      }),
    );
    return source;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.close();
    const child = this.child;
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
  }
}

async function encodeClips(dir: string, log: (line: string) => void): Promise<void> {
  if (SOURCE_STREAMS.every((s) => existsSync(join(dir, s.file)))) return;
  // Encoded aside and renamed at the end, so an interrupted encoding is never taken for a clip.
  const work = `${dir}.partial-${process.pid}`;
  mkdirSync(work, { recursive: true });
  log(`encoding a ${CLIP_SECONDS} s clip per stream into ${dir} (once)`);
  const video = SOURCE_STREAMS.filter((s) => s.kind === 'video');
  const split = `[0:v]split=${video.length}${video.map((_, i) => `[s${i}]`).join('')};` +
    video.map((s, i) => `[s${i}]scale=${s.scale}[v${i}]`).join(';');
  const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y',
    '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25,noise=alls=16:allf=t+u',
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000', '-filter_complex', split];
  video.forEach((s, i) => args.push('-map', `[v${i}]`, ...vp8Options(s.bitrate!), '-t', String(CLIP_SECONDS), join(work, s.file)));
  const audio = SOURCE_STREAMS.find((s) => s.kind === 'audio')!;
  args.push('-map', '1:a', '-c:a', 'libopus', '-b:a', '48k', '-ac', '2', '-t', String(CLIP_SECONDS), join(work, audio.file));
  try {
    await promisify(execFile)('ffmpeg', args, { timeout: 180_000 });
    rmSync(dir, { recursive: true, force: true });
    renameSync(work, dir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
