/** Shapes the scheduling API answers with (see /api/docs); instants are ISO 8601 with their offset. */
export type ConsultationStatus = 'scheduled' | 'cancelled' | 'done' | 'no_show';

export interface Consultation {
  id: string;
  status: ConsultationStatus;
  boothId: string;
  agentId: string;
  administrationId: string;
  consultationTypeId: string | null;
  startsAt: string;
  endsAt: string;
  citizen: { name: string; phone: string | null; email: string | null };
  cancellationReason: string | null;
  cancelledAt: string | null;
  boothName: string;
  msapSiteId: string;
  msapSiteName: string;
  agentName: string;
  administrationName: string;
  subject: string | null;
}

export interface Administration {
  id: string;
  name: string;
  departement: string;
}

export interface AgentSummary {
  id: string;
  userId: string;
  displayName: string;
  title: string | null;
  administrationId: string;
}

export interface ConsultationType {
  id: string;
  administrationId: string;
  subject: string;
  durationMinutes: number;
  documents: string[];
  active: boolean;
}

export interface SlotSearchResult {
  consultationTypeId: string;
  durationMinutes: number;
  agents: Array<{ id: string; displayName: string }>;
  booths: Array<{ id: string; name: string }>;
  /** agents and booths are indexes into the lists above. */
  slots: Array<{ startsAt: string; endsAt: string; agents: number[]; booths: number[] }>;
  truncated: boolean;
}

export interface CitizenInput {
  name: string;
  phone?: string;
  email?: string;
}
