import i18n from '../../i18n';

/** French strings of the pre-call check; another language adds a bundle with the same keys. */
export const precallFr = {
  title: 'Vérification avant l’appel',
  intro: 'Nous vérifions la caméra, le micro, le son et la connexion. Cela prend moins d’une minute.',
  retry: 'Réessayer',
  // With their article: every `problem` sentence is written to take one after a verb.
  device: { camera: 'la caméra', microphone: 'le micro' },
  problem: {
    denied: 'Le navigateur n’a pas l’autorisation d’utiliser {{device}}. Donnez-la avec l’icône à gauche de l’adresse, puis réessayez. En cas de doute, demandez de l’aide à l’animateur.',
    missing: 'Nous ne trouvons pas {{device}}. Vérifiez le branchement, puis réessayez.',
    busy: 'Une autre application utilise déjà {{device}}. Fermez-la, puis réessayez.',
    unsupported: 'Ce navigateur ne peut pas utiliser {{device}} (adresse non sécurisée ou navigateur trop ancien).',
    error: 'Impossible d’ouvrir {{device}}. Réessayez, ou demandez de l’aide à l’animateur.',
  },
  camera: {
    title: 'Caméra',
    intro: 'Vous devez vous voir dans le cadre ci-dessous.',
    preview: 'Image de votre caméra',
    waiting: 'en attente de l’image',
    ok: 'L’image de la caméra s’affiche.',
  },
  microphone: {
    title: 'Micro',
    intro: 'Parlez à voix haute : la barre doit bouger.',
    meter: 'Niveau du micro',
    level: '{{level}} sur 100',
    heard: 'Nous vous entendons.',
    waiting: 'aucun son entendu pour l’instant',
    suspended: 'Touchez le bouton pour démarrer la mesure du micro.',
    activate: 'Démarrer la mesure du micro',
  },
  speaker: {
    title: 'Haut-parleurs',
    intro: 'Appuyez sur le bouton : trois notes vont être jouées.',
    play: 'Jouer le son de test',
    playing: 'Son en cours…',
    replay: 'Rejouer le son',
    question: 'Avez-vous entendu le son ?',
    yes: 'Oui',
    no: 'Non',
    heard: 'Le son a bien été entendu.',
    notHeard: 'son non entendu',
    advice: 'Vérifiez que le volume est monté et que le son n’est pas coupé, puis rejouez le son.',
    unsupported: 'Ce navigateur ne peut pas jouer le son de test.',
  },
  network: {
    title: 'Réseau',
    intro: 'Nous mesurons la connexion avec le serveur.',
    running: 'Mesure en cours…',
    rttLabel: 'Temps de réponse',
    bitrateLabel: 'Débit',
    ms: '{{ms, number}} ms',
    kbps: '{{kbps, number}} kbit/s',
    notMeasured: 'non mesuré',
    rtt: 'temps de réponse {{ms, number}} ms ({{grade}})',
    bitrate: 'débit {{kbps, number}} kbit/s ({{grade}})',
    unreachable: 'le serveur ne répond pas',
    retry: 'Refaire la mesure',
    mediaLabel: 'Serveur vidéo',
    media: {
      route: {
        udp: 'serveur vidéo joignable en direct (UDP)',
        tcp: 'serveur vidéo joignable en direct (TCP, moins fluide que UDP)',
        relay: 'serveur vidéo joignable par le relais TURN ({{protocol}})',
        unknown: 'serveur vidéo joignable',
      },
      uplink: 'envoi {{kbps, number}} kbit/s ({{grade}})',
      unreachable: 'serveur vidéo injoignable : la vidéo ne passera pas ({{error}})',
      errors: {
        media_timeout: 'aucune liaison audio-vidéo en 10 secondes : un pare-feu ou un proxy bloque peut-être les ports du serveur vidéo, ou son adresse est mal configurée',
        media_failed: 'la liaison audio-vidéo a échoué',
        no_media_received: 'le serveur vidéo n’a rien reçu',
      },
    },
  },
  // The booth's words: the citizen is told how the call will go, not how it was measured.
  plain: {
    networkTitle: 'Connexion internet',
    networkIntro: 'Nous vérifions que la connexion suffit pour l’appel vidéo.',
    verdict: {
      checking: 'Vérification de la connexion en cours…',
      good: 'La connexion est bonne.',
      fair: 'La connexion est correcte. L’image pourra parfois être moins nette.',
      poor: 'La connexion ne suffit pas pour l’appel vidéo. Prévenez l’animateur France Services.',
    },
    retry: 'Vérifier à nouveau la connexion',
  },
  grade: { good: 'bon', medium: 'moyen', insufficient: 'insuffisant' },
  status: { passed: 'réussi', failed: 'échec', pending: 'à faire' },
  report: {
    title: 'Résultat',
    heading: 'Vérification avant l’appel du {{date, datetime}}',
    allGood: 'Tout est prêt pour l’appel.',
    notYet: 'Certaines vérifications ne sont pas terminées ou sont à revoir.',
    text: 'Rapport à transmettre',
    copy: 'Copier le rapport',
    copied: 'Rapport copié.',
    selected: 'La copie automatique n’est pas possible : le texte est sélectionné, copiez-le avec Ctrl+C.',
    done: 'Terminer la vérification',
  },
};

// Deep and overwrite: hot reload in development re-runs this module with edited strings.
i18n.addResourceBundle('fr', 'precall', precallFr, true, true);

export default i18n;
