/**
 * French strings of the citizen's landline (issue 13): the booking form's "Téléphone fixe" field,
 * moving a number typed in the wrong field, and the landline where staff see a citizen's contact.
 * Spread into fr.ts.
 */
export const frLandline = {
  landline: {
    label: 'Téléphone fixe (pour être appelé)',
    hint: 'Facultatif. Un fixe (01 à 05, 09) ne reçoit pas de SMS : sans portable ni courriel, l’usager sera appelé à ce numéro (liste « À appeler »). Ex. : 02 38 30 12 34',
    /** Under the landline field, for a number an SMS can reach. */
    isMobile: 'Ce numéro est un portable : il peut recevoir les SMS. Saisissez-le dans « Téléphone portable ».',
    moveToLandline: 'Le mettre en téléphone fixe',
    moveToMobile: 'Le mettre en téléphone portable',
    /** A landline next to the other contacts (booking details, mass-cancellation report). */
    shown: '{{phone}} (fixe)',
    /** A moved booking whose citizen has only a landline. */
    toldByCall: 'Usager sans portable ni courriel : appelez-le au {{phone}} (il est dans la liste « À appeler »).',
  },
};
