import type { LeaveReason, RefusalReason } from '@shared/signalling/protocol';
import type { MediaProblem } from '../features/precall/report';
import { frRetention } from './fr-retention';
import { frDirectory } from './fr-directory';
import { frScheduling } from './fr-scheduling';
import { frAbsences } from './fr-absences';
import { frErrors } from './fr-errors';
import { frDocuments } from './fr-documents';
import { frSupport } from './fr-support';
import { frCitizen } from './fr-citizen';
import { frChecklistTemplates } from './fr-checklist-templates';
import { frMessages } from './fr-messages';
import { frAccounts } from './fr-accounts';
import { frAudit } from './fr-audit';
import { frSchedules } from './fr-schedules';
import { frLandline } from './fr-landline';
import { frSurvey } from './fr-survey';
import { frCallContext } from './fr-call-context';
import { frChat } from './fr-chat';
import { frStats } from './fr-stats';

/** French strings; the keys are the contract for other languages (add e.g. en.ts with the same shape). */
export const fr = {
  app: { name: 'Visio MSAP', tagline: 'Rendez-vous à distance avec les services de l’État', skip: 'Aller au contenu' },
  common: { loading: 'Chargement…', retry: 'Réessayer', signOut: 'Se déconnecter', error: 'Une erreur est survenue.', network: 'Le serveur ne répond pas. Vérifiez la connexion.' },
  login: {
    title: 'Connexion',
    intro: 'Espace réservé aux agents, animateurs France Services et coordinateurs.',
    email: 'Adresse électronique',
    password: 'Mot de passe',
    submit: 'Se connecter',
    oidc: 'S’identifier avec ProConnect',
    invalid: 'Adresse électronique ou mot de passe incorrect.',
    rateLimited: 'Trop de tentatives. Réessayez dans quelques minutes.',
    booth: 'Cet écran est celui d’une cabine France Services ? L’appairer',
  },
  pairing: {
    title: 'Appairer cet écran à sa cabine',
    intro: 'Saisissez le code à 8 chiffres affiché sur l’écran de l’animateur France Services.',
    code: 'Code d’appairage',
    submit: 'Appairer l’écran',
    invalid: 'Ce code n’est pas un code d’appairage : il compte 8 chiffres.',
  },
  roles: { admin: 'Administration technique', coordinator: 'Coordination préfecture', agent: 'Agent', facilitator: 'Animation France Services', device: 'Écran de cabine' },
  booth: {
    welcome: 'Bienvenue',
    intro: 'Votre rendez-vous en visio avec un conseiller va bientôt commencer.',
    next: 'Prochain rendez-vous',
    none: 'Aucun rendez-vous prévu aujourd’hui dans cette cabine.',
    help: 'Besoin d’aide ? Adressez-vous à l’animateur France Services.',
    check: 'Vérifier la caméra, le micro et le son',
  },
  agent: {
    title: 'Mes téléconsultations du jour',
    none: 'Aucune téléconsultation aujourd’hui.',
    check: 'Vérifier mon équipement',
    deskMessage: 'Message de {{name}} (France Services) à {{time}} : {{body}}',
  },
  coordinator: { title: 'Coordination', sites: 'Sites France Services', today: 'Consultations du jour' },
  facilitator: {
    nav: { label: 'Animation France Services', desk: 'Ma journée', book: 'Prendre rendez-vous', board: 'Planning de la semaine', booths: 'Cabines' },
    booths: 'Appairer l’écran d’une cabine',
    pairIntro: 'Générez un code, puis saisissez-le sur l’écran de la cabine (tablette ou ordinateur) : il affichera ses rendez-vous.',
    pair: 'Générer un code d’appairage',
    codeFor: 'Code pour {{booth}}',
    codeExpires: 'Valable jusqu’à {{time}}. À saisir sur l’écran de la cabine.',
    terminals: 'Écrans appairés',
    screenOf: 'Écran de {{booth}}, appairé le {{day}}',
    revoke: 'Désappairer',
    revoked: 'Désappairé',
    noTerminals: 'Aucun écran appairé.',
  },
  slotProposal: {
    text: 'Prochain créneau libre : {{when}}, avec {{agent}}, {{booth}}.',
    textColleague: 'Prochain créneau libre : {{when}}, avec {{agent}} (un collègue), {{booth}}.',
    confirm: 'Réserver ce créneau et prévenir l’usager',
    cancel: 'Ne pas réserver',
  },
  admin: { title: 'Administration', users: 'Comptes', audit: 'Journal des actions', coordinationLink: 'Coordination : planning, horaires, absences, messages, annulations' },
  consultation: {
    status: { scheduled: 'Prévu', in_progress: 'En cours', ended: 'Résultat à saisir', cancelled: 'Annulé', done: 'Terminé', no_show: 'Usager absent' },
  },
  call: {
    /** The camera or the microphone could not be opened when the call started. */
    startError: {
      denied: 'La caméra ou le micro est refusé par le navigateur : autorisez-les (icône à gauche de l’adresse), puis rechargez la page.',
      missing: 'Aucune caméra ou aucun micro n’est branché.',
      busy: 'La caméra ou le micro est déjà utilisé par une autre application : fermez-la, puis rechargez la page.',
      unsupported: 'Ce navigateur ne permet pas la visioconférence ici (adresse non sécurisée ou navigateur trop ancien).',
      error: 'La caméra ou le micro ne s’ouvre pas. Rechargez la page.',
    } satisfies Record<MediaProblem, string>,
    title: 'Téléconsultation',
    connecting: 'Connexion en cours…',
    lobby: 'Vous êtes en salle d’attente.',
    lobbyHint: 'Restez devant l’écran : votre conseiller vous fera entrer dans l’appel.',
    reconnecting: 'Connexion perdue. Reconnexion automatique en cours…',
    ended: 'La téléconsultation est terminée.',
    left: 'Vous avez quitté la téléconsultation.',
    rejoin: 'Revenir dans la téléconsultation',
    boothEnd: {
      thanks: 'Merci, au revoir.',
      backIn_one: 'Retour à l’accueil dans {{count}} seconde.',
      backIn_other: 'Retour à l’accueil dans {{count}} secondes.',
      leftHint: 'Si vous êtes parti par erreur, touchez « Revenir dans la téléconsultation ».',
    },
    leaveConfirm: {
      question: 'Voulez-vous vraiment quitter la téléconsultation ?',
      detail: 'Le conseiller ne pourra plus vous voir ni vous entendre.',
      yes: 'Oui, quitter',
      no: 'Non, rester',
    },
    endConfirm: {
      question: 'Terminer la téléconsultation pour tout le monde ?',
      detail: 'La cabine et l’animateur quittent l’appel et ne pourront plus y revenir. Vous indiquerez ensuite le résultat.',
      yes: 'Oui, terminer',
      no: 'Non, continuer',
    },
    media: {
      selfBooth: 'La vidéo ne passe pas. Nouvel essai automatique en cours… Si cela dure, prévenez l’animateur France Services.',
      selfTitle: 'La connexion audio et vidéo ne s’établit pas',
      self:
        'Votre navigateur n’arrive pas à joindre le serveur vidéo : le réseau (pare-feu, proxy) bloque peut-être les flux audio-vidéo, ou l’adresse du serveur média est mal configurée. Nouvel essai automatique en cours. Si cela dure, lancez la vérification de l’équipement ou contactez votre support informatique.',
      other: '{{name}} n’arrive pas à établir la connexion audio et vidéo (réseau de son site). Nouvel essai automatique en cours.',
    },
    refused: {
      unauthenticated: 'Connectez-vous pour rejoindre cette téléconsultation.',
      forbidden: 'Vous ne participez pas à cette téléconsultation.',
      not_found: 'Cette téléconsultation n’existe pas.',
      outside_window: 'Cette téléconsultation n’est pas ouverte pour le moment.',
      replaced: 'La téléconsultation a été ouverte dans une autre fenêtre.',
      cancelled: 'Ce rendez-vous a été annulé.',
    } satisfies Record<RefusalReason, string>,
    waiting: '{{name}} attend dans la salle d’attente.',
    deskMessage: 'Message de {{name}} (France Services) : {{body}}',
    /** Said to the others when someone leaves the call, by reason. */
    departed: {
      left: '{{name}} a quitté la téléconsultation.',
      connection_lost: 'La connexion de {{name}} est perdue. Dès son retour, la téléconsultation reprend.',
    } satisfies Record<LeaveReason, string>,
    admit: 'Faire entrer',
    you: 'Vous',
    noVideo: 'En attente de la vidéo…',
    remoteMicOff: 'micro coupé',
    remoteCameraOff: 'caméra coupée',
    cameraOffBy: '{{name}} a coupé sa caméra',
    screenOf: 'Écran partagé par {{name}}',
    audioOnlyActive: 'Audio seul : la vidéo est coupée',
    micOn: 'Couper le micro',
    micOff: 'Activer le micro',
    cameraOn: 'Couper la caméra',
    cameraOff: 'Activer la caméra',
    audioOnlyOn: 'Son seul, sans vidéo',
    audioOnlyOff: 'Réactiver la vidéo',
    audioOnlyAuto: 'Connexion faible : la vidéo est coupée pour garder le son.',
    shareScreen: 'Partager l’écran',
    stopShare: 'Arrêter le partage',
    leave: 'Quitter',
    end: 'Terminer pour tous',
    endFailed: 'La téléconsultation n’a pas pu être terminée (serveur injoignable). Elle continue ; réessayez dans un instant.',
    quality: { unknown: 'Connexion : mesure…', good: 'Connexion : bonne', medium: 'Connexion : moyenne', poor: 'Connexion : faible' },
    join: 'Rejoindre la téléconsultation',
    back: 'Retour à l’accueil',
  },
  outcome: {
    title: 'Résultat de la téléconsultation',
    intro: 'Indiquez ce qui s’est passé : ces informations servent au suivi du service.',
    legend: 'La téléconsultation',
    done: 'a eu lieu',
    no_show: 'n’a pas eu lieu : l’usager ne s’est pas présenté',
    note: 'Note (facultatif)',
    noteHint: 'Suite donnée, orientation… Pas de données sensibles. {{max}} caractères au plus.',
    submit: 'Enregistrer le résultat',
    saved: 'Résultat enregistré.',
    back: 'Retour à mes téléconsultations',
    pending_one: '{{count}} téléconsultation attend son résultat.',
    pending_other: '{{count}} téléconsultations attendent leur résultat.',
    record: 'Saisir le résultat',
    tooLong: 'La note dépasse {{max}} caractères.',
  },
  notFound: { title: 'Page introuvable', back: 'Retour à l’accueil' },
  ...frScheduling,
  ...frAbsences,
  ...frDirectory,
  ...frRetention,
  ...frDocuments,
  ...frSupport,
  ...frCitizen,
  ...frChecklistTemplates,
  ...frMessages,
  ...frSurvey,
  ...frAccounts,
  ...frAudit,
  ...frSchedules,
  ...frLandline,
  ...frCallContext,
  ...frChat,
  ...frStats,
  errors: frErrors,
} as const;
