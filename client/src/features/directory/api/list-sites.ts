import { fetchApi } from '../../../lib/api';
import { SiteRecord } from './types';

/** The MSAP sites in the caller's scope, every column (lib/directory's Site keeps only what forms choose from). */
export const listSiteRecords = () => fetchApi<SiteRecord[]>('/api/msap-sites');
