import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorSummary, StatusMessage } from '../../../components/error-summary';
import { FacilitatorNav } from '../../../components/facilitator-nav';
import { errorMessage } from '../../../lib/api-errors';
import { playChime, soundBlocked } from '../../../lib/chime';
import { dateOf, dayLabel, mondayOf, timeOf } from '../../../lib/paris-time';
import { supportLine } from '../../../lib/support-summary';
import { sendDeskMessage, type DeskAlert, type DeskConsultation, type DeskDay } from '../api/desk';
import { useDesk } from '../hooks/use-desk';
import { ActivityExport } from '../../../components/activity-export';

const LIVE_SEVERITY = {
  offline: 'error',
  online: 'info',
  checked: 'success',
  lobby: 'warning',
  in_call: 'new',
  ended: undefined,
  cancelled: undefined,
} as const;

const BOOTH_SEVERITY = { offline: 'error', online: 'info', checked: 'success' } as const;

/**
 * The facilitator's home: their France Services' day at a glance, live, with what needs them now.
 * `requests`: the citizens' callback requests (another feature's, composed by the routes).
 */
export function DeskPage({ requests }: { requests?: ReactNode }) {
  const { t } = useTranslation();
  const { day, error, reload, freshAlerts } = useDesk();
  const [muted, setMuted] = useState(soundBlocked);
  return (
    <div className="fr-container fr-my-3w" data-testid="desk">
      <FacilitatorNav />
      <h1 className="fr-h3 fr-mb-1w">{day ? t('desk.title', { site: day.siteName }) : t('desk.titleLoading')}</h1>
      {day && <p className="fr-mb-2w">{dayLabel(day.date)}</p>}
      {muted && (
        <p className="fr-mb-2w" data-testid="sound-blocked">
          <Button
            size="small"
            priority="secondary"
            iconId="fr-icon-volume-up-line"
            onClick={() => {
              playChime();
              setMuted(false);
            }}
          >
            {t('desk.enableSound')}
          </Button>
        </p>
      )}
      {error ? <ErrorSummary message={errorMessage(t, error)} /> : null}
      {day && (
        <>
          <Alerts day={day} fresh={freshAlerts} onSent={reload} />
          <Consultations day={day} />
          {requests}
          <Booths day={day} />
          <ActivityExport />
        </>
      )}
    </div>
  );
}

function Alerts({ day, fresh, onSent }: { day: DeskDay; fresh: Set<string>; onSent: () => void }) {
  const { t } = useTranslation();
  if (day.alerts.length === 0) return null;
  return (
    <section aria-labelledby="alerts-title" className="fr-mb-3w" data-testid="desk-alerts">
      <h2 id="alerts-title" className="fr-sr-only">
        {t('desk.alerts')}
      </h2>
      {day.alerts.map((alert) => {
        const c = day.consultations.find((x) => x.id === alert.consultationId);
        if (!c) return null;
        const isNew = fresh.has(`${alert.kind}:${alert.consultationId}`);
        return <AlertCard key={`${alert.kind}:${c.id}`} alert={alert} consultation={c} day={day} announce={isNew} onSent={onSent} />;
      })}
    </section>
  );
}

function AlertCard({ alert, consultation: c, day, announce, onSent }: { alert: DeskAlert; consultation: DeskConsultation; day: DeskDay; announce: boolean; onSent: () => void }) {
  const { t } = useTranslation();
  const [writing, setWriting] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const minutes = alert.since ? Math.max(1, Math.round((Date.now() - Date.parse(alert.since)) / 60_000)) : null;
  const text =
    alert.kind === 'lobby_wait'
      ? t('desk.alert.lobbyWait', { booth: c.boothName, minutes: minutes ?? day.settings.lobbyAlertMinutes, agent: c.agentName })
      : t('desk.alert.boothOffline', { booth: c.boothName, time: timeOf(c.startsAt) });
  return (
    <div className="fr-alert fr-alert--warning fr-mb-2w" role={announce ? 'alert' : undefined} data-testid="desk-alert" data-kind={alert.kind} data-consultation={c.id}>
      <h3 className="fr-alert__title">{text}</h3>
      <p>{t('desk.alert.who', { time: timeOf(c.startsAt), citizen: c.citizenName || t('desk.noName'), subject: c.subject ?? c.administrationName })}</p>
      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mt-1w">
        <li>
          <Button size="small" onClick={() => setWriting((w) => !w)} nativeButtonProps={{ 'aria-expanded': writing }}>
            {t('desk.alert.write', { agent: c.agentName })}
          </Button>
        </li>
        <li>
          <Link className="fr-btn fr-btn--sm fr-btn--secondary" to={`/animation/planning?semaine=${mondayOf(dateOf(c.startsAt))}&rendezvous=${c.id}`}>
            {t('desk.alert.move')}
          </Link>
        </li>
      </ul>
      {writing && (
        <MessageForm
          consultation={c}
          suggestions={alert.kind === 'lobby_wait' ? [t('desk.canned.waiting', { booth: c.boothName })] : [t('desk.canned.offline', { booth: c.boothName })]}
          onSent={() => {
            setWriting(false);
            setSent(t('desk.message.sent', { agent: c.agentName }));
            onSent();
          }}
        />
      )}
      <StatusMessage message={sent} testId="desk-message-sent" focus />
    </div>
  );
}

/** A short message to the agent, with a ready-made sentence to send as it is. */
function MessageForm({ consultation, suggestions, onSent }: { consultation: DeskConsultation; suggestions: string[]; onSent: () => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState(suggestions[0] ?? '');
  const [error, setError] = useState<unknown>(null);
  const send = async () => {
    try {
      await sendDeskMessage(consultation.id, body);
      setError(null);
      onSent();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form
      className="fr-mt-2w"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      {error ? <ErrorSummary message={errorMessage(t, error)} /> : null}
      <Input
        textArea
        label={t('desk.message.label', { agent: consultation.agentName })}
        hintText={t('desk.message.hint')}
        nativeTextAreaProps={{ value: body, maxLength: 280, rows: 2, onChange: (e) => setBody(e.target.value) }}
      />
      <Button type="submit" size="small" disabled={body.trim() === ''}>
        {t('desk.message.send')}
      </Button>
    </form>
  );
}

function Consultations({ day }: { day: DeskDay }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="day-title" className="fr-mb-4w">
      <h2 id="day-title" className="fr-h5">
        {t('desk.consultations', { count: day.consultations.filter((c) => c.status !== 'cancelled').length })}
      </h2>
      {day.consultations.length === 0 ? (
        <p>{t('desk.none')}</p>
      ) : (
        <div className="fr-table fr-table--no-caption fr-mb-0">
          <table data-testid="desk-table">
            <caption>{t('desk.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('desk.cols.time')}</th>
                <th scope="col">{t('desk.cols.booth')}</th>
                <th scope="col">{t('desk.cols.citizen')}</th>
                <th scope="col">{t('desk.cols.agent')}</th>
                <th scope="col">{t('desk.cols.support')}</th>
                <th scope="col">{t('desk.cols.state')}</th>
              </tr>
            </thead>
            <tbody>
              {day.consultations.map((c) => (
                <tr key={c.id} data-testid="desk-row" data-consultation={c.id} data-live={c.live} data-agent={c.agentConnected ? 'connected' : 'away'}>
                  <td>
                    {timeOf(c.startsAt)}–{timeOf(c.endsAt)}
                  </td>
                  <td>{c.boothName}</td>
                  <td>
                    {c.citizenName || t('desk.noName')}
                    <br />
                    <span className="fr-text--xs">{c.subject ?? c.administrationName}</span>
                  </td>
                  <td>
                    {c.agentName}
                    <br />
                    <span className="fr-text--xs">{t(c.agentConnected ? 'desk.agentConnected' : 'desk.agentAway')}</span>
                  </td>
                  <td>
                    {c.status !== 'cancelled' && (
                      <>
                        <Link
                          className="fr-link fr-text--sm"
                          to={`/animation/accompagnement/${c.id}`}
                          aria-label={t('desk.openSupportFor', { label: t('desk.support', { answered: c.support.answered, total: c.support.total }), time: timeOf(c.startsAt), booth: c.boothName })}
                        >
                          {t('desk.support', { answered: c.support.answered, total: c.support.total })}
                        </Link>
                        <br />
                        <span className="fr-text--xs" data-testid="desk-support-line">
                          {supportLine(t, c.support)}
                        </span>
                      </>
                    )}
                  </td>
                  <td>
                    <Badge severity={LIVE_SEVERITY[c.live]} small noIcon data-testid="desk-live">
                      {t(`desk.live.${c.live}`)}
                    </Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Booths({ day }: { day: DeskDay }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="booths-title" className="fr-mb-4w">
      <h2 id="booths-title" className="fr-h5">
        {t('desk.booths')}
      </h2>
      <ul className="fr-raw-list">
        {day.booths.map((b) => (
          <li key={b.id} className="fr-mb-1w" data-testid="desk-booth" data-state={b.state}>
            <strong>{b.name}</strong>{' '}
            <Badge severity={BOOTH_SEVERITY[b.state]} small noIcon>
              {t(`desk.boothState.${b.state}`)}
            </Badge>{' '}
            <span className="fr-text--sm">
              {b.lastCheck
                ? t(`desk.check.${b.lastCheck.outcome}`, { time: timeOf(b.lastCheck.at) }) +
                  (b.lastCheck.rttMs !== null ? ` · ${t('desk.check.details', { rtt: b.lastCheck.rttMs, route: t(`desk.route.${b.lastCheck.route ?? 'none'}`) })}` : '')
                : t('desk.check.never')}
            </span>
          </li>
        ))}
      </ul>
      <p className="fr-text--sm">
        <Link className="fr-link" to="/animation/cabines">
          {t('desk.manageBooths')}
        </Link>
      </p>
    </section>
  );
}
