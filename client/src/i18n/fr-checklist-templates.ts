import type { ChecklistPart, TemplateTheme } from '@shared/support/support';

/** French strings of the checklist templates editor (coordinators), spread into fr.ts: same contract, own file. */
export const frChecklistTemplates = {
  checklistTemplates: {
    title: 'Fiches d’accompagnement',
    intro:
      'La fiche d’accompagnement est la liste que l’animateur France Services coche avant, pendant et après un rendez-vous. Chaque objet de rendez-vous a la sienne. Chaque enregistrement crée une nouvelle version : les fiches déjà remplies gardent la version avec laquelle elles l’ont été.',
    administration: 'Administration',
    type: 'Objet du rendez-vous',
    choose: 'Sélectionner',
    retiredType: '{{subject}} (plus proposé)',
    noAdministration: 'Aucune administration dans votre périmètre.',
    noType: 'Cette administration n’a aucun objet de rendez-vous.',
    pick: 'Choisissez une administration, puis un objet de rendez-vous, pour modifier sa fiche.',
    loading: 'Chargement de la fiche…',
    leave: {
      question: 'Abandonner les modifications non enregistrées ?',
      detail: 'Les modifications de la fiche « {{subject}} » seront perdues.',
      yes: 'Abandonner les modifications',
      no: 'Rester sur cette fiche',
    },

    heading: 'Fiche « {{subject}} »',
    defaultVersion: 'Modèle par défaut (non enregistré)',
    version: 'Version {{version}}, enregistrée le {{date}} par {{author}}',
    versionNoAuthor: 'Version {{version}}, enregistrée le {{date}}',
    theme: 'Thème : {{theme}}',
    inUse_zero: 'Aucune fiche remplie avec ce modèle pour l’instant',
    inUse_one: '{{count}} fiche remplie avec ce modèle',
    inUse_other: '{{count}} fiches remplies avec ce modèle',
    unsaved: 'Modifications non enregistrées',

    startFrom: {
      label: 'Partir du modèle…',
      hint: 'Remplace tous les éléments par la liste par défaut du thème choisi. Rien n’est enregistré avant « Enregistrer une nouvelle version ».',
      apply: 'Remplacer par ce modèle',
      question: 'Remplacer les éléments par le modèle « {{theme}} » ?',
      detail: 'Les éléments actuels et leurs libellés seront remplacés. Vous pourrez encore modifier la liste avant de l’enregistrer.',
      yes: 'Remplacer les éléments',
      no: 'Garder les éléments actuels',
      applied: 'Éléments remplacés par le modèle « {{theme}} ». Enregistrez pour en faire une nouvelle version.',
    },

    items: {
      rules: 'Chaque libellé est obligatoire et compte de {{min}} à {{max}} caractères.',
      count_one: '{{count}} élément sur {{max}} au plus.',
      count_other: '{{count}} éléments sur {{max}} au plus.',
      full: 'La fiche compte {{max}} éléments, le maximum : retirez-en un pour en ajouter un autre.',
      none: 'Aucun élément.',
      label: 'Libellé de l’élément {{position}}',
      /** Read after a button's visible text ("Monter l’élément 2 (Pendant)"), so each button says which item it acts on. */
      ref: 'l’élément {{position}} ({{part}})',
      up: 'Monter',
      down: 'Descendre',
      remove: 'Retirer',
      add: 'Ajouter un élément',
      addTo: '({{part}})',
      moved: 'Élément déplacé en position {{position}} sur {{count}} ({{part}}).',
      removed: 'Élément {{position}} retiré ({{part}}).',
      /** How the error summary names an item. */
      name: '{{part}}, élément {{position}}',
    },
    parts: {
      before: 'Avant le rendez-vous',
      during: 'Pendant',
      after: 'Après',
    } satisfies Record<ChecklistPart, string>,

    save: 'Enregistrer une nouvelle version',
    discard: 'Annuler les modifications',
    discarded: 'Modifications annulées : la fiche est revenue à la version enregistrée.',
    nothingToSave: 'Aucune modification à enregistrer : la version {{version}} reste en vigueur.',
    saved: 'Version {{version}} de la fiche « {{subject}} » enregistrée. Elle servira aux prochains rendez-vous.',
    stale: {
      detail: 'Recharger affiche la dernière version enregistrée ; vos modifications en cours seront perdues. Notez-les avant de recharger si besoin.',
      reload: 'Recharger',
    },
    reloaded: 'Dernière version chargée (version {{version}}).',

    reset: {
      title: 'Revenir au modèle par défaut',
      button: 'Revenir au modèle par défaut',
      help: 'Supprime toutes les versions enregistrées de cette fiche : l’objet de rendez-vous reprend la liste par défaut de son thème.',
      alreadyDefault: 'Cet objet de rendez-vous utilise déjà le modèle par défaut.',
      inUse_one: 'Impossible : {{count}} fiche remplie garde une version de ce modèle. Enregistrez plutôt une nouvelle version.',
      inUse_other: 'Impossible : {{count}} fiches remplies gardent une version de ce modèle. Enregistrez plutôt une nouvelle version.',
      question: 'Revenir au modèle par défaut pour « {{subject}} » ?',
      detail: 'Toutes les versions enregistrées de cette fiche seront supprimées, ainsi que les modifications en cours. Cette action est définitive.',
      yes: 'Revenir au modèle par défaut',
      no: 'Garder cette fiche',
      done: 'La fiche « {{subject}} » est revenue au modèle par défaut.',
    },

    errors: {
      labelTooShort: 'trop court : {{min}} caractères au moins',
      labelTooLong: 'trop long : {{max}} caractères au plus',
      id: 'identifiant interne {{reason}} : retirez cet élément puis ajoutez-le de nouveau',
      noItems: 'La fiche doit compter au moins un élément : ajoutez-en un avant d’enregistrer.',
      tooMany: 'La fiche compte plus de {{max}} éléments : retirez-en avant d’enregistrer.',
    },
    /** Fields other than the items, as the error summary names them. */
    fieldNames: {
      theme: 'Modèle',
      items: 'Éléments',
      baseVersion: 'Version',
    },
    themes: {
      papiers: 'Papiers d’identité',
      impots: 'Impôts',
      logement: 'Logement',
      travail: 'Travail et emploi',
      social: 'Social et santé',
      etrangers: 'Étrangers',
      famille: 'Famille',
      transports: 'Transports et permis',
      justice: 'Justice',
      argent: 'Argent et budget',
    } satisfies Record<TemplateTheme, string>,
  },
};
