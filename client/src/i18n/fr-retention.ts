/** French strings of the retention panel on the admin home page, spread into fr.ts. */
export const frRetention = {
  retention: {
    title: 'Conservation des données personnelles',
    outboxErased: 'Destinataire et texte effacés le {{when}} (durée de conservation)',
    policy: {
      citizen_one:
        'Nom, téléphone et adresse électronique des usagers, et motif d’annulation : effacés {{count}} jour après la fin ou l’annulation du rendez-vous (le nom devient « {{name}} » ; le rendez-vous reste compté dans les statistiques).',
      citizen_other:
        'Nom, téléphone et adresse électronique des usagers, et motif d’annulation : effacés {{count}} jours après la fin ou l’annulation du rendez-vous (le nom devient « {{name}} » ; le rendez-vous reste compté dans les statistiques).',
      outbox_one: 'Destinataire et texte des messages envoyés (SMS, courriels) : effacés {{count}} jour après l’envoi, une fois le rendez-vous passé.',
      outbox_other: 'Destinataire et texte des messages envoyés (SMS, courriels) : effacés {{count}} jours après l’envoi, une fois le rendez-vous passé.',
      freeText_one:
        'Motifs d’absence des agents et de fermeture des MSAP, message des annulations groupées : remplacés par « {{marker}} » {{count}} jour après la fin de l’absence, de la fermeture ou de l’annulation groupée (dates et comptes conservés).',
      freeText_other:
        'Motifs d’absence des agents et de fermeture des MSAP, message des annulations groupées : remplacés par « {{marker}} » {{count}} jours après la fin de l’absence, de la fermeture ou de l’annulation groupée (dates et comptes conservés).',
      accounts_one:
        'Comptes désactivés depuis plus de {{count}} jour : pseudonymisés (le nom devient « {{name}} », l’adresse électronique, le mot de passe et le lien ProConnect sont effacés ; le compte ne peut plus se connecter, ses rendez-vous restent comptés).',
      accounts_other:
        'Comptes désactivés depuis plus de {{count}} jours : pseudonymisés (le nom devient « {{name}} », l’adresse électronique, le mot de passe et le lien ProConnect sont effacés ; le compte ne peut plus se connecter, ses rendez-vous restent comptés).',
      audit_one: 'Journal d’audit : conservé {{count}} jour.',
      audit_other: 'Journal d’audit : conservé {{count}} jours.',
      sessions: 'Sessions expirées ou fermées : supprimées à la passe suivante.',
      devices_one: 'Écrans de cabine désappairés ou expirés : supprimés après {{count}} jour ; codes d’appairage : {{codes}} jour après leur expiration.',
      devices_other: 'Écrans de cabine désappairés ou expirés : supprimés après {{count}} jours ; codes d’appairage : {{codes}} jour après leur expiration.',
    },
    schedule_one: 'L’effacement passe toutes les minutes sur ce serveur.',
    schedule_other: 'L’effacement passe toutes les {{count}} minutes sur ce serveur.',
    disabled: 'L’effacement automatique est désactivé sur ce serveur (RETENTION_ENABLED=false) ; un autre serveur peut l’assurer.',
    never: 'Aucun passage enregistré pour l’instant.',
    lastRun: 'Dernier passage : {{when}}.',
    failed: 'Échec : {{error}}',
    runs: 'Derniers passages ayant effacé des données',
    columns: {
      when: 'Date',
      consultationsErased: 'Rendez-vous anonymisés',
      outboxErased: 'Messages effacés',
      absenceReasonsErased: 'Motifs d’absence effacés',
      closureReasonsErased: 'Motifs de fermeture effacés',
      massCancellationMessagesErased: 'Messages d’annulation groupée effacés',
      surveyCommentsErased: 'Commentaires de questionnaire effacés',
      accountsPseudonymised: 'Comptes pseudonymisés',
      auditEventsDeleted: 'Entrées d’audit supprimées',
      sessionsDeleted: 'Sessions supprimées',
      pairingCodesDeleted: 'Codes d’appairage supprimés',
      devicesDeleted: 'Écrans de cabine supprimés',
    },
  },
} as const;
