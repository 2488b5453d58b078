export interface MassCancellationCriteria {
  agentId?: string;
  administrationId?: string;
  msapSiteId?: string;
  from: string;
  to: string;
}

export interface MassCancellationPreview {
  total: number;
  withoutContact: number;
  page: number;
  pageSize: number;
  items: Array<{
    id: string;
    startsAt: string;
    endsAt: string;
    citizenName: string;
    hasPhone: boolean;
    hasEmail: boolean;
    msapSiteName: string;
    boothName: string;
    agentName: string;
    administration: string;
  }>;
}

export interface MassCancellationJob {
  id: string;
  state: 'running' | 'completed';
  message: string;
  total: number;
  processed: number;
  cancelled: number;
  skipped: number;
  sent: number;
  failed: number;
  pending: number;
  noContact: number;
  createdAt: string;
  finishedAt: string | null;
}

export interface MassCancellationReport extends MassCancellationJob {
  toCall: {
    total: number;
    page: number;
    pageSize: number;
    items: Array<{
      consultationId: string;
      reason: 'no_contact' | 'failed';
      citizenName: string;
      phone: string | null;
      email: string | null;
      msapSiteName: string;
      boothName: string;
      startsAt: string;
      when: string;
    }>;
  };
}
