import type { Schemas } from '../../../api/schemas';
import { fetchApi } from '../../../lib/api';

export type Support = Schemas['SupportView'];
export type SupportPatch = Schemas['PatchSupportDto'];
export type ConsentKind = Schemas['ConsentKind'];

const base = (id: string) => `/api/consultations/${encodeURIComponent(id)}/support`;

export const getSupport = (consultationId: string) => fetchApi<Support>(base(consultationId));

export const patchSupport = (consultationId: string, patch: SupportPatch) => fetchApi<Support>(base(consultationId), { method: 'PATCH', body: patch });

export const giveConsent = (consultationId: string, kind: ConsentKind, textVersion: string) =>
  fetchApi<Support>(`${base(consultationId)}/consents`, { method: 'POST', body: { kind, textVersion } });

export const revokeConsent = (consultationId: string, kind: ConsentKind) => fetchApi<Support>(`${base(consultationId)}/consents/${kind}`, { method: 'DELETE' });
