import { useTranslation } from 'react-i18next';
import { supportLine } from '../../../lib/support-summary';
import { useApi } from '../../../lib/use-api';
import { getSupport } from '../api/support';

/**
 * What the agent knows of the citizen's preparation before admitting them: the checklist in one
 * line, and the items not ready. Read again whenever the facilitator changes it (`version`).
 */
export function SupportLine({ consultationId, version, place }: { consultationId: string; version: number; place: 'lobby' | 'call' }) {
  const { t } = useTranslation();
  const { data } = useApi(() => getSupport(consultationId), [consultationId, version]);
  if (!data) return null;
  const { summary } = data;
  return (
    <div className={place === 'call' ? 'fr-callout fr-p-2w fr-mb-2w' : 'fr-mb-1w'} data-testid="support-summary" data-place={place}>
      {place === 'call' && <p className="fr-text--bold fr-mb-1v">{t('support.agentTitle')}</p>}
      <p className="fr-mb-1v" data-testid="support-line">
        {supportLine(t, summary)}
      </p>
      {summary.notReady.length > 0 && (
        <p className="fr-text--sm fr-mb-0" data-testid="support-not-ready">
          {t('support.notReady', { items: summary.notReady.join(', ') })}
        </p>
      )}
      {place === 'call' && data.notes && <p className="fr-text--sm fr-mt-1w fr-mb-0">{t('support.notesFor', { notes: data.notes })}</p>}
    </div>
  );
}
