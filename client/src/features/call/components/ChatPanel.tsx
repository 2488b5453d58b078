import type { CallEngine } from '../media/call-engine';
import type { CallSnapshot } from '../media/call-state';

/** The consultation's chat beside the video (being built). */
export function ChatPanel(_props: { engine: CallEngine; snapshot: CallSnapshot }) {
  return null;
}
