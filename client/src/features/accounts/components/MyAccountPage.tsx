import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, StatusMessage } from '../../../components/error-summary';
import { fieldState } from '../../../components/form-fields';
import { ApiError } from '../../../lib/api';
import { errorMessage, type ShownError } from '../../../lib/api-errors';
import { useApi } from '../../../lib/use-api';
import { describeAccountError, formError, newPasswordProblems, requiredMessage } from '../account-errors';
import { changePassword } from '../api/change-password';
import { getMyAccount } from '../api/get-my-account';
import { NewPasswordFields } from './NewPasswordFields';

/** "Mon compte": who I am signed in as, and my password to change (the current one first). */
export function MyAccountPage() {
  const { t } = useTranslation();
  const account = useApi(getMyAccount, []);
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const me = account.data;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    const problems = formError(t, [...(current ? [] : [['currentPassword', requiredMessage(t)] as [string, string]]), ...newPasswordProblems(t, password, confirm)]);
    if (problems) {
      setError(problems);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await changePassword(current, password);
      setCurrent('');
      setPassword('');
      setConfirm('');
      setStatus(t('accounts.mine.changed'));
    } catch (err) {
      setError(err instanceof ApiError && err.code === 'RATE_LIMITED' ? { summary: t('accounts.mine.rateLimited'), fields: {} } : describeAccountError(t, err));
    } finally {
      setBusy(false);
    }
  };

  const methods = me ? [me.hasPassword && t('accounts.signIn.password'), me.provider === 'oidc' && t('accounts.signIn.oidc')].filter(Boolean) : [];
  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('accounts.mine.title')}</h1>
      <ErrorSummary message={account.error ? errorMessage(t, account.error) : null} />
      {me && (
        <>
          <h2>{t('accounts.mine.identity')}</h2>
          <dl className="fr-mb-4w" data-testid="my-account">
            <dt className="fr-text--bold">{t('accounts.mine.name')}</dt>
            <dd className="fr-mb-1w">{me.displayName}</dd>
            <dt className="fr-text--bold">{t('accounts.mine.email')}</dt>
            <dd className="fr-mb-1w">{me.email}</dd>
            <dt className="fr-text--bold">{t('accounts.mine.role')}</dt>
            <dd className="fr-mb-1w">{t(`roles.${me.role}`)}</dd>
            <dt className="fr-text--bold">{t('accounts.mine.signIn')}</dt>
            <dd className="fr-mb-1w">{methods.length > 0 ? methods.join(', ') : t('accounts.signIn.none')}</dd>
          </dl>
          <h2>{t('accounts.mine.change')}</h2>
          {!me.hasPassword && <p>{t('accounts.mine.noPassword')}</p>}
          {me.hasPassword && (
            <div className="fr-grid-row">
              <div className="fr-col-12 fr-col-md-6">
                <StatusMessage message={status} focus testId="password-changed" />
                <ErrorSummary message={error?.summary ?? null} />
                <form onSubmit={(e) => void submit(e)} noValidate>
                  {/* The account's address for password managers, which file the new password under it. */}
                  <input type="email" autoComplete="username" value={me.email} readOnly hidden />
                  <Input
                    label={`${t('accounts.fields.currentPassword')} *`}
                    nativeInputProps={{ type: 'password', autoComplete: 'current-password', required: true, value: current, onChange: (e) => setCurrent(e.target.value) }}
                    state={fieldState(error?.fields.currentPassword)}
                    stateRelatedMessage={error?.fields.currentPassword}
                  />
                  <NewPasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} errors={error?.fields} />
                  <Button type="submit" disabled={busy}>
                    {t('accounts.mine.changeSubmit')}
                  </Button>
                </form>
              </div>
            </div>
          )}
        </>
      )}
    </div>
  );
}
