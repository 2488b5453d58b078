import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { RETURN_PARAM, safeReturnPath } from '@shared/auth/return-path';
import { ApiError } from '../../../lib/api';
import { useApi } from '../../../lib/use-api';
import { getProviders, login } from '../api/session';
import { useSession } from '../../../lib/session';

export function LoginPage() {
  const { t } = useTranslation();
  const { setPrincipal } = useSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const providers = useApi(getProviders, []);
  // The page asked for while signed out (Authorization), if it is one of this site's.
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get(RETURN_PARAM));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setPrincipal(await login(email, password));
      navigate(returnTo ?? '/', { replace: true });
    } catch (e) {
      setError(
        e instanceof ApiError && e.code === 'RATE_LIMITED'
          ? t('login.rateLimited')
          : e instanceof ApiError && e.status === 0
            ? t('common.network')
            : t('login.invalid'),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="fr-container fr-my-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-6">
          <h1>{t('login.title')}</h1>
          <p>{t('login.intro')}</p>
          {returnTo && <p className="fr-text--sm">{t('loginReturn.notice')}</p>}
          {error && <Alert severity="error" small description={error} className="fr-mb-3w" role="alert" />}
          <form onSubmit={submit} noValidate>
            <Input
              label={t('login.email')}
              nativeInputProps={{ type: 'email', autoComplete: 'username', required: true, value: email, onChange: (e) => setEmail(e.target.value) }}
            />
            <Input
              label={t('login.password')}
              nativeInputProps={{ type: 'password', autoComplete: 'current-password', required: true, value: password, onChange: (e) => setPassword(e.target.value) }}
            />
            <p className="fr-mb-3w">
              <Link className="fr-link fr-text--sm" to="/mot-de-passe-oublie">
                {t('accounts.forgot.link')}
              </Link>
            </p>
            <Button type="submit" disabled={busy}>
              {t('login.submit')}
            </Button>
          </form>
          {providers.data?.oidc && (
            <p className="fr-mt-4w">
              {/* A plain link: the OIDC flow is a series of top-level navigations. */}
              <a className="fr-btn fr-btn--secondary" href={`/api/auth/oidc/login${returnTo ? `?${new URLSearchParams({ [RETURN_PARAM]: returnTo })}` : ''}`}>
                {t('login.oidc')}
              </a>
            </p>
          )}
          <p className="fr-mt-4w">
            <Link className="fr-link" to="/borne/appairage">
              {t('login.booth')}
            </Link>
          </p>
        </div>
      </div>
    </div>
  );
}
