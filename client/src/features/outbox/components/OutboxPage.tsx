import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../lib/use-api';
import { describeError } from '../../../lib/api-errors';
import { CoordinatorNav } from '../../../components/coordinator-nav';
import { whenLabel } from '../../../lib/paris-time';
import { listOutbox, OutboxItem } from '../api/list-outbox';

const PAGE_SIZE = 50;
const SEVERITY = { pending: 'info', sending: 'info', sent: 'success', failed: 'error' } as const;
const STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
const CHANNELS = ['sms', 'email', 'agent_email'] as const;

/** "reminder_2d" → the reminder label; others by name. */
const eventKey = (event: string) => (event.startsWith('reminder_') ? 'reminder' : event);

/** The local outbox: every message written for citizens and agents, newest first, with its state. */
export function OutboxPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState('');
  const [channel, setChannel] = useState('');
  const outbox = useApi(() => listOutbox({ page, pageSize: PAGE_SIZE, status: status || undefined, channel: channel || undefined }), [page, status, channel]);
  const pages = Math.max(1, Math.ceil((outbox.data?.total ?? 0) / PAGE_SIZE));

  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('outbox.title')}</h1>
      <CoordinatorNav />
      <p>{t('outbox.intro')}</p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-6 fr-col-md-3">
          <Select
            label={t('outbox.status')}
            nativeSelectProps={{
              value: status,
              onChange: (e) => {
                setStatus(e.target.value);
                setPage(1);
              },
            }}
          >
            <option value="">{t('scheduling.fields.any')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`outbox.statuses.${s}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-6 fr-col-md-3">
          <Select
            label={t('outbox.channel')}
            nativeSelectProps={{
              value: channel,
              onChange: (e) => {
                setChannel(e.target.value);
                setPage(1);
              },
            }}
          >
            <option value="">{t('scheduling.fields.any')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`outbox.channels.${c}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-3" style={{ alignSelf: 'flex-end' }}>
          <Button priority="secondary" iconId="fr-icon-refresh-line" onClick={outbox.reload}>
            {t('common.retry')}
          </Button>
        </div>
      </div>
      <p role="status" aria-live="polite" className="fr-sr-only">
        {outbox.data ? t('outbox.loaded', { total: outbox.data.total }) : ''}
      </p>
      {outbox.error ? <p role="alert">{describeError(t, outbox.error).summary}</p> : null}
      {outbox.data && outbox.data.items.length === 0 && <p>{t('outbox.empty')}</p>}
      {outbox.data && outbox.data.items.length > 0 && (
        <div className="fr-table fr-table--bordered">
          <table data-testid="outbox">
            <caption>{t('outbox.caption', { total: outbox.data.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outbox.columns.date')}</th>
                <th scope="col">{t('outbox.columns.recipient')}</th>
                <th scope="col">{t('outbox.columns.channel')}</th>
                <th scope="col">{t('outbox.columns.event')}</th>
                <th scope="col">{t('outbox.columns.text')}</th>
                <th scope="col">{t('outbox.columns.status')}</th>
              </tr>
            </thead>
            <tbody>
              {outbox.data.items.map((m) => (
                <OutboxRow key={m.id} m={m} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={t('outbox.page', { page, pages })} className="fr-mt-2w">
        <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
          <li>
            <Button size="small" priority="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t('outbox.previous')}
            </Button>
          </li>
          <li>
            <span className="fr-mx-2w">{t('outbox.page', { page, pages })}</span>
          </li>
          <li>
            <Button size="small" priority="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              {t('outbox.next')}
            </Button>
          </li>
        </ul>
      </nav>
    </div>
  );
}

function OutboxRow({ m }: { m: OutboxItem }) {
  const { t } = useTranslation();
  return (
    <tr>
      <td>{whenLabel(m.createdAt)}</td>
      <th scope="row">
        {m.erasedAt ? <em>{t('retention.outboxErased', { when: whenLabel(m.erasedAt) })}</em> : m.recipient}
        <br />
        <span className="fr-text--xs">
          {m.consultation.citizenName} · {m.consultation.msapSiteName}
        </span>
      </th>
      <td>
        {t(`outbox.channels.${m.channel}`)}
        {m.sms && (
          <>
            <br />
            <span className="fr-text--xs">{t('outbox.segments', { segments: m.sms.segments, encoding: m.sms.encoding })}</span>
          </>
        )}
      </td>
      <td>{t(`outbox.events.${eventKey(m.event)}`, { defaultValue: m.event })}</td>
      <td style={{ whiteSpace: 'pre-wrap', maxWidth: '28rem' }}>
        {m.subject && <strong>{m.subject}</strong>}
        {m.subject && <br />}
        {m.text}
      </td>
      <td>
        <Badge severity={SEVERITY[m.status]} small>
          {t(`outbox.statuses.${m.status}`)}
        </Badge>
        {m.lastError && <span className="fr-text--xs"> {m.lastError}</span>}
      </td>
    </tr>
  );
}
