/**
 * The facilitator's digital support around a consultation: checklist, consent, autonomy, equipment
 * and themes. Shared by the server (validation, export) and the client (forms, the agent's summary).
 *
 * NOTE: autonomy, equipment, themes and redirection use the values of the digital-mediation activity
 * record of La Coop de la médiation numérique (ANCT), "aide aux démarches administratives", so an
 * export can be taken into it without typing anything twice.
 */

/** The three moments of a consultation a checklist item belongs to. */
export const CHECKLIST_PARTS = ['before', 'during', 'after'] as const;
export type ChecklistPart = (typeof CHECKLIST_PARTS)[number];

/** An item is done, not applicable, or not done (the initial state). */
export const ITEM_STATES = ['done', 'not_applicable', 'not_done'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export const ITEM_LABEL_MAX = 160;
export const ITEM_COMMENT_MAX = 200;
export const TEMPLATE_ITEMS_MAX = 40;
export const SUPPORT_NOTES_MAX = 2000;
/** Item ids are short slugs, stable from one template version to the next. */
export const ITEM_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

export interface ChecklistItem {
  id: string;
  part: ChecklistPart;
  label: string;
}

/** The themes a template starts from (the subjects of France Services' remote consultations). */
export const TEMPLATE_THEMES = [
  'papiers',
  'impots',
  'logement',
  'travail',
  'social',
  'etrangers',
  'famille',
  'transports',
  'justice',
  'argent',
] as const;
export type TemplateTheme = (typeof TEMPLATE_THEMES)[number];

/** Support themes: the administrative-procedure themes of the mediation activity record. */
export const SUPPORT_THEMES = [
  'papiers_elections_citoyennete',
  'famille_scolarite',
  'social_sante',
  'travail_formation',
  'logement',
  'transports_mobilite',
  'argent_impots',
  'justice',
  'etrangers_europe',
  'loisirs_sports_culture',
] as const;
export type SupportTheme = (typeof SUPPORT_THEMES)[number];

/** The themes' French names, as the mediation activity record writes them (checklist and statistics). */
export const SUPPORT_THEME_LABELS_FR: Record<SupportTheme, string> = {
  papiers_elections_citoyennete: 'Papiers – élections, citoyenneté',
  famille_scolarite: 'Famille – scolarité',
  social_sante: 'Social – santé',
  travail_formation: 'Travail – formation',
  logement: 'Logement',
  transports_mobilite: 'Transports – mobilité',
  argent_impots: 'Argent – impôts',
  justice: 'Justice',
  etrangers_europe: 'Étrangers – Europe',
  loisirs_sports_culture: 'Loisirs – sports, culture',
};

/** The support theme a template theme is recorded under (a consultation's default themes). */
export const SUPPORT_THEME_OF: Record<TemplateTheme, SupportTheme> = {
  papiers: 'papiers_elections_citoyennete',
  impots: 'argent_impots',
  logement: 'logement',
  travail: 'travail_formation',
  social: 'social_sante',
  etrangers: 'etrangers_europe',
  famille: 'famille_scolarite',
  transports: 'transports_mobilite',
  justice: 'justice',
  argent: 'argent_impots',
};

export const AUTONOMY_LEVELS = ['entierement_accompagne', 'partiellement_autonome', 'autonome'] as const;
export type Autonomy = (typeof AUTONOMY_LEVELS)[number];

export const EQUIPMENT = ['ordinateur', 'telephone', 'tablette', 'autre', 'aucun'] as const;
export type Equipment = (typeof EQUIPMENT)[number];

export const REDIRECTIONS = [
  'operateur_ou_organisme_en_charge',
  'aide_aux_demarches_administratives',
  'administration',
  'mediation_numerique',
  'autre',
] as const;
export type Redirection = (typeof REDIRECTIONS)[number];

/** What the citizen agrees to, each shown with a versioned text. */
export const CONSENT_KINDS = ['video', 'documents', 'facilitator_presence'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/**
 * The texts read to or by the citizen. A new wording gets a new version: a consent is recorded with
 * the version shown, and one given on an older text is refused (the facilitator reads the new one).
 */
export const CONSENT_TEXTS: Record<ConsentKind, { version: string; text: string }> = {
  video: {
    version: '2026-12-03',
    text:
      "J’accepte d’échanger par vidéo avec un agent de l’administration. Rien n’est enregistré, ni l’image ni le son. Je peux arrêter à tout moment.",
  },
  documents: {
    version: '2026-12-03',
    text:
      "J’accepte que des documents soient échangés avec l’agent pendant le rendez-vous. Seuls l’agent et l’animateur peuvent les voir. Ils sont protégés et effacés automatiquement quelques semaines après.",
  },
  facilitator_presence: {
    version: '2026-12-03',
    text: "J’accepte que l’animateur France Services reste avec moi pendant le rendez-vous. Je peux lui demander de sortir à tout moment.",
  },
};

/** One consent as recorded: who collected it, when, on which text; revoked or not. */
export interface ConsentView {
  kind: ConsentKind;
  textVersion: string;
  grantedAt: string;
  collectedBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

/** The fields of a support record other than the checklist's answers, each changed (and checked for conflicts) on its own. */
export const SUPPORT_FIELDS = ['facilitatorPresent', 'autonomy', 'equipment', 'themes', 'redirection', 'notes'] as const;
export type SupportField = (typeof SUPPORT_FIELDS)[number];

export interface ItemAnswer {
  state: ItemState;
  comment: string;
}

/** The checklist of one consultation as the agent needs it before admitting the citizen. */
export interface SupportSummaryInput {
  items: ReadonlyArray<ChecklistItem & { answer: ItemAnswer | null }>;
  consents: ReadonlyArray<Pick<ConsentView, 'kind' | 'revokedAt'>>;
  facilitatorPresent: boolean | null;
}

export interface SupportSummary {
  /** The "before" items all done or not applicable. */
  papersReady: boolean;
  /** Consent to the video consultation given and not revoked. */
  consentGiven: boolean;
  facilitatorPresent: boolean | null;
  /** "Before" items not done yet: what the agent should know before admitting. */
  notReady: string[];
  /** Items answered (done or not applicable) out of all items. */
  answered: number;
  total: number;
}

const isAnswered = (answer: ItemAnswer | null) => answer !== null && answer.state !== 'not_done';

/** One definition of the checklist's state, for the agent's one line and the facilitator's desk. */
export function summarizeSupport(input: SupportSummaryInput): SupportSummary {
  const before = input.items.filter((item) => item.part === 'before');
  const notReady = before.filter((item) => !isAnswered(item.answer)).map((item) => item.label);
  return {
    papersReady: notReady.length === 0,
    consentGiven: input.consents.some((c) => c.kind === 'video' && c.revokedAt === null),
    facilitatorPresent: input.facilitatorPresent,
    notReady,
    answered: input.items.filter((item) => isAnswered(item.answer)).length,
    total: input.items.length,
  };
}
