import type { SupportSummary } from '../../../shared/support/support';
import { toParisIso } from '../common/time/paris-time';
import type { DeskConfig } from '../config/configuration';
import type { ConsultationListRow } from '../consultations/consultation-view';
import { OPEN_STATUSES } from '../consultations/entities/consultation.entity';
import type { BoothCheckRecord } from '../devices/dto/booth-check.dto';
import type { DeskAlertView, DeskBoothView, DeskConsultationView, LiveState } from './dto/desk.view';

/** Someone in a consultation's call, as the instance holding it recorded it. */
export interface Presence {
  consultationId: string;
  role: string;
  phase: 'lobby' | 'call';
  since: Date;
}

export interface BoothLiveness {
  boothId: string;
  boothName: string;
  lastSeenAt: Date | null;
  lastCheck: BoothCheckRecord | null;
}

export interface DayInput {
  rows: readonly ConsultationListRow[];
  booths: readonly BoothLiveness[];
  presence: ReadonlyMap<string, readonly Presence[]>;
  summaries: ReadonlyMap<string, SupportSummary>;
  /** The day's first instant: a check counts as done today from then. */
  dayStart: number;
  now: number;
  config: Pick<DeskConfig, 'boothOfflineSeconds' | 'lobbyAlertMinutes' | 'offlineAlertMinutes'>;
}

const NO_SUPPORT: SupportSummary = { papersReady: false, consentGiven: false, facilitatorPresent: null, notReady: [], answered: 0, total: 0 };

/**
 * The desk's day from what is stored: each booth online or not (its last heartbeat), each
 * consultation's state now, the alerts that stand, and the next instant at which one of them
 * changes by the clock alone (a wait becoming too long, a booth falling silent, a start coming near):
 * the desk reads its day again then, since nothing will be announced.
 */
export function composeDay({ rows, booths, presence, summaries, dayStart, now, config }: DayInput): {
  booths: DeskBoothView[];
  consultations: DeskConsultationView[];
  alerts: DeskAlertView[];
  recheckAt: string | null;
} {
  const offlineMs = config.boothOfflineSeconds * 1000;
  const lobbyAlertMs = config.lobbyAlertMinutes * 60_000;
  const offlineAlertMs = config.offlineAlertMinutes * 60_000;
  const rechecks: number[] = [];
  const alerts: DeskAlertView[] = [];

  const boothViews: DeskBoothView[] = booths.map((b) => {
    const online = b.lastSeenAt !== null && now - b.lastSeenAt.getTime() <= offlineMs;
    // A booth beating now goes offline by itself if its beats stop.
    if (online) rechecks.push(b.lastSeenAt!.getTime() + offlineMs + 1000);
    const checked = online && b.lastCheck !== null && Date.parse(b.lastCheck.at) >= dayStart;
    return { id: b.boothId, name: b.boothName, state: checked ? 'checked' : online ? 'online' : 'offline', lastSeenAt: b.lastSeenAt ? toParisIso(b.lastSeenAt) : null, lastCheck: b.lastCheck };
  });
  const boothById = new Map(boothViews.map((b) => [b.id, b]));

  const consultations = rows.map((r): DeskConsultationView => {
    const here = presence.get(r.id) ?? [];
    const booth = here.find((p) => p.role === 'booth');
    const agentConnected = here.some((p) => p.role === 'agent');
    const boothView = boothById.get(r.booth_id);
    const open = OPEN_STATUSES.includes(r.status);
    const live: LiveState =
      r.status === 'cancelled' ? 'cancelled' : !open ? 'ended' : booth?.phase === 'call' ? 'in_call' : booth?.phase === 'lobby' ? 'lobby' : (boothView?.state ?? 'offline');
    const lobbySince = open && booth?.phase === 'lobby' ? booth.since : null;

    if (lobbySince && !agentConnected) {
      const due = lobbySince.getTime() + lobbyAlertMs;
      if (due <= now) alerts.push({ kind: 'lobby_wait', consultationId: r.id, since: toParisIso(lobbySince) });
      else rechecks.push(due);
    }
    if (r.status === 'scheduled' && !booth && now < r.ends_at.getTime()) {
      const due = r.starts_at.getTime() - offlineAlertMs;
      if (due > now) rechecks.push(due);
      else if (boothView?.state === 'offline') alerts.push({ kind: 'booth_offline', consultationId: r.id, since: boothView.lastSeenAt });
    }
    if (open) rechecks.push(r.ends_at.getTime() + 1000);
    return {
      id: r.id,
      startsAt: toParisIso(r.starts_at),
      endsAt: toParisIso(r.ends_at),
      status: r.status,
      boothId: r.booth_id,
      boothName: r.booth_name,
      agentName: r.agent_name,
      administrationName: r.administration_name,
      subject: r.subject,
      citizenName: r.citizen_name,
      live,
      agentConnected,
      lobbySince: lobbySince ? toParisIso(lobbySince) : null,
      support: summaries.get(r.id) ?? NO_SUPPORT,
    };
  });

  const future = rechecks.filter((t) => t > now);
  return { booths: boothViews, consultations, alerts, recheckAt: future.length > 0 ? toParisIso(Math.min(...future)) : null };
}
