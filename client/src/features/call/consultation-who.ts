import type { Consultation } from '../../lib/consultations';

/**
 * Who the agent talks to, and where, for the lobby banner and the call's header alike: « Jeanne
 * Martin · Impôt sur le revenu · France Services de Pithiviers » (with the booth: «…, Cabine 1 »),
 * never the booth's screen name alone, which says nothing of the person. A part not known (no
 * citizen's name recorded) is left out rather than shown empty.
 */
export function consultationWho(c: Consultation, withBooth = false): string {
  const place = withBooth ? `${c.msapSiteName}, ${c.boothName}` : c.msapSiteName;
  return [c.citizen.name, c.subject ?? c.administrationName, place].filter(Boolean).join(' · ');
}
