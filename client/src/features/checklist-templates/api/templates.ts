import type { Schemas } from '../../../api/schemas';
import { fetchApi } from '../../../lib/api';

/** A consultation type's checklist template (version 0: its theme's default, never saved). */
export type ChecklistTemplate = Schemas['ChecklistTemplateView'];
export type ChecklistDefault = Schemas['ChecklistDefaultView'];
export type ChecklistItem = Schemas['ChecklistItemView'];
export type ChecklistPart = Schemas['ChecklistPart'];
export type TemplateTheme = Schemas['TemplateTheme'];
export type TemplateInput = Schemas['SaveTemplateDto'];

const path = (consultationTypeId: string) => `/api/consultation-types/${consultationTypeId}/checklist-template`;

/** The checklist each theme starts with, for every theme. */
export const getDefaults = () => fetchApi<ChecklistDefault[]>('/api/checklist-templates/defaults');

export const getTemplate = (consultationTypeId: string) => fetchApi<ChecklistTemplate>(path(consultationTypeId));

/** Saves version `baseVersion + 1`: 409 TEMPLATE_VERSION_STALE when another was saved meanwhile, 422 with field errors. */
export const saveTemplate = (consultationTypeId: string, input: TemplateInput) =>
  fetchApi<ChecklistTemplate>(path(consultationTypeId), { method: 'PUT', body: input });

/** Back to the theme's default (204): 409 TEMPLATE_IN_USE once filled checklists keep one of its versions. */
export const resetTemplate = (consultationTypeId: string) => fetchApi<void>(path(consultationTypeId), { method: 'DELETE' });
