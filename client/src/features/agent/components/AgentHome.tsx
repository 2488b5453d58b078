import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { dayLabel, parisDayRange, timeOf, todayInParis } from '../../../lib/paris-time';
import { useApi } from '../../../lib/use-api';
import { awaitsOutcome, isOpen, listConsultations, STATUS_SEVERITY } from '../../../lib/consultations';
import { BoothMessageForm } from '../../call/components/BoothMessageForm';
import { ConsultationAction } from './ConsultationAction';
import { useJoinWindow } from '../hooks/use-join-window';
import { listDeskMessages } from '../api/desk-messages';
import { useEffect } from 'react';
import { useServerEvents } from '../../../lib/use-desk-events';

/** The home page is left open between calls: messages come live, and are read again this often whatever is heard. */
const MESSAGES_POLL_MS = 60_000;

export function AgentHome() {
  const { t } = useTranslation();
  const join = useJoinWindow();
  const range = parisDayRange();
  const { data, error } = useApi(() => listConsultations(range.from, range.to), [range.from, range.to]);
  const pending = (data ?? []).filter((c) => awaitsOutcome(c));
  const messages = useApi(listDeskMessages, []);
  const reloadMessages = messages.reload;
  useEffect(() => {
    const timer = setInterval(reloadMessages, MESSAGES_POLL_MS);
    return () => clearInterval(timer);
  }, [reloadMessages]);
  useServerEvents('/api/desk-messages/events', reloadMessages);
  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('agent.title')}</h1>
      <p>{dayLabel(todayInParis())}</p>
      <p>
        <Link className="fr-link" to="/verification">
          {t('agent.check')}
        </Link>
      </p>
      <p>
        <Link className="fr-link" to="/agent/agenda">
          {t('agenda.title')}
        </Link>
      </p>
      <p>
        <Link className="fr-link" to="/agent/statistiques">
          {t('stats.nav')}
        </Link>
      </p>
      {error ? <p role="alert">{t('common.error')}</p> : null}
      {pending.length > 0 && (
        <div className="fr-alert fr-alert--warning fr-mb-3w" data-testid="outcome-reminder">
          <p>{t('outcome.pending', { count: pending.length })}</p>
        </div>
      )}
      {data && data.length === 0 && <p>{t('agent.none')}</p>}
      {data && data.length > 0 && (
        <ul className="fr-raw-list">
          {data.map((c) => (
            <li key={c.id} className="fr-mb-2w">
              <strong>
                {timeOf(c.startsAt)} – {timeOf(c.endsAt)}
              </strong>{' '}
              {[c.citizen.name, c.subject ?? c.administrationName].filter(Boolean).join(' · ')}{' '}
              <Badge severity={STATUS_SEVERITY[c.status]} small noIcon>
                {t(`consultation.status.${c.status}`)}
              </Badge>{' '}
              <ConsultationAction consultation={c} joinWindow={join.window} joinFailed={join.failed} />
              <p className="fr-text--sm fr-mb-0" data-testid="agent-row-context">
                {t('agentHomeRow.place', { site: c.msapSiteName, booth: c.boothName })} ·{' '}
                {c.papers.length > 0 ? t('agentHomeRow.papers', { list: c.papers.join(', ') }) : t('agentHomeRow.noPapers')}
              </p>
              {isOpen(c.status) && (
                <details className="fr-mt-1w">
                  <summary>{t('boothMessage.open')}</summary>
                  <BoothMessageForm consultationId={c.id} />
                </details>
              )}
              {messages.data
                ?.filter((m) => m.consultationId === c.id)
                .map((m) => (
                  <p key={m.id} className="fr-alert fr-alert--info fr-alert--sm fr-mt-1w" role="status" data-testid="agent-desk-message">
                    {t('agent.deskMessage', { name: m.senderName, time: timeOf(m.createdAt), body: m.body })}
                  </p>
                ))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
