import type { ChatSendError } from '../features/call/media/chat-channel';
import type { ParticipantRole } from '@shared/signalling/protocol';

/** French strings of the call's chat, spread into fr.ts. */
export const frChat = {
  chat: {
    title: 'Messages',
    show: 'Afficher les messages',
    hide: 'Masquer les messages',
    unread_one: '{{count}} message non lu',
    unread_other: '{{count}} messages non lus',
    log: 'Messages de la consultation',
    empty: 'Aucun message pour l’instant. Vous pouvez écrire ici si vous n’entendez pas ou ne pouvez pas parler.',
    from: '{{name}}, {{time}}',
    you: 'Vous',
    roles: { booth: 'usager', agent: 'agent', facilitator: 'animateur' } satisfies Record<ParticipantRole, string>,
    pending: 'En attente d’envoi (connexion en cours)…',
    field: 'Votre message',
    hint: 'Entrée pour envoyer, Maj + Entrée pour aller à la ligne.',
    counter: '{{count}} / {{max}} caractères',
    send: 'Envoyer',
    phrasesTitle: 'Phrases toutes prêtes',
    phrasesHint: 'Touchez une phrase pour l’envoyer.',
    /** For citizens who cannot hear or speak: one touch sends the sentence (the booth only). */
    phrases: {
      cannotHear: 'Je n’entends pas.',
      cannotSee: 'Je ne vous vois pas.',
      deaf: 'Je suis sourd(e) ou malentendant(e).',
      cannotSpeak: 'Je ne peux pas parler.',
      repeat: 'Pouvez-vous répéter\u00a0?',
      write: 'Pouvez-vous écrire\u00a0?',
      yes: 'Oui',
      no: 'Non',
      thanks: 'Merci',
    },
    /** The booth is a shared kiosk: a link would take the call's screen away to another site. */
    linkOnBooth: 'Les liens ne s’ouvrent pas sur cette borne : notez l’adresse, ou demandez à votre interlocuteur de vous l’envoyer par SMS ou e-mail.',
    newLink: 'ouvre un nouvel onglet',
    errors: {
      empty: 'Le message est vide.',
      too_long: 'Le message est trop long (1 000 caractères au plus).',
      control_characters: 'Le message contient des caractères invisibles non autorisés : retapez-le.',
      RATE_LIMITED: 'Trop de messages d’un coup : attendez quelques secondes avant d’envoyer le suivant.',
      FAILED: 'Le message n’a pas pu être envoyé. Réessayez.',
    } satisfies Record<ChatSendError, string>,
  },
} as const;
