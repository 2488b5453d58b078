import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/api-errors';
import { useSession } from '../../../lib/session';
import { pairDevice } from '../api/pair-device';
import { NumberPad } from './NumberPad';

export function PairingPage() {
  const { t } = useTranslation();
  const { setPrincipal } = useSession();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      setPrincipal(await pairDevice(code));
      navigate('/borne', { replace: true });
    } catch (e) {
      // A malformed code is refused by shape (VALIDATION_FAILED): said as a wrong code, like the others.
      setError(e instanceof ApiError && e.code === 'VALIDATION_FAILED' ? t('pairing.invalid') : errorMessage(t, e));
    }
  };

  return (
    <div className="fr-container kiosk-page">
      <h1>{t('pairing.title')}</h1>
      <p className="fr-text--lead">{t('pairing.intro')}</p>
      {error && <Alert severity="error" small description={error} className="fr-mb-3w" role="alert" />}
      <form onSubmit={submit} noValidate className="kiosk-pairing">
        <Input
          label={t('pairing.code')}
          nativeInputProps={{
            inputMode: 'numeric',
            autoComplete: 'one-time-code',
            pattern: '[0-9 ]*',
            maxLength: 11,
            value: code,
            onChange: (e) => setCode(e.target.value),
          }}
          className="kiosk-code"
        />
        <NumberPad value={code} onChange={setCode} maxDigits={8} submitHint={t('pairing.submit')} />
      </form>
    </div>
  );
}
