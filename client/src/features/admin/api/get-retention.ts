import { fetchApi } from '../../../lib/api';

export interface RetentionPolicy {
  enabled: boolean;
  intervalMinutes: number;
  batchSize: number;
  citizenDataDays: number;
  outboxDays: number;
  auditDays: number;
  devicesDays: number;
  pairingCodesDays: number;
  disabledAccountDays: number;
  erasedCitizenName: string;
  erasedText: string;
  erasedAccountName: string;
}

export interface RetentionRun {
  id: string;
  startedAt: string;
  finishedAt: string;
  consultationsErased: number;
  outboxErased: number;
  auditEventsDeleted: number;
  sessionsDeleted: number;
  pairingCodesDeleted: number;
  devicesDeleted: number;
  absenceReasonsErased: number;
  closureReasonsErased: number;
  massCancellationMessagesErased: number;
  accountsPseudonymised: number;
  error: string | null;
}

export interface RetentionStatus {
  policy: RetentionPolicy;
  lastRun: RetentionRun | null;
  recentRuns: RetentionRun[];
}

/** The retention policy in force and what the last sweeps erased (admins only). */
export const getRetention = () => fetchApi<RetentionStatus>('/api/retention');
