import type { Schemas } from '../../../api/schemas';

export type MassCancellationCriteria = Omit<Schemas['CreateMassCancellationDto'], 'message'>;
export type MassCancellationPreview = Schemas['MassCancellationPreviewView'];
export type MassCancellationJob = Schemas['MassCancellationJobView'];
export type MassCancellationReport = Schemas['MassCancellationReportView'];
export type MassCancellationMessages = Schemas['MassCancellationMessagesView'];
