import { ApiProperty } from '@nestjs/swagger';
import { CONSULTATION_STATUSES, ConsultationStatus } from '../../consultations/entities/consultation.entity';
import { SupportSummaryView } from '../../checklist/dto/checklist.view';

export const BOOTH_STATES = ['offline', 'online', 'checked'] as const;
export type BoothState = (typeof BOOTH_STATES)[number];

/**
 * Where a consultation stands now, as the desk shows it: its booth offline, online, or with its
 * pre-call check done today; the citizen in the lobby or in the call; the consultation over or cancelled.
 */
export const LIVE_STATES = ['offline', 'online', 'checked', 'lobby', 'in_call', 'ended', 'cancelled'] as const;
export type LiveState = (typeof LIVE_STATES)[number];

export const ALERT_KINDS = ['lobby_wait', 'booth_offline'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export class BoothCheckView {
  @ApiProperty({ enum: ['passed', 'warning', 'failed'] })
  outcome!: 'passed' | 'warning' | 'failed';

  @ApiProperty()
  at!: string;

  @ApiProperty({ description: 'camera, microphone and network: passed, failed or pending' })
  camera!: string;

  @ApiProperty()
  microphone!: string;

  @ApiProperty()
  network!: string;

  @ApiProperty({ type: String, nullable: true, description: 'udp, tcp, relay or none' })
  route!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  rttMs!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  uplinkKbps!: number | null;
}

export class DeskBoothView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: BOOTH_STATES, enumName: 'BoothState' })
  state!: BoothState;

  @ApiProperty({ type: String, nullable: true, description: 'Last heartbeat of an open booth page' })
  lastSeenAt!: string | null;

  @ApiProperty({ type: BoothCheckView, nullable: true })
  lastCheck!: BoothCheckView | null;
}

export class DeskConsultationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  startsAt!: string;

  @ApiProperty()
  endsAt!: string;

  @ApiProperty({ enum: CONSULTATION_STATUSES, enumName: 'ConsultationStatus' })
  status!: ConsultationStatus;

  @ApiProperty({ format: 'uuid' })
  boothId!: string;

  @ApiProperty()
  boothName!: string;

  @ApiProperty()
  agentName!: string;

  @ApiProperty()
  administrationName!: string;

  @ApiProperty({ type: String, nullable: true })
  subject!: string | null;

  @ApiProperty()
  citizenName!: string;

  @ApiProperty({ enum: LIVE_STATES, enumName: 'LiveState' })
  live!: LiveState;

  @ApiProperty({ description: 'The agent is in the call page (lobby or call) now' })
  agentConnected!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'Since when the citizen waits in the lobby' })
  lobbySince!: string | null;

  @ApiProperty({ type: SupportSummaryView })
  support!: SupportSummaryView;
}

export class DeskAlertView {
  @ApiProperty({ enum: ALERT_KINDS, enumName: 'DeskAlertKind' })
  kind!: AlertKind;

  @ApiProperty({ format: 'uuid' })
  consultationId!: string;

  @ApiProperty({ description: 'Since when the condition holds (lobby entry, or the last heartbeat; null: never seen)', type: String, nullable: true })
  since!: string | null;
}

export class DeskSettingsView {
  @ApiProperty()
  lobbyAlertMinutes!: number;

  @ApiProperty()
  offlineAlertMinutes!: number;

  @ApiProperty()
  boothOfflineSeconds!: number;
}

/** A France Services site's day, as its facilitators' desk shows it. */
export class DeskDayView {
  @ApiProperty({ format: 'uuid' })
  siteId!: string;

  @ApiProperty()
  siteName!: string;

  @ApiProperty({ example: '2026-12-03' })
  date!: string;

  @ApiProperty()
  generatedAt!: string;

  @ApiProperty({ type: [DeskBoothView] })
  booths!: DeskBoothView[];

  @ApiProperty({ type: [DeskConsultationView] })
  consultations!: DeskConsultationView[];

  @ApiProperty({ type: [DeskAlertView] })
  alerts!: DeskAlertView[];

  @ApiProperty({ type: DeskSettingsView })
  settings!: DeskSettingsView;

  @ApiProperty({ type: String, nullable: true, description: 'When the day must be read again even if nothing is heard (a threshold passes)' })
  recheckAt!: string | null;
}

export class DeskMessageView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  consultationId!: string;

  @ApiProperty()
  body!: string;

  @ApiProperty()
  senderName!: string;

  @ApiProperty()
  createdAt!: string;
}
