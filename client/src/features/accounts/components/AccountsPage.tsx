import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { ACCOUNT_STATUSES } from '@shared/accounts/accounts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorSummary, StatusMessage } from '../../../components/error-summary';
import { errorMessage } from '../../../lib/api-errors';
import { listAdministrations, listSites } from '../../../lib/directory';
import { whenLabel } from '../../../lib/paris-time';
import { type Role, useSession } from '../../../lib/session';
import { useApi } from '../../../lib/use-api';
import { inviteAccount } from '../api/invite-account';
import { listAccounts } from '../api/list-accounts';
import type { Account } from '../api/types';
import { AccountForm } from './AccountForm';
import { AccountRow } from './AccountRow';

const ROLES: readonly Role[] = ['admin', 'coordinator', 'agent', 'facilitator'];
const PROVIDERS = ['password', 'oidc', 'none'] as const;
type ProviderFilter = (typeof PROVIDERS)[number];

const signsInWith = (a: Account, p: ProviderFilter) => (p === 'password' ? a.hasPassword : p === 'oidc' ? a.provider === 'oidc' : !a.hasPassword && !a.provider);

/** Lower case, no accents: "Hélène" is found by "helene". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * "Comptes" (admins): every account with its state and sign-in method, found by name, role, state
 * or sign-in method; people are invited by e-mail, accounts edited, disabled, enabled, and sent a
 * link to choose a new password.
 */
export function AccountsPage() {
  const { t } = useTranslation();
  const { principal } = useSession();
  const accounts = useApi(listAccounts, []);
  const sites = useApi(listSites, []);
  const administrations = useApi(listAdministrations, []);
  const [status, setStatus] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [role, setRole] = useState('');
  const [state, setState] = useState('');
  const [provider, setProvider] = useState('');
  const all = useMemo(() => accounts.data ?? [], [accounts.data]);
  const shown = useMemo(() => {
    const words = fold(search).split(/\s+/).filter(Boolean);
    return all.filter(
      (a) =>
        (!role || a.role === role) &&
        (!state || a.status === state) &&
        (!provider || signsInWith(a, provider as ProviderFilter)) &&
        words.every((w) => fold(`${a.displayName} ${a.email}`).includes(w)),
    );
  }, [all, search, role, state, provider]);
  const loadError = accounts.error ?? sites.error ?? administrations.error;
  const done = (message: string) => {
    setStatus(message);
    accounts.reload();
  };

  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('accounts.title')}</h1>
      <p>
        {t('accounts.intro')} <Link to="/coordination/messages">{t('accounts.outboxLink')}</Link>.
      </p>
      <StatusMessage message={status} focus testId="accounts-status" />
      <ErrorSummary message={loadError ? errorMessage(t, loadError) : null} />

      <section aria-labelledby="accounts-invite" className="fr-mb-6w">
        <h2 id="accounts-invite">{t('accounts.invite.title')}</h2>
        <AccountForm
          idPrefix="invite"
          label={t('accounts.invite.title')}
          sites={sites.data ?? []}
          administrations={administrations.data ?? []}
          submitLabel={t('accounts.invite.submit')}
          save={async ({ email, displayName, role: r, departement, msapSiteId, administrationId, agentTitle }) => {
            const created = await inviteAccount({ email, displayName, role: r, departement, msapSiteId, administrationId, agentTitle });
            done(t('accounts.invite.sent', { email: created.email, until: created.linkExpiresAt ? whenLabel(created.linkExpiresAt) : '' }));
          }}
        />
      </section>

      <section aria-labelledby="accounts-list">
        <h2 id="accounts-list">{t('accounts.caption', { count: all.length })}</h2>
        <fieldset className="fr-fieldset" aria-labelledby="accounts-filters">
          <legend className="fr-fieldset__legend fr-text--regular" id="accounts-filters">
            {t('accounts.filters.legend')}
          </legend>
          <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
            <Input label={t('accounts.filters.search')} nativeInputProps={{ type: 'search', value: search, onChange: (e) => setSearch(e.target.value) }} />
          </div>
          <div className="fr-fieldset__element fr-col-12 fr-col-md-3">
            <Select label={t('accounts.filters.role')} nativeSelectProps={{ value: role, onChange: (e) => setRole(e.target.value) }}>
              <option value="">{t('accounts.filters.any')}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-fieldset__element fr-col-6 fr-col-md-2">
            <Select label={t('accounts.filters.status')} nativeSelectProps={{ value: state, onChange: (e) => setState(e.target.value) }}>
              <option value="">{t('accounts.filters.any')}</option>
              {ACCOUNT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`accounts.statuses.${s}`)}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-fieldset__element fr-col-6 fr-col-md-3">
            <Select label={t('accounts.filters.provider')} nativeSelectProps={{ value: provider, onChange: (e) => setProvider(e.target.value) }}>
              <option value="">{t('accounts.filters.any')}</option>
              {PROVIDERS.map((p) => (
                <option key={p} value={p}>
                  {t(`accounts.filters.providers.${p}`)}
                </option>
              ))}
            </Select>
          </div>
        </fieldset>
        <p role="status" aria-live="polite" className="fr-text--sm">
          {accounts.data ? t('accounts.filters.count', { count: shown.length, total: all.length }) : ''}
        </p>
        {accounts.data && shown.length === 0 && <p>{t('accounts.filters.none')}</p>}
        {shown.length > 0 && (
          <div className="fr-table fr-table--no-caption">
            <table data-testid="accounts">
              <caption>{t('accounts.caption', { count: shown.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('accounts.columns.person')}</th>
                  <th scope="col">{t('accounts.columns.role')}</th>
                  <th scope="col">{t('accounts.columns.status')}</th>
                  <th scope="col">{t('accounts.columns.signIn')}</th>
                  <th scope="col">{t('accounts.columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((a) => (
                  <AccountRow
                    key={a.id}
                    account={a}
                    ownAccount={principal?.kind === 'user' && principal.userId === a.id}
                    sites={sites.data ?? []}
                    administrations={administrations.data ?? []}
                    onDone={done}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
