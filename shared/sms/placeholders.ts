/**
 * The placeholders that templates and coordinators' messages may use, in French since coordinators
 * write them: "Bonjour {nom}, votre rendez-vous du {date}…". The server fills them (its values are
 * keyed by these names); the client checks a message against them as it is typed.
 */
export const PLACEHOLDER_NAMES = ['nom', 'date', 'jour', 'heure', 'msap', 'adresse', 'cabine', 'administration', 'agent', 'objet', 'documents', 'telephone'] as const;
export type PlaceholderName = (typeof PLACEHOLDER_NAMES)[number];

/** `{name}`: lower-case letters between braces. */
export const PLACEHOLDER = /\{([a-z]+)\}/g;

/** Names between braces that are not placeholders (a typo would otherwise reach citizens verbatim). */
export function unknownPlaceholders(text: string): string[] {
  const known: readonly string[] = PLACEHOLDER_NAMES;
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !known.includes(name)))];
}
