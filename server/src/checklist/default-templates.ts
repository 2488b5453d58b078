import { ChecklistItem, TemplateTheme } from '../../../shared/support/support';

/**
 * The checklists a consultation type starts with until its coordinator edits its own: what a France
 * Services facilitator checks before, during and after a remote consultation on each theme.
 * Item ids are stable: an edited template keeps the ids of the items it keeps.
 */
const BEFORE: ChecklistItem[] = [
  { id: 'identite', part: 'before', label: 'Pièce d’identité en cours de validité' },
  { id: 'justificatifs', part: 'before', label: 'Justificatifs demandés prêts (liste du rendez-vous)' },
  { id: 'contact', part: 'before', label: 'Adresse e-mail et téléphone de l’usager disponibles' },
  { id: 'documents-envoi', part: 'before', label: 'Documents préparés pour l’envoi (photographiés ou numérisés)' },
];

const DURING: ChecklistItem[] = [
  { id: 'son-image', part: 'during', label: 'L’usager voit et entend bien l’agent' },
  { id: 'documents-envoyes', part: 'during', label: 'Documents envoyés à l’agent et reçus' },
];

const AFTER: ChecklistItem[] = [
  { id: 'prochaine-etape', part: 'after', label: 'Prochaine étape convenue avec l’usager' },
  { id: 'orientation', part: 'after', label: 'Orientation vers un autre service si besoin' },
  { id: 'copie-remise', part: 'after', label: 'Copie des documents reçus remise à l’usager' },
];

/** What each theme adds before the call: the accounts and papers its procedures need. */
const THEME_BEFORE: Record<TemplateTheme, ChecklistItem[]> = {
  papiers: [
    { id: 'compte-ants', part: 'before', label: 'Accès au compte ANTS (FranceConnect)' },
    { id: 'photo-identite', part: 'before', label: 'Photo d’identité ou code e-photo' },
    { id: 'justificatif-domicile', part: 'before', label: 'Justificatif de domicile de moins d’un an' },
  ],
  impots: [
    { id: 'compte-impots', part: 'before', label: 'Accès à l’espace particulier impots.gouv.fr (FranceConnect)' },
    { id: 'numero-fiscal', part: 'before', label: 'Numéro fiscal et dernier avis d’imposition' },
  ],
  logement: [
    { id: 'compte-caf', part: 'before', label: 'Accès au compte CAF ou MSA' },
    { id: 'bail-quittance', part: 'before', label: 'Bail, dernière quittance ou attestation d’hébergement' },
  ],
  travail: [
    { id: 'compte-france-travail', part: 'before', label: 'Accès à l’espace France Travail' },
    { id: 'attestations-employeur', part: 'before', label: 'Attestations employeur et derniers bulletins de salaire' },
  ],
  social: [
    { id: 'compte-ameli', part: 'before', label: 'Accès au compte ameli, CAF ou MSA' },
    { id: 'ressources', part: 'before', label: 'Justificatifs de ressources des trois derniers mois' },
  ],
  etrangers: [
    { id: 'compte-anef', part: 'before', label: 'Accès au compte ANEF (administration numérique des étrangers)' },
    { id: 'titre-sejour', part: 'before', label: 'Titre de séjour ou récépissé en cours' },
    { id: 'passeport', part: 'before', label: 'Passeport' },
  ],
  famille: [
    { id: 'livret-famille', part: 'before', label: 'Livret de famille ou actes de naissance' },
    { id: 'compte-caf-famille', part: 'before', label: 'Accès au compte CAF' },
  ],
  transports: [
    { id: 'compte-ants-vehicule', part: 'before', label: 'Accès au compte ANTS (FranceConnect)' },
    { id: 'certificat-immatriculation', part: 'before', label: 'Certificat d’immatriculation ou permis de conduire' },
  ],
  justice: [
    { id: 'decision-courrier', part: 'before', label: 'Décision, convocation ou courrier reçu' },
    { id: 'ressources-aide', part: 'before', label: 'Justificatifs de ressources (aide juridictionnelle)' },
  ],
  argent: [
    { id: 'releves-bancaires', part: 'before', label: 'Derniers relevés de compte' },
    { id: 'courriers-creanciers', part: 'before', label: 'Courriers des créanciers ou de la Banque de France' },
  ],
};

export function defaultItems(theme: TemplateTheme): ChecklistItem[] {
  return [...BEFORE, ...THEME_BEFORE[theme], ...DURING, ...AFTER];
}

/** Words of a consultation type's subject or administration that point to a theme (first match wins). */
const THEME_HINTS: ReadonlyArray<[TemplateTheme, RegExp]> = [
  ['etrangers', /s[ée]jour|[ée]tranger|naturalisation|asile|ANEF/i],
  ['impots', /imp[ôo]t|fiscal|DGFIP|taxe|finances publiques/i],
  ['transports', /permis|carte grise|immatriculation|v[ée]hicule|transport/i],
  ['papiers', /identit[ée]|passeport|CNI|[ée]tat civil|papiers|[ée]lection/i],
  ['logement', /logement|loyer|APL|habitat|DDT/i],
  ['travail', /travail|emploi|ch[ôo]mage|DREETS|DDETS|formation/i],
  ['famille', /famille|naissance|mariage|pacs|scolarit/i],
  ['justice', /justice|tribunal|plainte|casier|juridiction/i],
  ['argent', /surendettement|banque|cr[ée]dit|budget/i],
  ['social', /social|sant[ée]|RSA|handicap|retraite|CAF|CPAM/i],
];

/** The theme a type's checklist starts from when nobody chose one. */
export function guessTheme(subject: string, administration: string): TemplateTheme {
  const text = `${subject} ${administration}`;
  return THEME_HINTS.find(([, pattern]) => pattern.test(text))?.[0] ?? 'papiers';
}
