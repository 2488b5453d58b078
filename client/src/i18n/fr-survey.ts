/**
 * French strings of what follows a call (issue 14): the citizen's survey at the booth, and the
 * agent's and facilitator's word on the call's problems. Spread into fr.ts.
 */
export const frSurvey = {
  survey: {
    title: 'Merci, la téléconsultation est terminée.',
    intro: 'Votre avis, en une minute. Il est anonyme. Chaque réponse est enregistrée dès que vous la touchez.',
    saved: 'Enregistré',
    saving: 'Enregistrement…',
    failed: 'Non enregistré : {{reason}}',
    unavailable: 'Touchez « Terminer » pour revenir à l’accueil.',
    questions: {
      satisfaction: 'Êtes-vous satisfait de ce rendez-vous ?',
      clarity: 'La réponse apportée était-elle claire ? (1 : pas claire, 5 : très claire)',
      sound: 'Le son',
      image: 'L’image',
      documents: 'Les documents',
    },
    quality: 'Qualité de l’appel',
    faces: { bad: 'Pas satisfait', medium: 'Moyennement', good: 'Satisfait' },
    levels: { good: 'Bon', medium: 'Moyen', bad: 'Mauvais', not_concerned: 'Pas concerné' },
    clarityValue: '{{value}} sur 5',
    comment: 'Un commentaire ? (facultatif)',
    commentHint: 'N’indiquez pas d’informations personnelles (nom, numéro…). {{max}} caractères au plus.',
    commentSend: 'Envoyer le commentaire',
    skip: 'Passer',
    finish: 'Terminer',
  },
  callFeedback: {
    legend: 'Problèmes pendant l’appel',
    hint: 'Facultatif : cochez ce qui a gêné l’échange.',
    problems: { sound: 'Son', image: 'Image', cuts: 'Coupures', documents: 'Documents', other: 'Autre' },
    note: 'Précisez (facultatif)',
    noteHint: '{{max}} caractères au plus. Évitez d’y nommer l’usager.',
    tooLong: 'La précision dépasse {{max}} caractères.',
    facilitatorTitle: 'La téléconsultation est terminée',
    facilitatorIntro: 'Signalez les problèmes de l’appel, s’il y en a eu : ils aident à améliorer le service.',
    submit: 'Enregistrer',
    saved: 'Merci, votre retour est enregistré.',
    back: 'Retour à l’accueil',
  },
};
