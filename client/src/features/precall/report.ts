/**
 * The pre-call report: what each check found, how network figures are graded, and the lines both the
 * on-screen summary and the copied text are built from, so the two never disagree.
 * Pure functions only (no DOM, no i18n instance): strings come through an injected `Translate`.
 */

export type CheckStatus = 'pending' | 'passed' | 'failed';
export type Grade = 'good' | 'medium' | 'insufficient';
/** Why a camera or microphone could not be opened; each has its own advice in i18n `problem.*`. */
export type MediaProblem = 'denied' | 'missing' | 'busy' | 'unsupported' | 'error';
export type CheckName = 'camera' | 'microphone' | 'speaker' | 'network';

export interface DeviceCheck {
  status: CheckStatus;
  problem: MediaProblem | null;
}

/** The media path to the SFU, as the pre-call probe measured it (see call/media/sfu-probe). */
export interface MediaPathCheck {
  reached: boolean;
  route: 'udp' | 'tcp' | 'relay' | null;
  relayProtocol: string | null;
  rttMs: number | null;
  rttGrade: Grade | null;
  uplinkKbps: number | null;
  uplinkGrade: Grade | null;
  error: string | null;
}

export interface NetworkCheck {
  status: CheckStatus;
  /** Null until the media probe ends, and where there is no probe (the check outside the app). */
  media: MediaPathCheck | null;
  /** Median of the health round trips; null until measured or when the server did not answer. */
  rttMs: number | null;
  rttGrade: Grade | null;
  /** Null when not measured (no module script to download, e.g. under the Vite dev server it is tiny). */
  bitrateKbps: number | null;
  bitrateGrade: Grade | null;
}

export interface PreCallReport {
  checkedAt: string;
  camera: DeviceCheck;
  microphone: DeviceCheck;
  speaker: { status: CheckStatus };
  network: NetworkCheck;
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * NOTE: round trip. ITU-T G.114 puts comfortable conversation under 150 ms one way; we grade the
 * HTTP round trip to our own server, which is about what WebRTC media will see through the SFU.
 * Under 150 ms nobody notices; up to 400 ms people start talking over each other but can cope.
 */
export const RTT_MS = { good: 150, medium: 400 } as const;

/**
 * NOTE: download rate. 720p video plus Opus needs about 1.5 Mbit/s; the SFU can fall back to a
 * 360p layer around 500 kbit/s; below that, only audio stays usable.
 * The measure downloads one bundle of a few hundred kB, so it includes one round trip and
 * understates fast links: it is a floor, which is the safe side for "is it good enough?".
 */
export const BITRATE_KBPS = { good: 1500, medium: 500 } as const;

export const gradeRtt = (ms: number): Grade => (ms < RTT_MS.good ? 'good' : ms < RTT_MS.medium ? 'medium' : 'insufficient');

export const gradeBitrate = (kbps: number): Grade =>
  kbps > BITRATE_KBPS.good ? 'good' : kbps > BITRATE_KBPS.medium ? 'medium' : 'insufficient';

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Bytes over milliseconds: bits per millisecond are kilobits per second. */
export const kbitPerSecond = (bytes: number, ms: number): number => Math.round((bytes * 8) / Math.max(ms, 1));

export interface MediaProbe {
  reached: boolean;
  route: MediaPathCheck['route'];
  relayProtocol: string | null;
  rttMs: number | null;
  uplinkKbps: number | null;
  error: string | null;
}

/**
 * A medium grade still passes: the call works, the summary shows the grade so the facilitator knows.
 * `media`: undefined when no media probe runs here, null while it runs.
 */
export function networkCheck(rttMs: number | null, bitrateKbps: number | null, failed: boolean, media?: MediaProbe | null): NetworkCheck {
  const rttGrade = rttMs === null ? null : gradeRtt(rttMs);
  const bitrateGrade = bitrateKbps === null ? null : gradeBitrate(bitrateKbps);
  const path: MediaPathCheck | null = media
    ? {
        ...media,
        rttGrade: media.rttMs === null ? null : gradeRtt(media.rttMs),
        uplinkGrade: media.uplinkKbps === null ? null : gradeBitrate(media.uplinkKbps),
      }
    : null;
  const mediaFailed = path !== null && (!path.reached || path.rttGrade === 'insufficient' || path.uplinkGrade === 'insufficient');
  let status: CheckStatus = 'pending';
  if (failed || rttGrade === 'insufficient' || bitrateGrade === 'insufficient' || mediaFailed) status = 'failed';
  else if (rttGrade !== null && media !== null) status = 'passed';
  return { status, media: path, rttMs, rttGrade, bitrateKbps, bitrateGrade };
}

/**
 * The network in one plain word for the citizen at the booth (no route, no milliseconds, no kbit/s:
 * those go to the facilitator's report): still checking, good, fair (a medium grade somewhere), poor.
 */
export type NetworkVerdict = 'checking' | 'good' | 'fair' | 'poor';

export function networkVerdict(n: NetworkCheck): NetworkVerdict {
  if (n.status === 'failed') return 'poor';
  if (n.status === 'pending') return 'checking';
  const grades = [n.rttGrade, n.bitrateGrade, n.media?.rttGrade ?? null, n.media?.uplinkGrade ?? null];
  return grades.includes('medium') ? 'fair' : 'good';
}

export interface ReportLine {
  check: CheckName;
  status: CheckStatus;
  /** "✓", "✗" or "…": always shown next to the status word, never alone. */
  mark: string;
  label: string;
  verdict: string;
  detail: string | null;
}

const MARK: Record<CheckStatus, string> = { passed: '✓', failed: '✗', pending: '…' };

/** "serveur vidéo joignable en UDP direct, 12 ms (bon), envoi 2 400 kbit/s (bon)", or why not. */
export function mediaDetail(m: MediaPathCheck, t: Translate): string {
  if (!m.reached) return t('network.media.unreachable', { error: m.error ? t(`network.media.errors.${m.error}`, { defaultValue: m.error }) : '' });
  const parts = [t(`network.media.route.${m.route ?? 'unknown'}`, { protocol: (m.relayProtocol ?? '').toUpperCase() })];
  if (m.rttMs !== null) parts.push(t('network.rtt', { ms: m.rttMs, grade: t(`grade.${m.rttGrade}`) }));
  if (m.uplinkKbps !== null) parts.push(t('network.media.uplink', { kbps: m.uplinkKbps, grade: t(`grade.${m.uplinkGrade}`) }));
  return parts.join(', ');
}

function networkDetail(n: NetworkCheck, t: Translate): string | null {
  if (n.status === 'failed' && n.rttMs === null) return t('network.unreachable');
  if (n.rttMs === null) return null;
  const parts = [t('network.rtt', { ms: Math.round(n.rttMs), grade: t(`grade.${n.rttGrade}`) })];
  if (n.bitrateKbps !== null) parts.push(t('network.bitrate', { kbps: n.bitrateKbps, grade: t(`grade.${n.bitrateGrade}`) }));
  if (n.media) parts.push(mediaDetail(n.media, t));
  return parts.join(', ');
}

function deviceDetail(check: 'camera' | 'microphone', d: DeviceCheck, t: Translate): string | null {
  if (d.problem) return t(`problem.${d.problem}`, { device: t(`device.${check}`) });
  return d.status === 'pending' ? t(`${check}.waiting`) : null;
}

export function reportLines(report: PreCallReport, t: Translate): ReportLine[] {
  const details: Record<CheckName, string | null> = {
    camera: deviceDetail('camera', report.camera, t),
    microphone: deviceDetail('microphone', report.microphone, t),
    speaker: report.speaker.status === 'failed' ? t('speaker.notHeard') : null,
    network: networkDetail(report.network, t),
  };
  return (['camera', 'microphone', 'speaker', 'network'] as const).map((check) => {
    const { status } = report[check];
    return { check, status, mark: MARK[status], label: t(`${check}.title`), verdict: t(`status.${status}`), detail: details[check] };
  });
}

/** The text the facilitator pastes into a support ticket: one line per check, nothing but text. */
export function renderReportText(report: PreCallReport, t: Translate): string {
  const lines = reportLines(report, t).map(
    (l) => `${l.mark} ${l.label} : ${l.verdict}${l.detail ? ` — ${l.detail}` : ''}`,
  );
  return [t('report.heading', {
    date: new Date(report.checkedAt),
    formatParams: { date: { dateStyle: 'short', timeStyle: 'short' } },
  }), ...lines].join('\n');
}

export const allPassed = (r: PreCallReport): boolean =>
  [r.camera, r.microphone, r.speaker, r.network].every((c) => c.status === 'passed');

/** What the facilitator's desk keeps of a booth's check (the citizen's screen stays simple). */
export interface CheckDigest {
  outcome: 'passed' | 'warning' | 'failed';
  camera: CheckStatus;
  microphone: CheckStatus;
  network: CheckStatus;
  route?: 'udp' | 'tcp' | 'relay' | 'none';
  rttMs?: number;
  uplinkKbps?: number;
}

/**
 * Null while the camera, microphone or network check still runs. A check that passes with a medium
 * grade somewhere is a warning: the call works, the facilitator should know.
 */
export function checkDigest(r: PreCallReport): CheckDigest | null {
  const parts = [r.camera.status, r.microphone.status, r.network.status];
  if (parts.includes('pending')) return null;
  const media = r.network.media;
  const grades = [r.network.rttGrade, r.network.bitrateGrade, media?.rttGrade ?? null, media?.uplinkGrade ?? null];
  const outcome = parts.includes('failed') ? 'failed' : grades.includes('medium') ? 'warning' : 'passed';
  const rtt = media?.rttMs ?? r.network.rttMs;
  return {
    outcome,
    camera: r.camera.status,
    microphone: r.microphone.status,
    network: r.network.status,
    ...(media ? { route: media.reached ? (media.route ?? 'none') : 'none' } : {}),
    ...(rtt !== null ? { rttMs: Math.round(rtt) } : {}),
    ...(media?.uplinkKbps != null ? { uplinkKbps: Math.round(media.uplinkKbps) } : {}),
  };
}
