/**
 * Capacity benchmark: how many concurrent 1:1 consultations one mediasoup worker carries. Prints one
 * JSON document on stdout, progress on stderr.
 *
 *   npx ts-node --transpile-only test/bench/capacity.ts \
 *     [--steps=5,10,15,20,25,30,40,50,75,100,150,200] [--seconds=10] [--layer=2] [--srtp=on|off]
 *     [--feedback=on|off]
 *
 * Traffic: ffmpeg replays a pre-encoded clip of what the call engine sends (Opus 48 kbit/s, VP8
 * simulcast 150k/500k/1.2M, 25 fps, ≤ 1200-byte packets) once into this process, which stamps a
 * transport-wide sequence number on each packet, SRTP-protects it once and sends it, with a sender
 * report per stream and second, to the ingest transport of every participant of every consultation.
 * Each participant receives the other's audio and one video layer (--layer, 2 = 720p, what a
 * full-screen 1:1 view asks for) back on a socket of this process, where sequence gaps count as
 * loss, and answers like a browser: transport-cc feedback every 100 ms, a receiver report a second.
 * The worker's CPU is read from /proc for its pid only (all its threads, user + system); the
 * driver's and ffmpeg's own CPU are reported next to it so a saturated driver is not mistaken for a
 * saturated worker. The JSON lists the measured rate of every source stream.
 *
 * Changes since the first version, all making the worker do what a real call makes it do:
 *   - transport-cc both ways (--feedback=on, the default): the worker records every ingest packet and
 *     sends feedback to the senders, stamps every egress packet, keeps its send history and runs its
 *     bandwidth estimator on the receivers' feedback; receivers send receiver reports; NACK/PLI/FIR are
 *     negotiated. --feedback=off gives the first version's traffic (sender reports only, no congestion
 *     control) to compare with figures measured before.
 *   - the receivers time-stamp transport-cc arrivals with the worker's own abs-send-time (an ideal
 *     network), not with this process's clock, whose event-loop stalls the worker's delay-based
 *     estimator would read as congestion and answer by forwarding lower layers (less work).
 *   - the estimate starts at 600 kbit/s, so each step waits until every video consumer is on the
 *     requested layer (up to MAX_WARMUP_SECONDS), and a step with any consumer below it is not
 *     counted as clean: it forwarded less than a real call.
 *   - the source streams' measured bitrate, packet rate and packet size are printed.
 * Audio is continuous (no DTX), which costs more than a real conversation with DTX on.
 */
import { execFileSync } from 'node:child_process';
import type { Socket } from 'node:dgram';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import * as mediasoup from 'mediasoup';
import { MediaLogger, WorkerPool } from '../../media/src';
import { Consultation, INGEST_TRANSPORT_CC_ID } from './capacity/consultation';
import { MediaSource, SOURCE_STREAMS } from './capacity/media-source';
import { ProcReader } from './capacity/proc';
import { lossPercent, RtpCounter, silentStreams } from './capacity/rtp-counter';
import { SenderReports } from './capacity/sender-reports';
import { PacketProtector, PLAIN_RTP, randomSrtpMaster, SrtpSender } from './capacity/srtp';
import { withTransportSequence } from './capacity/transport-cc';

const { values: args } = parseArgs({
  options: {
    steps: { type: 'string', default: '5,10,15,20,25,30,40,50,75,100,150,200' },
    seconds: { type: 'string', default: '10' },
    layer: { type: 'string', default: '2' },
    srtp: { type: 'string', default: 'on' },
    feedback: { type: 'string', default: 'on' },
  },
});
const STEPS = args.steps.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
const MEASURE_SECONDS = Math.max(2, Number(args.seconds));
const SPATIAL_LAYER = Math.min(2, Math.max(0, Number(args.layer)));
const USE_SRTP = args.srtp !== 'off';
const FEEDBACK = args.feedback !== 'off';
/** A sender report (≤ 1 s) then a VP8 keyframe (every 2 s) before every consumer is on its layer. */
const WARMUP_SECONDS = 5;
/**
 * With congestion control the egress estimate starts at 600 kbit/s and must grow past the 720p
 * layer's rate: wait (up to this) until every video consumer is on the requested layer.
 */
const MAX_WARMUP_SECONDS = 40;
/** How often the receivers' RTCP timers are looked at. */
const FEEDBACK_TICK_MS = 10;
const TIME_BUDGET_SECONDS = 450;
const STOP = { workerCpuPercent: 90, lossPercent: 5 };
const TARGET = { consultations: 150, workerCpuPercent: 80, lossPercent: 1 };
/** Above this the driver, not the worker, is what limits the traffic. */
const DRIVER_SATURATED_PERCENT = 85;

interface Step {
  consultations: number;
  workerCpuPercent: number;
  cpuPerConsultationPercent: number;
  workerRssMb: number;
  packetsPerSecond: number;
  lossPercent: number;
  driverCpuPercent: number;
  lossPercentByKind: { audio: number; video: number };
  receivedMbps: number;
  /** What the driver sent into the worker (every ingest packet, all layers). */
  ingestPacketsPerSecond: number;
  /** Sequence gaps between ffmpeg and the driver: they reach the worker as ingest loss too. */
  sourceLossPercent: number;
  /** Sequence gaps the worker saw on ingest (its sockets overflowing, or the source's gaps). */
  ingestLossPercent: number;
  /** Packets the worker sent that never reached the driver's sockets. */
  egressDropBeforeDriverPercent: number;
  /** Received packets over what N consultations should get at the source's measured rate. */
  deliveredPercentOfExpected: number;
  silentStreams: number;
  /** At the end of the measurement; a step with any is not counted as clean (it forwarded less). */
  videoConsumersBelowRequestedLayer: number;
  /** Seconds waited after creating this step's consultations before measuring. */
  warmupSeconds: number;
  /** RTCP the receivers sent to the worker (transport-cc feedback, receiver reports). */
  receiverRtcpPerSecond: number;
  /** RTCP the worker sent back to the senders (its transport-cc feedback, receiver reports). */
  workerRtcpToSendersPerSecond: number;
  driverEventLoopDelayP99Ms: number;
  ffmpegCpuPercent: number;
  machineCpuPercent: number;
  /** Everything else running on the machine meanwhile (other users' processes included). */
  otherProcessesCpuPercent: number;
  kernelUdpReceiveBufferDrops: number;
  /** All cores busy: the worker and the driver were competing for CPU, results are pessimistic. */
  machineSaturated: boolean;
}

const log = (line: string) => process.stderr.write(`[capacity] ${line}\n`);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

const logger: MediaLogger = {
  info: (message) => log(message),
  warn: (message, context) => log(`warn ${message} ${JSON.stringify(context ?? {})}`),
  error: (message, context) => log(`error ${message} ${JSON.stringify(context ?? {})}`),
};

interface WorkerCounters {
  ingestPackets: number;
  ingestLost: number;
  egressSent: number;
  received: number;
}

async function workerCounters(consultations: Consultation[], counter: RtpCounter): Promise<WorkerCounters> {
  const totals = { ingestPackets: 0, ingestLost: 0, egressSent: 0, received: 0 };
  await Promise.all(
    consultations.flatMap((c) => [
      ...c.producers.map(async (producer) => {
        for (const stream of await producer.getStats()) {
          totals.ingestPackets += stream.packetCount;
          totals.ingestLost += stream.packetsLost;
        }
      }),
      ...c.consumers.map(async (consumer) => {
        const stats = await consumer.getStats();
        // Read when this consumer's answer arrives, so both counts describe (almost) the same instant.
        totals.received += counter.receivedFor(consumer.rtpParameters.encodings![0]!.ssrc!);
        for (const stream of stats) if (stream.type === 'outbound-rtp') totals.egressSent += stream.packetCount;
      }),
    ]),
  );
  return totals;
}

async function main(): Promise<void> {
  const started = Date.now();
  const proc = new ProcReader();
  const abort = new AbortController();
  const onSignal = (signal: string) => {
    log(`${signal}: stopping`);
    abort.abort(new Error(signal));
  };
  process.once('SIGINT', () => onSignal('SIGINT'));
  process.once('SIGTERM', () => onSignal('SIGTERM'));

  const machine = {
    cores: Number(execFileSync('nproc').toString().trim()),
    cpuModel: proc.cpuModel(),
    node: process.version,
    mediasoup: mediasoup.version,
    loadAverageAtStart: proc.loadAverage(),
  };
  const steps: Step[] = [];
  let stopReason = 'all steps done';
  let error: string | null = null;
  const consultations: Consultation[] = [];
  const targets: Socket[] = [];
  const counter = new RtpCounter();
  const driverSrtpMaster = USE_SRTP ? randomSrtpMaster() : null;
  const protector: PacketProtector = driverSrtpMaster ? new SrtpSender(driverSrtpMaster) : PLAIN_RTP;
  const senderReports = new SenderReports();
  let pool: WorkerPool | null = null;
  let source: MediaSource | null = null;
  let driverSent = 0;
  let transportSequence = 0;
  const epochMs = performance.now();
  let feedbackTimer: NodeJS.Timeout | null = null;
  const sourceTotals = { seconds: 0, packets: SOURCE_STREAMS.map(() => 0), bytes: SOURCE_STREAMS.map(() => 0) };

  try {
    pool = await createPool();
    const worker = pool.pick();
    const workerPid = pool.info()[0]!.pid;
    log(`worker pid ${workerPid}, ${machine.cores} cores, load average ${machine.loadAverageAtStart.join(' ')}`);

    source = await MediaSource.start(TIME_BUDGET_SECONDS + 120, (_stream, packet) => {
      // Every ingest transport gets every packet in the same order, so one transport-wide
      // sequence, stamped once, is contiguous for each of them, as a browser's would be.
      const stamped = FEEDBACK ? withTransportSequence(packet, INGEST_TRANSPORT_CC_ID, transportSequence++) : packet;
      // Protected once, sent to every ingest transport: they all share the driver's key.
      const rtp = protector.protectRtp(stamped);
      for (const socket of targets) socket.send(rtp);
      driverSent += targets.length;
      const report = senderReports.onRtp(packet);
      if (!report) return;
      const rtcp = protector.protectRtcp(report);
      for (const socket of targets) socket.send(rtcp);
    }, log);
    const eventLoop = monitorEventLoopDelay({ resolution: 10 });
    eventLoop.enable();
    if (FEEDBACK) {
      feedbackTimer = setInterval(() => {
        const now = performance.now();
        for (const consultation of consultations) consultation.tick(now);
      }, FEEDBACK_TICK_MS);
    }

    for (const n of STEPS) {
      const elapsed = (Date.now() - started) / 1000;
      if (elapsed + WARMUP_SECONDS + MEASURE_SECONDS + n / 20 > TIME_BUDGET_SECONDS) {
        stopReason = `time budget (${TIME_BUDGET_SECONDS} s) reached before ${n} consultations`;
        break;
      }
      if (protector.wrapped) {
        stopReason = 'a source sequence number wrapped: new SRTP receivers would reject it';
        break;
      }
      log(`step ${n}: creating ${n - consultations.length} consultations`);
      while (consultations.length < n) {
        abort.signal.throwIfAborted();
        // A saturated worker answers its channel slowly: creating a big step can outlast the
        // source (ffmpeg stops at the budget plus a margin), so the budget holds here too.
        if ((Date.now() - started) / 1000 > TIME_BUDGET_SECONDS) break;
        const consultation = await Consultation.create(
          { worker, driverSrtpMaster, counter, spatialLayer: SPATIAL_LAYER, feedback: FEEDBACK, epochMs },
          consultations.length,
        );
        consultations.push(consultation);
        targets.push(...consultation.sendSockets);
      }
      if (consultations.length < n) {
        stopReason = `time budget (${TIME_BUDGET_SECONDS} s) reached while creating ${n} consultations (${consultations.length} created)`;
        break;
      }
      const warmupStarted = performance.now();
      await sleep(WARMUP_SECONDS * 1000, undefined, { signal: abort.signal });
      while (videoConsumersBelowLayer() > 0 && performance.now() - warmupStarted < MAX_WARMUP_SECONDS * 1000) {
        await sleep(1000, undefined, { signal: abort.signal });
      }
      const warmupSeconds = (performance.now() - warmupStarted) / 1000;
      if (source.failure) throw new Error(source.failure);

      const statsBefore = await workerCounters(consultations, counter);
      const before = takeSample();
      eventLoop.reset();
      await sleep(MEASURE_SECONDS * 1000, undefined, { signal: abort.signal });
      const after = takeSample();
      const statsAfter = await workerCounters(consultations, counter);
      if (source.failure) throw new Error(source.failure);

      const step = summarize(n, before, after, statsBefore, statsAfter, eventLoop.percentile(99) / 1e6, warmupSeconds);
      steps.push(step);
      log(
        `step ${n}: worker ${step.workerCpuPercent}% (${step.cpuPerConsultationPercent}%/consultation), rss ${step.workerRssMb} MB, ` +
          `${step.packetsPerSecond} pkt/s received, loss ${step.lossPercent}%, driver ${step.driverCpuPercent}%, ` +
          `other processes ${step.otherProcessesCpuPercent}%`,
      );
      if (step.packetsPerSecond === 0) throw new Error('no media reached the receivers: the pipeline is broken, not saturated');
      if (step.workerCpuPercent > STOP.workerCpuPercent) {
        stopReason = `worker CPU above ${STOP.workerCpuPercent}%`;
        break;
      }
      if (step.lossPercent > STOP.lossPercent) {
        stopReason = `loss above ${STOP.lossPercent}%`;
        break;
      }
      if (step.driverCpuPercent > DRIVER_SATURATED_PERCENT) {
        stopReason = `driver CPU above ${DRIVER_SATURATED_PERCENT}%: more consultations would measure the driver`;
        break;
      }
    }

    function videoConsumersBelowLayer(): number {
      return consultations
        .flatMap((c) => c.consumers)
        .filter((c) => c.kind === 'video' && (c.currentLayers?.spatialLayer ?? -1) < SPATIAL_LAYER).length;
    }

    function takeSample() {
      return {
        receiverRtcp: consultations.reduce((sum, c) => sum + c.receiverRtcpSent, 0),
        workerRtcpToSenders: consultations.reduce((sum, c) => sum + c.ingestRtcpReceived, 0),
        sourceBytes: [...source!.sentBytesByStream],
        at: performance.now(),
        worker: proc.cpuSeconds(workerPid),
        ffmpeg: proc.cpuSeconds(source!.pid),
        driver: process.cpuUsage(),
        machine: proc.machineBusySeconds(),
        udpDrops: proc.udpReceiveBufferErrors(),
        counter: counter.snapshot(),
        source: source!.received.snapshot(),
        driverSent,
        sourceSent: [...source!.sentByStream],
      };
    }

    function summarize(
      n: number,
      before: ReturnType<typeof takeSample>,
      after: ReturnType<typeof takeSample>,
      statsBefore: WorkerCounters,
      statsAfter: WorkerCounters,
      eventLoopP99Ms: number,
      warmupSeconds: number,
    ): Step {
      const seconds = (after.at - before.at) / 1000;
      sourceTotals.seconds += seconds;
      SOURCE_STREAMS.forEach((_, i) => {
        sourceTotals.packets[i]! += after.sourceSent[i]! - before.sourceSent[i]!;
        sourceTotals.bytes[i]! += after.sourceBytes[i]! - before.sourceBytes[i]!;
      });
      const percent = (cpuSeconds: number) => (100 * cpuSeconds) / seconds;
      const workerCpu = percent(after.worker - before.worker);
      const driverCpu = percent((after.driver.user - before.driver.user + after.driver.system - before.driver.system) / 1e6);
      const ffmpegCpu = percent(after.ffmpeg - before.ffmpeg);
      const machineCpu = percent(after.machine - before.machine);
      const received = after.counter.received - before.counter.received;
      // Each participant gets the other's audio and one video layer.
      const sourceRate = (i: number) => (after.sourceSent[i]! - before.sourceSent[i]!) / seconds;
      const audioIndex = SOURCE_STREAMS.findIndex((s) => s.kind === 'audio');
      const layerIndex = SOURCE_STREAMS.indexOf(SOURCE_STREAMS.filter((s) => s.kind === 'video')[SPATIAL_LAYER]!);
      const expectedRate = n * 2 * (sourceRate(audioIndex) + sourceRate(layerIndex));
      const ingestPackets = statsAfter.ingestPackets - statsBefore.ingestPackets;
      const ingestLost = statsAfter.ingestLost - statsBefore.ingestLost;
      const egressSent = statsAfter.egressSent - statsBefore.egressSent;
      return {
        consultations: n,
        workerCpuPercent: round(workerCpu),
        cpuPerConsultationPercent: round(workerCpu / n, 3),
        workerRssMb: round(proc.rssMb(workerPid)),
        packetsPerSecond: Math.round(received / seconds),
        lossPercent: round(lossPercent(before.counter, after.counter), 3),
        driverCpuPercent: round(driverCpu),
        lossPercentByKind: {
          audio: round(lossPercent(before.counter.byKind.audio, after.counter.byKind.audio), 3),
          video: round(lossPercent(before.counter.byKind.video, after.counter.byKind.video), 3),
        },
        receivedMbps: round(((after.counter.bytes - before.counter.bytes) * 8) / seconds / 1e6, 2),
        ingestPacketsPerSecond: Math.round((after.driverSent - before.driverSent) / seconds),
        sourceLossPercent: round(lossPercent(before.source, after.source), 3),
        ingestLossPercent: round(ingestPackets + ingestLost > 0 ? (100 * ingestLost) / (ingestPackets + ingestLost) : 0, 3),
        egressDropBeforeDriverPercent: round(
          egressSent > 0 ? Math.max(0, (100 * (egressSent - (statsAfter.received - statsBefore.received))) / egressSent) : 0,
          3,
        ),
        deliveredPercentOfExpected: round(expectedRate > 0 ? (100 * received) / seconds / expectedRate : 0, 2),
        silentStreams: silentStreams(before.counter, after.counter),
        videoConsumersBelowRequestedLayer: videoConsumersBelowLayer(),
        warmupSeconds: round(warmupSeconds),
        receiverRtcpPerSecond: Math.round((after.receiverRtcp - before.receiverRtcp) / seconds),
        workerRtcpToSendersPerSecond: Math.round((after.workerRtcpToSenders - before.workerRtcpToSenders) / seconds),
        driverEventLoopDelayP99Ms: round(eventLoopP99Ms, 2),
        ffmpegCpuPercent: round(ffmpegCpu),
        machineCpuPercent: round(machineCpu),
        otherProcessesCpuPercent: round(Math.max(0, machineCpu - workerCpu - driverCpu - ffmpegCpu)),
        kernelUdpReceiveBufferDrops: after.udpDrops - before.udpDrops,
        machineSaturated: machineCpu > 90 * machine.cores,
      };
    }
  } catch (caught) {
    if (abort.signal.aborted) stopReason = `interrupted (${String((abort.signal.reason as Error).message)})`;
    else {
      error = caught instanceof Error ? caught.message : String(caught);
      stopReason = 'error';
      log(`error: ${error}`);
    }
  } finally {
    log('shutting down');
    if (feedbackTimer) clearInterval(feedbackTimer);
    targets.length = 0;
    await source?.stop().catch(() => undefined);
    for (const consultation of consultations) consultation.close();
    await pool?.close().catch(() => undefined);
  }

  process.stdout.write(`${JSON.stringify(report(machine, steps, stopReason, error, sourceTotals), null, 2)}\n`);
  process.exitCode = error ? 1 : 0;
}

async function createPool(): Promise<WorkerPool> {
  // A random base port, retried, since another run (or service) may hold the first one drawn.
  for (let attempt = 1; ; attempt++) {
    const basePort = 20_000 + Math.floor(Math.random() * 20_000);
    try {
      return await WorkerPool.create(
        { size: 1, logLevel: 'warn', workerBin: process.env.MEDIASOUP_WORKER_BIN ?? null, webRtc: { listenIp: '127.0.0.1', basePort } },
        logger,
      );
    } catch (error) {
      if (attempt >= 3) throw error;
      log(`worker start failed on port ${basePort}, retrying: ${String(error)}`);
    }
  }
}

interface SourceTotals {
  seconds: number;
  packets: number[];
  bytes: number[];
}

function report(machine: { cores: number }, steps: Step[], stopReason: string, error: string | null, source: SourceTotals) {
  // Clean: under the CPU and loss targets, and every receiver really got the layer it asked for.
  const clean = steps.filter(
    (s) => s.workerCpuPercent < TARGET.workerCpuPercent && s.lossPercent < TARGET.lossPercent && s.videoConsumersBelowRequestedLayer === 0,
  );
  const best = clean.at(-1) ?? null;
  const last = steps.at(-1) ?? null;
  let limitedBy: string;
  if (error) limitedBy = 'error';
  else if (stopReason.startsWith('interrupted')) limitedBy = 'interrupted';
  else if (last && last.workerCpuPercent > STOP.workerCpuPercent) limitedBy = 'worker-cpu';
  else if (steps.some((s) => s.driverCpuPercent > DRIVER_SATURATED_PERCENT)) limitedBy = 'driver-cpu';
  else if (last && last.lossPercent > STOP.lossPercent) {
    // Loss the source already had, or a machine with no idle core, is not the worker's doing.
    limitedBy = last.machineSaturated || last.sourceLossPercent > 0.5 ? 'machine-cpu-contention' : 'packet-loss-in-worker';
  } else if (stopReason.startsWith('time budget')) limitedBy = 'time-budget';
  else limitedBy = 'none (step list exhausted)';
  // Steps below 10 consultations are dominated by the worker's fixed cost; the slope is what scales.
  const perConsultation = (clean.length > 0 ? clean : steps).filter((s) => s.consultations >= 10).map((s) => s.cpuPerConsultationPercent);
  const sorted = [...perConsultation].sort((a, b) => a - b);
  const median = sorted.length > 0 ? sorted[Math.floor(sorted.length / 2)]! : null;
  const contended = steps.filter((s) => s.machineSaturated).map((s) => s.consultations);
  return {
    benchmark: 'concurrent_1to1_consultations_per_mediasoup_worker',
    machine,
    traffic: {
      perParticipantSent: SOURCE_STREAMS.map((s) => s.name),
      perParticipantReceived: ['opus-48k', SOURCE_STREAMS.filter((s) => s.kind === 'video')[SPATIAL_LAYER]!.name],
      /** Measured over all measurement windows: what one participant really sends, per stream. */
      sourceStreams: SOURCE_STREAMS.map((s, i) => ({
        name: s.name,
        kind: s.kind,
        nominalKbps: s.bitrate ? Number.parseInt(s.bitrate, 10) : 48,
        measuredKbps: source.seconds > 0 ? round((source.bytes[i]! * 8) / source.seconds / 1000) : null,
        packetsPerSecond: source.seconds > 0 ? round(source.packets[i]! / source.seconds) : null,
        meanPacketBytes: source.packets[i]! > 0 ? Math.round(source.bytes[i]! / source.packets[i]!) : null,
      })),
      audio: 'Opus 48 kbit/s stereo, 20 ms frames, continuous (no DTX: a real call, with DTX on, sends fewer audio packets while a side is silent)',
      transports: `PlainTransport${USE_SRTP ? ' + SRTP (AES_CM_128_HMAC_SHA1_80)' : ', plain RTP (no SRTP)'}, one send and one receive transport per participant`,
      rtcp: FEEDBACK
        ? 'senders: one sender report per stream and second, transport-cc sequence number on every packet (the worker sends transport-cc feedback); ' +
          'receivers: transport-cc feedback every 100 ms and a receiver report per second (the worker runs its bandwidth estimator on them); NACK/PLI/FIR negotiated'
        : 'one sender report per source stream and second; no receiver reports or feedback from the receivers (--feedback=off)',
      feedback: FEEDBACK,
      notModelled: [
        'ICE/STUN consent checks and DTLS (WebRtcTransport); PlainTransports instead, each with its own UDP port',
        'NACK/RTX retransmissions (loopback does not lose)',
        ...(FEEDBACK ? [] : ['transport-cc / REMB feedback and bandwidth estimation']),
      ],
      measureSeconds: MEASURE_SECONDS,
      minWarmupSeconds: WARMUP_SECONDS,
      maxWarmupSeconds: MAX_WARMUP_SECONDS,
    },
    steps,
    stopReason,
    limitedBy,
    error,
    stepsWithMachineSaturated: contended,
    maxConsultationsUnder80PercentCpuWith1PercentLoss: best?.consultations ?? 0,
    medianWorkerCpuPerConsultationPercent: median,
    /** A projection, not a measurement: 80% of a core over the median cost of one consultation. */
    projectedConsultationsAt80PercentCpu: median ? Math.floor(TARGET.workerCpuPercent / median) : null,
    target: { ...TARGET, met: (best?.consultations ?? 0) >= TARGET.consultations },
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
