import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayPhone } from '@shared/sms/phone';
import { useApi } from '../../../lib/use-api';
import { smsSize } from '../../../components/citizen-message';
import { describeError } from '../../../lib/api-errors';
import { CoordinatorNav } from '../../../components/coordinator-nav';
import { parisInstant, parisNextDay, whenLabel } from '../../../lib/paris-time';
import { listOutbox, OutboxItem } from '../api/list-outbox';
import { Filters, NO_FILTERS, OutboxFilters } from './OutboxFilters';

/** A page fits a tablet's screen or two; the search finds the rest. */
const PAGE_SIZE = 20;
/** A text longer than this (or of several lines) is folded under "Voir le texte". */
const SHORT_TEXT = 160;
const SEVERITY = { pending: 'info', sending: 'info', sent: 'success', failed: 'error', to_call: 'warning', called: 'success' } as const;

/** "reminder_2d" → the reminder label; others by name. */
const eventKey = (event: string) => (event.startsWith('reminder_') ? 'reminder' : event);

/**
 * The local outbox: every message written for citizens and agents, newest first, with its state;
 * searched by citizen (name, phone, e-mail), filtered, and read a page at a time (the server pages).
 */
export function OutboxPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const outbox = useApi(
    () =>
      listOutbox({
        page,
        pageSize: PAGE_SIZE,
        status: filters.status,
        channel: filters.channel,
        event: filters.event,
        q: filters.q,
        from: filters.from ? parisInstant(filters.from) : undefined,
        to: filters.to ? parisNextDay(filters.to) : undefined,
      }),
    [page, filters],
  );
  const pages = Math.max(1, Math.ceil((outbox.data?.total ?? 0) / PAGE_SIZE));
  const refused = outbox.error ? describeError(t, outbox.error, 'citizenMessages.outbox.fields') : null;
  // After "Page suivante" or "Page précédente" (which may have just become disabled), the reading
  // goes on from the top of the new page: the table's caption takes the focus once it is loaded.
  const caption = useRef<HTMLTableCaptionElement>(null);
  const [turned, setTurned] = useState(false);
  const loaded = outbox.data;
  useEffect(() => {
    if (!turned || !loaded || loaded.page !== page) return;
    caption.current?.focus();
    setTurned(false);
  }, [turned, loaded, page]);
  const turnTo = (next: number) => {
    setPage(next);
    setTurned(true);
  };

  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('outbox.title')}</h1>
      <CoordinatorNav />
      <p>{t('outbox.intro')}</p>
      <OutboxFilters
        value={filters}
        fieldErrors={refused?.fields ?? {}}
        onChange={(next) => {
          setFilters(next);
          setPage(1);
        }}
      />
      <div className="fr-mb-2w">
        <Button priority="secondary" size="small" iconId="fr-icon-refresh-line" onClick={outbox.reload}>
          {t('outbox.refresh')}
        </Button>
      </div>
      <p role="status" aria-live="polite" className="fr-sr-only">
        {outbox.data ? t('outbox.loaded', { total: outbox.data.total }) : ''}
      </p>
      {refused ? <p role="alert">{refused.summary}</p> : null}
      {outbox.data && outbox.data.items.length === 0 && <p>{t('outbox.empty')}</p>}
      {outbox.data && outbox.data.items.length > 0 && (
        <div className="fr-table fr-table--bordered">
          <table data-testid="outbox">
            <caption ref={caption} tabIndex={-1} data-testid="outbox-caption">
              {t('outbox.caption', { total: outbox.data.total })}
              {pages > 1 && <span className="fr-sr-only"> {t('outbox.page', { page, pages })}</span>}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('outbox.columns.date')}</th>
                <th scope="col">{t('outbox.columns.recipient')}</th>
                <th scope="col">{t('outbox.columns.status')}</th>
                <th scope="col">{t('outbox.columns.channel')}</th>
                <th scope="col">{t('outbox.columns.event')}</th>
                <th scope="col">{t('outbox.columns.text')}</th>
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
            <Button size="small" priority="secondary" disabled={page <= 1} onClick={() => turnTo(page - 1)}>
              {t('outbox.previous')}
            </Button>
          </li>
          <li>
            <span className="fr-mx-2w">{t('outbox.page', { page, pages })}</span>
          </li>
          <li>
            <Button size="small" priority="secondary" disabled={page >= pages} onClick={() => turnTo(page + 1)}>
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
        {m.erasedAt ? <em>{t('retention.outboxErased', { when: whenLabel(m.erasedAt) })}</em> : <Recipient m={m} />}
        <br />
        <span className="fr-text--xs">
          {m.consultation ? `${m.consultation.citizenName} · ${m.consultation.msapSiteName}` : t('accounts.outbox.aboutAccount')}
        </span>
      </th>
      <td>
        <Badge severity={SEVERITY[m.status]} small>
          {t(`outbox.statuses.${m.status}`)}
        </Badge>
        {m.lastError && (
          <p className="fr-text--xs fr-mb-0 fr-mt-1v" data-testid="outbox-error">
            {m.status === 'failed' || !m.nextAttemptAt
              ? t('outbox.providerRefused', { error: m.lastError })
              : t('outbox.providerRetry', { when: whenLabel(m.nextAttemptAt), error: m.lastError })}
          </p>
        )}
      </td>
      <td>
        {t(`outbox.channels.${m.channel}`)}
        {m.sms && (
          <>
            <br />
            <span className="fr-text--xs">{smsSize(t, m.sms)}</span>
          </>
        )}
      </td>
      <td>{m.userId ? t(`accounts.outbox.events.${m.event}`, { defaultValue: m.event }) : t(`outbox.events.${eventKey(m.event)}`, { defaultValue: m.event })}</td>
      <td style={{ maxWidth: '28rem' }}>
        <MessageText m={m} />
      </td>
    </tr>
  );
}

/** A short text as it is; a long one (an e-mail, a long SMS) folded under its subject or first words. */
function MessageText({ m }: { m: OutboxItem }) {
  const { t } = useTranslation();
  const short = !m.subject && m.text.length <= SHORT_TEXT && !m.text.includes('\n');
  if (short) return <span style={{ whiteSpace: 'pre-wrap' }}>{m.text}</span>;
  const lead = m.subject ?? `${m.text.slice(0, 80).trimEnd()}…`;
  return (
    <>
      {m.subject ? <strong>{lead}</strong> : <span>{lead}</span>}
      <details className="fr-mt-1v" data-testid="outbox-text">
        <summary className="fr-link fr-text--sm">
          {t('outbox.showText')}
          <span className="fr-sr-only"> {t('outbox.showTextOf', { recipient: m.recipient || t(`outbox.channels.${m.channel}`), when: whenLabel(m.createdAt) })}</span>
        </summary>
        <p className="fr-text--sm fr-mt-1v fr-mb-0" style={{ whiteSpace: 'pre-wrap' }}>
          {m.text}
        </p>
      </details>
    </>
  );
}

/** Where it went; a call shows the number to dial the French way, or that there is none. */
function Recipient({ m }: { m: OutboxItem }) {
  const { t } = useTranslation();
  if (m.channel !== 'call') return <>{m.recipient}</>;
  return m.recipient ? <>{displayPhone(m.recipient)}</> : <em>{t('citizenMessages.outbox.noPhone')}</em>;
}
