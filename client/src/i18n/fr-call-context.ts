/** French strings of the waiting room, the agent's messages to the booth and the call's timer, spread into fr.ts. */
export const frCallContext = {
  lobbyRoom: {
    appointment: 'Votre rendez-vous',
    at: 'à {{time}}',
    until: '{{start}} – {{end}}',
    status: {
      present: 'Votre conseiller est prévenu : il vous fait entrer dès qu’il est prêt.',
      busy: 'Votre conseiller termine le rendez-vous précédent (≈ {{count}} min).',
      busyOverrun: 'Votre conseiller termine le rendez-vous précédent, qui dure plus longtemps que prévu.',
      away: 'Votre conseiller va se connecter à l’heure de votre rendez-vous.',
      late: 'Votre conseiller a du retard ({{count}} min). Vous pouvez l’attendre ici ou demander de l’aide à l’accueil France Services.',
    },
    messageFrom: 'Message de votre conseiller',
  },
  boothMessage: {
    open: 'Envoyer un message à la cabine',
    legend: 'Message à la cabine',
    canned: { soon: 'J’arrive dans 5 minutes.', moment: 'Je vous appelle dans un instant.' },
    free: 'Autre message (200 caractères au plus)',
    send: 'Envoyer',
    sent: 'Message envoyé à {{time}} : « {{text}} »',
    tooLong: 'Le message dépasse 200 caractères.',
    empty: 'Écrivez un message ou choisissez-en un.',
  },
  agentLobby: {
    waitingFor: 'Attend depuis {{count}} min',
    waitingJustNow: 'Vient d’arriver',
  },
  /** The booth's side column in the call: one view at a time, so that the chat fits without scrolling. */
  callSide: {
    label: 'Affichage à côté de la vidéo',
    skipToControls: 'Aller aux commandes de l’appel',
  },
  callTimer: {
    label: 'Durée de l’appel',
    elapsed: 'En cours depuis {{elapsed}}',
    remaining: 'fin prévue dans {{count}} min',
    over: 'fin prévue dépassée de {{count}} min',
    fiveLeft: 'Il reste 5 minutes avant la fin prévue du rendez-vous.',
    reached: 'L’heure de fin prévue du rendez-vous est atteinte.',
  },
  agentHomeRow: {
    papers: 'Pièces à apporter : {{list}}',
    noPapers: 'Pas de pièce demandée',
    place: '{{site}} · {{booth}}',
    opened: 'Salle ouverte à {{time}}',
  },
};
