import type { Schemas } from '../../../api/schemas';

/** Shapes the schedules API answers with (its OpenAPI schemas); instants are ISO 8601 with their offset. */
export type WeeklyRange = Schemas['WeeklyRangeView'];
export type Closure = Schemas['UnavailabilityView'];
export type ClosureInput = Schemas['UnavailabilityDto'];
/** The bookings a schedule change would leave (or left) outside, each with the colleagues free to take it. */
export type ScheduleImpact = Schemas['ScheduleImpactView'];
export type AffectedBooking = ScheduleImpact['affected'][number];
export type ConsultationTypeInput = Schemas['CreateConsultationTypeDto'];
export type ConsultationTypeChange = Schemas['UpdateConsultationTypeDto'];
