/**
 * French strings of the messages a citizen can act on (issue 13): the phone field, what a
 * cancellation sends, the list of citizens to call, the message step's exact previews and the
 * messages page's search. Spread into fr.ts.
 */
export const frMessages = {
  citizenMessages: {
    phoneHint: 'Un portable (06, 07…) : il reçoit les SMS de confirmation et de rappel. Ex. : 06 12 34 56 78',
    measure: '{{chars}} caractères · {{segments}} SMS ({{encoding}})',
    channels: { sms: 'SMS au {{to}}', email: 'Courriel à {{to}}', call: 'À dire au téléphone', callTo: 'À dire au téléphone ({{to}})' },
    notice: {
      sms: 'Ce motif sera envoyé à {{name}} par SMS au {{phone}}.',
      email: 'Ce motif sera envoyé à {{name}} par courriel à {{email}}.',
      smsAndEmail: 'Ce motif sera envoyé à {{name}} par SMS au {{phone}} et par courriel à {{email}}.',
      none: 'Ce motif ne sera pas envoyé : pas de coordonnées. Le rendez-vous ira dans la liste « À appeler ».',
      landline: 'Ce motif ne sera pas envoyé : le {{phone}} est un fixe, il ne reçoit pas de SMS. Le rendez-vous ira dans la liste « À appeler ».',
      title: 'Aperçu exact',
      loading: 'Préparation de l’aperçu…',
      unavailable: 'L’aperçu n’a pas pu être préparé.',
    },
    toCall: {
      nav: 'À appeler',
      title: 'Usagers à appeler',
      intro:
        'Ces usagers n’ont ni portable ni adresse électronique : aucun SMS ni courriel ne les a prévenus. Appelez-les (ou prévenez-les à l’accueil), puis indiquez « Appelé ». Seuls les rendez-vous à venir sont listés, le plus proche en premier.',
      caption: 'Usagers à appeler ({{total}})',
      empty: 'Personne à appeler.',
      columns: { when: 'Rendez-vous', citizen: 'Usager', phone: 'Téléphone', what: 'À lui dire', action: 'Action' },
      events: { booked: 'Rendez-vous pris', rescheduled: 'Rendez-vous déplacé', cancelled: 'Rendez-vous annulé' },
      noPhone: 'Pas de numéro : à prévenir à l’accueil',
      earlier_one: 'Cet appel annonce aussi 1 changement précédent.',
      earlier_other: 'Cet appel annonce aussi {{count}} changements précédents.',
      called: 'Appelé',
      calledLabel: 'Appelé : {{name}}, {{when}}',
      done: 'Appel à {{name}} noté.',
      loaded: '{{total}} usagers à appeler.',
      page: 'Page {{page}} sur {{pages}}',
      previous: 'Page précédente',
      next: 'Page suivante',
    },
    outbox: {
      search: 'Rechercher un usager',
      searchHint: 'Nom, téléphone (06 12…) ou adresse électronique',
      submit: 'Rechercher',
      event: 'Évènement',
      from: 'Écrit à partir du',
      to: 'Jusqu’au (inclus)',
      reset: 'Effacer la recherche et les filtres',
      noPhone: 'pas de numéro',
      fields: { q: 'Recherche', from: 'Écrit à partir du', to: 'Jusqu’au', status: 'État', channel: 'Canal', event: 'Évènement' },
    },
    mass: {
      checking: 'Vérification du message…',
      counter: '{{chars}} caractères · {{segments}} SMS ({{encoding}}) pour {{name}}',
      noSmsSample: 'Aucun des premiers usagers n’a de portable : pas de SMS à mesurer.',
      exactTitle: 'Messages exacts des premiers usagers',
      exactIntro_one: 'Voici exactement ce que recevra le premier usager (sur {{total}}).',
      exactIntro_other: 'Voici exactement ce que recevront les {{count}} premiers usagers (sur {{total}}).',
      citizen: '{{name}} — rendez-vous du {{when}}',
      callNote: 'Ni portable ni adresse électronique : à appeler (liste « À appeler »).',
    },
  },
};
