import i18n from '../../i18n';

/** French strings of the booth's kiosk (the citizen's screen, and the facilitator's corner on it). */
export const kioskFr = {
  republic: 'République française',
  topBar: 'Bandeau de la cabine',
  welcome: {
    title: 'Bienvenue',
    loading: 'Nous regardons les rendez-vous du jour…',
    soon: 'Votre rendez-vous va bientôt commencer. Installez-vous : l’appel s’ouvrira tout seul.',
    later: 'Prochain rendez-vous de cette cabine aujourd’hui',
    at: 'à {{time}}',
    with: 'avec {{administration}}',
    subject: 'Motif : {{subject}}',
    none: 'Aucun rendez-vous prévu aujourd’hui dans cette cabine.',
    allDone: 'Les rendez-vous d’aujourd’hui dans cette cabine sont terminés.',
    help: 'Besoin d’aide ? Adressez-vous à l’animateur France Services.',
    check: 'Vérifier la caméra, le micro et le son',
    rejoin: 'Revenir dans la téléconsultation',
  },
  idle: {
    title: 'Êtes-vous toujours là ?',
    countdown_one: 'L’écran va revenir à l’accueil dans {{count}} seconde.',
    countdown_other: 'L’écran va revenir à l’accueil dans {{count}} secondes.',
    keep: 'Continuer',
  },
  offline: {
    title: 'Connexion perdue, nouvel essai…',
    text: 'L’écran revient tout seul dès que la connexion est rétablie. Si cela dure, prévenez l’animateur France Services.',
  },
  keypad: {
    label: 'Pavé numérique',
    clear: 'Effacer',
    clearLabel: 'Effacer le dernier chiffre',
    submit: 'Valider',
  },
  facilitator: {
    open: 'Espace animateur',
    title: 'Espace animateur',
    intro: 'Réservé à l’animateur France Services : connectez-vous avec votre adresse électronique et votre mot de passe habituels. Aucune session ne reste ouverte sur cet écran.',
    email: 'Adresse électronique',
    password: 'Mot de passe',
    unlock: 'Ouvrir l’espace animateur',
    unlocked: 'Bonjour {{name}}. Que voulez-vous faire ?',
    exitFullscreen: 'Quitter le plein écran',
    check: 'Faire la vérification technique',
    unpair: 'Désappairer cette borne',
    unpairConfirm: 'Désappairer cette borne ? L’écran ne montrera plus les rendez-vous de la cabine jusqu’à un nouvel appairage.',
    unpairYes: 'Oui, désappairer',
    unpairNo: 'Non, garder l’appairage',
    close: 'Fermer',
  },
};

// Deep and overwrite: hot reload in development re-runs this module with edited strings.
i18n.addResourceBundle('fr', 'kiosk', kioskFr, true, true);

export default i18n;
