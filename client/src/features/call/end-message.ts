import type { TFunction } from 'i18next';
import type { CallEndReason, RefusalReason } from '@shared/signalling/protocol';

/** What the end screens say once a call is over for this person, or could not be entered. */
export function callEndMessage(t: TFunction, status: 'ended' | 'refused', reason: CallEndReason | null): string {
  if (status === 'refused') return t(`call.refused.${(reason ?? 'forbidden') as RefusalReason}`);
  return reason === 'left' ? t('call.left') : t('call.ended');
}
