import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { BOOTH_MESSAGE_MAX_LENGTH } from '@shared/signalling/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../lib/api-errors';
import { timeOf } from '../../../lib/paris-time';
import { sendBoothMessage } from '../api/booth-message';
import './booth-message-form.css';

const CANNED = ['soon', 'moment'] as const;

/**
 * The agent's few words to the booth waiting for them: two ready-made ones (one press) or their own,
 * short. Said back once sent (or why not), politely to screen readers.
 */
export function BoothMessageForm({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (words: string) => {
    const trimmed = words.trim();
    if (!trimmed) return setOutcome({ ok: false, text: t('boothMessage.empty') });
    if (trimmed.length > BOOTH_MESSAGE_MAX_LENGTH) return setOutcome({ ok: false, text: t('boothMessage.tooLong') });
    setBusy(true);
    try {
      const sent = await sendBoothMessage(consultationId, trimmed);
      setOutcome({ ok: true, text: t('boothMessage.sent', { time: timeOf(sent.sentAt), text: sent.text }) });
      setText('');
    } catch (error) {
      setOutcome({ ok: false, text: describeError(t, error).summary });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="booth-message-form"
      data-testid="booth-message-form"
      onSubmit={(e) => {
        e.preventDefault();
        void send(text);
      }}
    >
      <fieldset className="booth-message-form__fields">
        <legend className="fr-text--sm fr-text--bold fr-mb-1w">{t('boothMessage.legend')}</legend>
        <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
          {CANNED.map((key) => (
            <Button key={key} type="button" size="small" priority="secondary" disabled={busy} onClick={() => void send(t(`boothMessage.canned.${key}`))}>
              {t(`boothMessage.canned.${key}`)}
            </Button>
          ))}
        </div>
        <Input
          label={t('boothMessage.free')}
          nativeInputProps={{ value: text, maxLength: BOOTH_MESSAGE_MAX_LENGTH, onChange: (e) => setText(e.target.value) }}
          className="fr-mb-1w"
        />
        <Button type="submit" size="small" disabled={busy}>
          {t('boothMessage.send')}
        </Button>
      </fieldset>
      <p className={`fr-text--sm fr-mt-1w fr-mb-0 ${outcome && !outcome.ok ? 'fr-error-text' : ''}`} role="status" data-testid="booth-message-outcome">
        {outcome?.text}
      </p>
    </form>
  );
}
