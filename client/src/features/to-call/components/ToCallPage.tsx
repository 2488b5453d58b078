import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayPhone } from '@shared/sms/phone';
import { ErrorSummary } from '../../../components/error-summary';
import { describeError } from '../../../lib/api-errors';
import { whenLabel } from '../../../lib/paris-time';
import { useApi } from '../../../lib/use-api';
import { listToCall, ToCallItem } from '../api/list-to-call';
import { markCalled } from '../api/mark-called';

const PAGE_SIZE = 50;
const SEVERITY = { booked: 'info', rescheduled: 'new', cancelled: 'warning' } as const;

/**
 * Citizens no SMS or e-mail could tell of a booking, a move or a cancellation: whom to call, on which
 * number, and what to say (the message they would have received). "Appelé" takes the line off, for
 * everyone (the coordination and the MSAP share the list).
 */
export function ToCallPage({ nav }: { nav: ReactNode }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useApi(() => listToCall(page, PAGE_SIZE), [page]);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));

  const called = async (item: ToCallItem) => {
    setBusy(item.id);
    setError(null);
    try {
      await markCalled(item.id);
      setStatus(t('citizenMessages.toCall.done', { name: item.citizenName }));
    } catch (err) {
      // Already marked by someone else: the list is refreshed all the same.
      setError(describeError(t, err).summary);
    } finally {
      setBusy(null);
      list.reload();
      // The button is gone with its line: the focus goes to what happened.
      statusRef.current?.focus();
    }
  };

  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('citizenMessages.toCall.title')}</h1>
      {nav}
      <p>{t('citizenMessages.toCall.intro')}</p>
      <ErrorSummary message={error} />
      <p role="status" aria-live="polite" tabIndex={-1} ref={statusRef} data-testid="to-call-status">
        {status}
      </p>
      {list.error ? <p role="alert">{describeError(t, list.error).summary}</p> : null}
      {list.data && list.data.items.length === 0 && <p>{t('citizenMessages.toCall.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <div className="fr-table fr-table--bordered">
          <table data-testid="to-call-list">
            <caption>{t('citizenMessages.toCall.caption', { total: list.data.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('citizenMessages.toCall.columns.when')}</th>
                <th scope="col">{t('citizenMessages.toCall.columns.citizen')}</th>
                <th scope="col">{t('citizenMessages.toCall.columns.phone')}</th>
                <th scope="col">{t('citizenMessages.toCall.columns.what')}</th>
                <th scope="col">{t('citizenMessages.toCall.columns.action')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    {whenLabel(item.startsAt)}
                    <br />
                    <span className="fr-text--xs">
                      {item.msapSiteName}, {item.boothName} · {item.administration}
                    </span>
                  </td>
                  <th scope="row">{item.citizenName}</th>
                  <td>{item.phone ? <a href={`tel:${item.phone}`}>{displayPhone(item.phone)}</a> : <em>{t('citizenMessages.toCall.noPhone')}</em>}</td>
                  <td style={{ maxWidth: '30rem' }}>
                    <Badge severity={SEVERITY[item.event as keyof typeof SEVERITY] ?? 'info'} small>
                      {t(`citizenMessages.toCall.events.${item.event}`, { defaultValue: item.event })}
                    </Badge>
                    <p className="fr-text--sm fr-mt-1w fr-mb-0" style={{ whiteSpace: 'pre-wrap' }}>
                      {item.message}
                    </p>
                    {item.earlier > 0 && <p className="fr-text--xs fr-mb-0">{t('citizenMessages.toCall.earlier', { count: item.earlier })}</p>}
                  </td>
                  <td>
                    <Button
                      size="small"
                      iconId="fr-icon-phone-line"
                      disabled={busy !== null}
                      nativeButtonProps={{ 'aria-label': t('citizenMessages.toCall.calledLabel', { name: item.citizenName, when: whenLabel(item.startsAt) }) }}
                      onClick={() => void called(item)}
                    >
                      {t('citizenMessages.toCall.called')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label={t('citizenMessages.toCall.page', { page, pages })} className="fr-mt-2w">
          <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
            <li>
              <Button size="small" priority="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t('citizenMessages.toCall.previous')}
              </Button>
            </li>
            <li>
              <span className="fr-mx-2w">{t('citizenMessages.toCall.page', { page, pages })}</span>
            </li>
            <li>
              <Button size="small" priority="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                {t('citizenMessages.toCall.next')}
              </Button>
            </li>
          </ul>
        </nav>
      )}
    </div>
  );
}
