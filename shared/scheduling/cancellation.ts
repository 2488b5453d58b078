/**
 * Why a consultation was cancelled, as the statistics group it: by the citizen (their link), for
 * the agent's absence, for the site's closure, in a mass cancellation, or by the service for another
 * reason. The free-text reason sent to the citizen is kept apart and erased with their data.
 */
export const CANCELLATION_CAUSES = ['citizen', 'agent_absence', 'site_closure', 'mass', 'service'] as const;
export type CancellationCause = (typeof CANCELLATION_CAUSES)[number];

/** The causes a person may name when cancelling one consultation (the others are set by their own path). */
export const STAFF_CANCELLATION_CAUSES = ['agent_absence', 'site_closure', 'service'] as const satisfies readonly CancellationCause[];
export type StaffCancellationCause = (typeof STAFF_CANCELLATION_CAUSES)[number];
