import type { TFunction } from 'i18next';
import type { SupportSummary } from '@shared/support/support';

/**
 * The checklist's state in one line, the same words on the agent's lobby banner, in the call and on
 * the facilitator's desk: "Pièces prêtes · consentement recueilli · animateur présent".
 */
export function supportLine(t: TFunction, s: Pick<SupportSummary, 'papersReady' | 'consentGiven' | 'facilitatorPresent' | 'total'>): string {
  const parts = [
    s.total === 0 ? null : t(s.papersReady ? 'support.line.papersReady' : 'support.line.papersMissing'),
    t(s.consentGiven ? 'support.line.consentGiven' : 'support.line.consentMissing'),
    s.facilitatorPresent === null ? null : t(s.facilitatorPresent ? 'support.line.facilitatorPresent' : 'support.line.facilitatorAbsent'),
  ];
  const line = parts.filter((p): p is string => p !== null).join(' · ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}
