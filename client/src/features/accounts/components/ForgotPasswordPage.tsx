import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorSummary, StatusMessage } from '../../../components/error-summary';
import { fieldState } from '../../../components/form-fields';
import { ApiError } from '../../../lib/api';
import type { ShownError } from '../../../lib/api-errors';
import { describeAccountError, formError, requiredMessage } from '../account-errors';
import { forgotPassword } from '../api/forgot-password';

/**
 * "Mot de passe oublié": the address of the account, then the same sentence whatever the address
 * (the page never tells whether an account has it).
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const address = email.trim();
    const missing = formError(t, address ? [] : [['email', requiredMessage(t)]]);
    if (missing) {
      setError(missing);
      return;
    }
    setBusy(true);
    setError(null);
    setSentTo(null);
    try {
      await forgotPassword(address);
      setSentTo(address);
    } catch (err) {
      setError(err instanceof ApiError && err.code === 'RATE_LIMITED' ? { summary: t('accounts.forgot.rateLimited'), fields: {} } : describeAccountError(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="fr-container fr-my-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-6">
          <h1>{t('accounts.forgot.title')}</h1>
          <p>{t('accounts.forgot.intro')}</p>
          <StatusMessage message={sentTo ? t('accounts.forgot.sent', { email: sentTo }) : null} focus testId="forgot-sent" />
          <ErrorSummary message={error?.summary ?? null} />
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Input
              label={`${t('accounts.fields.email')} *`}
              nativeInputProps={{ type: 'email', autoComplete: 'username', required: true, value: email, onChange: (e) => setEmail(e.target.value) }}
              state={fieldState(error?.fields.email)}
              stateRelatedMessage={error?.fields.email}
            />
            <Button type="submit" disabled={busy}>
              {t('accounts.forgot.submit')}
            </Button>
          </form>
          <p className="fr-mt-4w">
            <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to="/connexion">
              {t('accounts.forgot.back')}
            </Link>
          </p>
        </div>
      </div>
    </div>
  );
}
