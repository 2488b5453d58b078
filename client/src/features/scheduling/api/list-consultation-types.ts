import { fetchApi } from '../../../lib/api';
import { query } from './query';
import { ConsultationType } from './types';

export const listConsultationTypes = (administrationId?: string) =>
  fetchApi<ConsultationType[]>(`/api/consultation-types${query({ administrationId })}`);
