import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/confirm';
import { ErrorSummary } from '../../../components/error-summary';
import type { Administration, Site } from '../../../lib/directory';
import { whenLabel } from '../../../lib/paris-time';
import { describeAccountError } from '../account-errors';
import { disableAccount } from '../api/disable-account';
import { enableAccount } from '../api/enable-account';
import { resendInvitation } from '../api/resend-invitation';
import { sendPasswordReset } from '../api/send-password-reset';
import type { Account } from '../api/types';
import { updateAccount } from '../api/update-account';
import { AccountForm } from './AccountForm';

const SEVERITY = { active: 'success', invited: 'info', disabled: 'warning', pseudonymised: undefined } as const;

/** One account of the table; its edit form opens in a row of its own below it. */
export function AccountRow({
  account: a,
  ownAccount,
  sites,
  administrations,
  onDone,
}: {
  account: Account;
  ownAccount: boolean;
  sites: readonly Site[];
  administrations: readonly Administration[];
  onDone(message: string): void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const name = a.displayName;
  const until = (iso: string | null) => (iso ? whenLabel(iso) : '');

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await action());
    } catch (err) {
      setError(describeAccountError(t, err).summary);
    } finally {
      setBusy(false);
    }
  };

  const attachment =
    a.role === 'coordinator' && a.departement
      ? t('accounts.attachment.departement', { departement: a.departement })
      : a.role === 'facilitator' && a.msapSiteId
        ? (sites.find((s) => s.id === a.msapSiteId)?.name ?? '')
        : a.role === 'agent' && a.administrationId
          ? [administrations.find((d) => d.id === a.administrationId)?.name, a.agentTitle].filter(Boolean).join(' · ')
          : '';
  const linkLive = a.linkExpiresAt !== null && new Date(a.linkExpiresAt) > new Date();
  const methods = [a.hasPassword && t('accounts.signIn.password'), a.provider === 'oidc' && t('accounts.signIn.oidc')].filter(Boolean);

  return (
    <>
      <tr data-testid={`account-${a.email}`}>
        <th scope="row">
          {name} {ownAccount && <span className="fr-text--sm">{t('accounts.you')}</span>}
          <br />
          <span className="fr-text--xs fr-text--regular">{a.email}</span>
        </th>
        <td>
          {t(`roles.${a.role}`)}
          {attachment && (
            <>
              <br />
              <span className="fr-text--xs">{attachment}</span>
            </>
          )}
        </td>
        <td>
          <Badge small severity={SEVERITY[a.status]} noIcon={a.status === 'pseudonymised'}>
            {t(`accounts.statuses.${a.status}`)}
          </Badge>
          {a.status === 'invited' && (
            <>
              <br />
              <span className="fr-text--xs">{linkLive ? t('accounts.linkUntil', { until: until(a.linkExpiresAt) }) : t('accounts.linkExpired')}</span>
            </>
          )}
          {a.status === 'disabled' && a.disabledAt && (
            <>
              <br />
              <span className="fr-text--xs">{t('accounts.disabledSince', { when: whenLabel(a.disabledAt) })}</span>
            </>
          )}
        </td>
        <td>{methods.length > 0 ? methods.join(', ') : t('accounts.signIn.none')}</td>
        <td>
          {error && <ErrorSummary message={error} />}
          {a.status === 'pseudonymised' ? (
            <span className="fr-text--xs">{t('accounts.actions.none')}</span>
          ) : (
            <ul className="fr-btns-group fr-btns-group--sm fr-btns-group--inline fr-btns-group--icon-left">
              {!editing && (
                <li>
                  <Button ref={opener} size="small" priority="secondary" iconId="fr-icon-edit-line" nativeButtonProps={{ 'aria-label': t('accounts.actions.editAria', { name }) }} onClick={() => setEditing(true)}>
                    {t('accounts.actions.edit')}
                  </Button>
                </li>
              )}
              {a.status === 'invited' && (
                <li>
                  <Button
                    size="small"
                    priority="secondary"
                    iconId="fr-icon-mail-line"
                    disabled={busy}
                    nativeButtonProps={{ 'aria-label': t('accounts.actions.resendAria', { name }) }}
                    onClick={() => void run(async () => t('accounts.actions.resent', { email: a.email, until: until((await resendInvitation(a.id)).linkExpiresAt) }))}
                  >
                    {t('accounts.actions.resend')}
                  </Button>
                </li>
              )}
              {a.status === 'active' && (
                <li>
                  <Button
                    size="small"
                    priority="secondary"
                    iconId="fr-icon-lock-line"
                    disabled={busy}
                    nativeButtonProps={{ 'aria-label': t('accounts.actions.resetAria', { name }) }}
                    onClick={() => void run(async () => t('accounts.actions.resetSent', { email: a.email, until: until((await sendPasswordReset(a.id)).linkExpiresAt) }))}
                  >
                    {t('accounts.actions.reset')}
                  </Button>
                </li>
              )}
              {a.status === 'disabled' && (
                <li>
                  <Button
                    size="small"
                    priority="secondary"
                    iconId="fr-icon-refresh-line"
                    disabled={busy}
                    nativeButtonProps={{ 'aria-label': t('accounts.actions.enableAria', { name }) }}
                    onClick={() => void run(async () => (await enableAccount(a.id), t('accounts.actions.enabled', { name })))}
                  >
                    {t('accounts.actions.enable')}
                  </Button>
                </li>
              )}
              {a.status !== 'disabled' && !ownAccount && (
                <li>
                  <ConfirmButton
                    question={t('accounts.actions.disableQuestion', { name })}
                    detail={a.consultationsAhead > 0 ? `${t('accounts.actions.disableDetail')} ${t('accounts.actions.disableAhead', { count: a.consultationsAhead })}` : t('accounts.actions.disableDetail')}
                    confirmLabel={t('accounts.actions.disableConfirm')}
                    cancelLabel={t('accounts.actions.cancel')}
                    busy={busy}
                    onConfirm={() => void run(async () => (await disableAccount(a.id), t('accounts.actions.disabled', { name })))}
                  >
                    {(ask) => (
                      <Button size="small" priority="tertiary" iconId="fr-icon-close-circle-line" disabled={busy} nativeButtonProps={{ 'aria-label': t('accounts.actions.disableAria', { name }) }} onClick={ask}>
                        {t('accounts.actions.disable')}
                      </Button>
                    )}
                  </ConfirmButton>
                </li>
              )}
            </ul>
          )}
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={5}>
            <h3 className="fr-h6">{t('accounts.actions.editTitle', { name })}</h3>
            <AccountForm
              idPrefix={`edit-${a.id}`}
              label={t('accounts.actions.editTitle', { name })}
              initial={a}
              editing
              ownAccount={ownAccount}
              sites={sites}
              administrations={administrations}
              submitLabel={t('accounts.actions.save')}
              onCancel={() => {
                setEditing(false);
                setTimeout(() => opener.current?.focus(), 0);
              }}
              save={async ({ displayName, role, departement, msapSiteId, administrationId, agentTitle }) => {
                const saved = await updateAccount(a.id, { displayName, role, departement, msapSiteId, administrationId, agentTitle });
                setEditing(false);
                onDone(t('accounts.actions.saved', { name: saved.displayName }));
              }}
            />
          </td>
        </tr>
      )}
    </>
  );
}
