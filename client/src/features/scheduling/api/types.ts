import type { Schemas } from '../../../api/schemas';

/** Shapes the scheduling API answers with (its OpenAPI schemas); instants are ISO 8601 with their offset. */
export type SlotSearchResult = Schemas['SlotSearchResult'];
export type CitizenInput = Schemas['CitizenDto'];
