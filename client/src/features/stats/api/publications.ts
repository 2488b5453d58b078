import type { PublicStatsReport } from '@shared/stats/indicators';
import { fetchApi, query } from '../../../lib/api';

/** A département whose coordinators publish their aggregated results on the public page. */
export interface Publication {
  departement: string;
  published: boolean;
  publishedAt: string | null;
}

/** The published départements (public, no sign-in). */
export const listPublications = () => fetchApi<Publication[]>('/api/public/stats').then((all) => all.filter((p) => p.published));

/** The published figures of a département for a calendar year (public; 404 when not published). */
export const getPublicStats = (departement: string, year?: number) =>
  fetchApi<PublicStatsReport>(`/api/public/stats/${encodeURIComponent(departement)}${query({ year })}`);

/** A coordinator publishes (or withdraws) their département's results. */
export const setPublication = (departement: string, published: boolean) =>
  fetchApi<unknown>(`/api/stats/publications/${encodeURIComponent(departement)}`, { method: 'PUT', body: { published } });
