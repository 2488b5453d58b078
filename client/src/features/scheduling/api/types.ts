/** Shapes the scheduling API answers with (see /api/docs); instants are ISO 8601 with their offset. */
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
