import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorSummary, StatusMessage } from '../../../components/error-summary';
import { ApiError } from '../../../lib/api';
import { errorMessage, type ShownError } from '../../../lib/api-errors';
import { whenLabel } from '../../../lib/paris-time';
import { useApi } from '../../../lib/use-api';
import { describeAccountError, formError, newPasswordProblems } from '../account-errors';
import { checkPasswordLink } from '../api/check-password-link';
import { setPassword } from '../api/set-password';
import { NewPasswordFields } from './NewPasswordFields';

/** Why a link does not work, in words the person can act on, and whether asking for another one helps. */
function linkProblem(t: ReturnType<typeof useTranslation>['t'], error: unknown): { message: string; askAgain: boolean } {
  const code = error instanceof ApiError ? error.code : null;
  if (code === 'NOT_FOUND' || code === 'VALIDATION_FAILED') return { message: t('accounts.link.unknown'), askAgain: true };
  if (code === 'ACCOUNT_DISABLED') return { message: t('accounts.link.disabled'), askAgain: false };
  return { message: errorMessage(t, error), askAgain: code === 'TOKEN_EXPIRED' || code === 'TOKEN_USED' || code === 'TOKEN_REPLACED' };
}

/** The page behind a one-time link (invitation or reset): the account it is for, then the new password. */
export function SetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const link = useApi(() => checkPasswordLink(token), [token]);
  const [password, setPasswordValue] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const broken = failure ?? link.error;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = formError(t, newPasswordProblems(t, password, confirm, 'password'));
    if (problems) {
      setError(problems);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await setPassword(token, password);
      setDone(true);
    } catch (err) {
      // The link stopped working meanwhile (used elsewhere, replaced, expired): the page says so.
      if (err instanceof ApiError && err.status === 410) setFailure(err);
      else setError(describeAccountError(t, err));
    } finally {
      setBusy(false);
    }
  };

  const wrap = (children: ReactNode) => (
    <div className="fr-container fr-my-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-6">{children}</div>
      </div>
    </div>
  );

  if (broken) {
    const { message, askAgain } = linkProblem(t, broken);
    return wrap(
      <>
        <h1>{t('accounts.link.invalidTitle')}</h1>
        <ErrorSummary message={message} />
        <ul className="fr-btns-group fr-btns-group--inline-md">
          {askAgain && (
            <li>
              <Link className="fr-btn" to="/mot-de-passe-oublie">
                {t('accounts.link.askAgain')}
              </Link>
            </li>
          )}
          <li>
            <Link className="fr-btn fr-btn--secondary" to="/connexion">
              {t('accounts.link.signIn')}
            </Link>
          </li>
        </ul>
      </>,
    );
  }
  if (!link.data) return wrap(<p role="status">{t('accounts.link.loading')}</p>);
  const { purpose, email, displayName, expiresAt } = link.data;
  if (done) {
    return wrap(
      <>
        <h1>{t(`accounts.link.titles.${purpose}`)}</h1>
        <StatusMessage message={t('accounts.link.done')} focus testId="password-set" />
        <Link className="fr-btn" to="/connexion">
          {t('accounts.link.signIn')}
        </Link>
      </>,
    );
  }
  return wrap(
    <>
      <h1>{t(`accounts.link.titles.${purpose}`)}</h1>
      <p>{t(`accounts.link.intros.${purpose}`, { name: displayName })}</p>
      <p className="fr-text--sm">{t('accounts.link.until', { until: whenLabel(expiresAt) })}</p>
      <ErrorSummary message={error?.summary ?? null} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        {/* The account's address, read-only: password managers file the new password under it. */}
        <Input label={t('accounts.fields.email')} nativeInputProps={{ type: 'email', autoComplete: 'username', readOnly: true, value: email }} />
        <NewPasswordFields password={password} confirm={confirm} onPassword={setPasswordValue} onConfirm={setConfirm} errors={error?.fields} field="password" />
        <Button type="submit" disabled={busy}>
          {t('accounts.link.submit')}
        </Button>
      </form>
    </>,
  );
}
