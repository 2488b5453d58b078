/** The sign-in page's query parameter naming the page to go back to once signed in. */
export const RETURN_PARAM = 'retour';

/**
 * Where to go once signed in: a path of this site only (`/coordination/absences?semaine=…`), never
 * another site (`//evil.example`, `https://…`, `/\evil.example`: browsers read a backslash as a
 * slash and drop tabs and newlines, so both are refused anywhere), nor the sign-in page or the API.
 * Null when `value` is not such a path. The client and the OIDC callback apply the same rule.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 1000) return null;
  if (!value.startsWith('/') || value.startsWith('//')) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  const path = value.split(/[?#]/, 1)[0]!;
  if (path === '/connexion' || path.startsWith('/api/')) return null;
  return value;
}
