import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { whenLabel } from '../lib/paris-time';

/** The nearest free slot offered for a booking (GET /api/consultations/:id/proposed-slot). */
export interface SlotOffer {
  startsAt: string;
  agentName: string;
  boothName: string;
  sameAgent: boolean;
}

/**
 * "Proposer un autre créneau", once the slot is found: what it is, and book it or not. Shared by the
 * absences page and the schedule pages (each books through its own API call). The button pressed
 * gives way to the proposal: the focus goes to its text, so that it is read next.
 */
export function SlotProposal({ proposal, busy, onCancel, onConfirm }: { proposal: SlotOffer; busy: boolean; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  const text = useRef<HTMLParagraphElement>(null);
  useEffect(() => text.current?.focus(), [proposal]);
  return (
    <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w" data-testid="slot-proposal">
      <p ref={text} tabIndex={-1}>
        {t(proposal.sameAgent ? 'slotProposal.text' : 'slotProposal.textColleague', { when: whenLabel(proposal.startsAt), agent: proposal.agentName, booth: proposal.boothName })}
      </p>
      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mt-1w">
        <li>
          <Button size="small" priority="secondary" disabled={busy} onClick={onCancel}>
            {t('slotProposal.cancel')}
          </Button>
        </li>
        <li>
          <Button size="small" disabled={busy} onClick={onConfirm}>
            {t('slotProposal.confirm')}
          </Button>
        </li>
      </ul>
    </div>
  );
}
