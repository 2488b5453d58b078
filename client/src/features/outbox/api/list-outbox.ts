import { fetchApi, query } from '../../../lib/api';

export interface OutboxItem {
  id: string;
  consultationId: string;
  event: string;
  channel: 'sms' | 'email' | 'agent_email';
  transport: string | null;
  recipient: string;
  subject: string | null;
  text: string;
  sms: { encoding: string; segments: number; characters: number } | null;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  /** Retention erased its recipient and text (RGPD); channel, event and status stay. */
  erasedAt: string | null;
  consultation: { startsAt: string; citizenName: string; msapSiteName: string; boothName: string };
}

export interface OutboxPage {
  page: number;
  pageSize: number;
  total: number;
  items: OutboxItem[];
}

export const listOutbox = (q: { page?: number; pageSize?: number; status?: string; channel?: string }) =>
  fetchApi<OutboxPage>(`/api/notifications/outbox${query(q)}`);
