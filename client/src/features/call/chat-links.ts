/** A piece of a chat message: plain text, or a web address found in it. */
export type ChatPart = { kind: 'text'; text: string } | { kind: 'url'; text: string; href: string };

/** Candidates start with http:// or https:// and run to the next blank or character URLs never hold raw. */
const CANDIDATE = /https?:\/\/[^\s<>"'`]+/gi;
/** Sentence punctuation right after an address belongs to the sentence ("voir https://x.fr."). */
const TRAILING = /[.,;:!?)\]}»]+$/;

/**
 * Splits a message's text into text and web addresses. Only http and https addresses that parse
 * become links (never javascript:, data:, or an address with credentials): the rest stays text.
 * Rendering is React's (text nodes), so nothing here is ever HTML.
 */
export function chatParts(text: string): ChatPart[] {
  const parts: ChatPart[] = [];
  let last = 0;
  const pushText = (end: number) => {
    if (end > last) parts.push({ kind: 'text', text: text.slice(last, end) });
  };
  for (const match of text.matchAll(CANDIDATE)) {
    let candidate = match[0];
    // A closing bracket stays when the address opened one itself (Wikipedia-style addresses).
    const trailing = TRAILING.exec(candidate)?.[0] ?? '';
    candidate = candidate.slice(0, candidate.length - trailing.length);
    if (trailing.startsWith(')') && candidate.includes('(')) candidate += ')';
    const href = safeHref(candidate);
    if (!href) continue;
    pushText(match.index);
    parts.push({ kind: 'url', text: candidate, href });
    last = match.index + candidate.length;
  }
  pushText(text.length);
  return parts;
}

function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    // https://impots.gouv.fr@evil.example looks like one site and opens another.
    if (url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}
