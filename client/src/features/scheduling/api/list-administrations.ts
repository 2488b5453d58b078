import { fetchApi } from '../../../lib/api';
import { Administration } from './types';

export const listAdministrations = () => fetchApi<Administration[]>('/api/administrations');
