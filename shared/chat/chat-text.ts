import { CHAT_MAX_LENGTH } from '../signalling/protocol';

/** Why a chat text is refused: the server answers VALIDATION_FAILED, the client says which in French. */
export type ChatTextProblem = 'empty' | 'too_long' | 'control_characters';

/**
 * C0 and C1 control characters and DEL, except the line feed: they are invisible, can break the
 * page's layout or a terminal that reads the logs, and no keyboard types them.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/**
 * Invisible formatting characters: bidi embeddings, overrides and isolates (U+202A–202E,
 * U+2066–2069) reorder what follows, so a message can show other words than it holds; zero-width
 * spaces, non-joiners, marks and word joiners (U+200B–200F, U+2060, U+FEFF) hide inside words. No
 * keyboard types them on purpose. The zero-width joiner is kept only before a pictograph: phone
 * keyboards put it inside emoji sequences (👩‍🦯), where it shows as one picture.
 */
const INVISIBLE_FORMATTING = /[\u200b\u200c\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]|\u200d(?!\p{Extended_Pictographic})/u;

/** Whether a text holds an invisible formatting character: every text one person writes to another here refuses them. */
export const hasInvisibleFormatting = (text: string): boolean => INVISIBLE_FORMATTING.test(text);

/**
 * A chat text as it is stored: line ends made "\n", surrounding blanks trimmed; or why it is
 * refused. Server and client apply the same rule, so the client can say what is wrong before
 * sending. Length counts characters (code points), like PostgreSQL's char_length in the table's check.
 * HTML is not a problem here: the text is stored and shown as plain text, never interpreted.
 */
export function normaliseChatText(raw: string): { text: string } | { problem: ChatTextProblem } {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (text === '') return { problem: 'empty' };
  if (CONTROL.test(text) || hasInvisibleFormatting(text)) return { problem: 'control_characters' };
  if ([...text].length > CHAT_MAX_LENGTH) return { problem: 'too_long' };
  return { text };
}
