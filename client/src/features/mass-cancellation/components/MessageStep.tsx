import { Input } from '@codegouvfr/react-dsfr/Input';
import { useTranslation } from 'react-i18next';
import { PLACEHOLDER_NAMES, unknownPlaceholders } from '@shared/sms/placeholders';
import { smsSize } from '../../../components/citizen-message';
import { MassCancellationMessages } from '../api/types';

export const MAX_MESSAGE_LENGTH = 480;

interface Props {
  value: string;
  onChange(value: string): void;
  /** The server's refusal of the message (422 on "Suivant"), in French. */
  fieldError: string | undefined;
  /** The server's rendering of the current text for the first citizens, once the typing pauses (null meanwhile). */
  live: MassCancellationMessages | null;
}

/** The message typed right now, checked as it is typed (placeholders, length). */
export function localMessageError(t: (key: string, options?: Record<string, unknown>) => string, value: string): string | undefined {
  const unknown = unknownPlaceholders(value);
  if (unknown.length > 0) return t('scheduling.errors.placeholders', { names: unknown.map((n) => `{${n}}`).join(', ') });
  if (value.length > MAX_MESSAGE_LENGTH) return t('scheduling.errors.messageTooLong', { max: MAX_MESSAGE_LENGTH });
  return undefined;
}

/**
 * The personalised message. The sample and its SMS count are the server's rendering for the first
 * citizen with a mobile (their name, date, MSAP and its phone): exactly what they will receive.
 */
export function MessageStep({ value, onChange, fieldError, live }: Props) {
  const { t } = useTranslation();
  const error = localMessageError(t, value) ?? fieldError;
  const first = live?.items.flatMap((item) => item.messages.filter((m) => m.channel === 'sms').map((m) => ({ name: item.citizenName, m })))[0];
  return (
    <>
      <Input
        textArea
        label={t('massCancel.message')}
        hintText={t('massCancel.messageHint', { placeholders: PLACEHOLDER_NAMES.map((p) => `{${p}}`).join(', ') })}
        nativeTextAreaProps={{ value, rows: 5, maxLength: MAX_MESSAGE_LENGTH, onChange: (e) => onChange(e.target.value), 'aria-describedby': 'sms-counter' }}
        state={error ? 'error' : 'default'}
        stateRelatedMessage={error}
      />
      <p id="sms-counter" role="status" aria-live="polite" data-testid="sms-counter">
        {error || !value.trim() ? null : first ? (
          <>
            {t('citizenMessages.mass.counter', { chars: first.m.sms!.characters, size: smsSize(t, first.m.sms!, value), name: first.name })}
            {first.m.sms!.encoding === 'UCS-2' && <> {t('citizenMessages.mass.keptNote')}</>}
            {first.m.sms!.encoding === 'GSM-7' && smsSize(t, first.m.sms!, value) !== smsSize(t, first.m.sms!) && <> {t('citizenMessages.mass.simplifiedNote')}</>}
          </>
        ) : live ? (
          t('citizenMessages.mass.noSmsSample')
        ) : (
          t('citizenMessages.mass.checking')
        )}
      </p>
      {first && (
        <>
          <p className="fr-mb-1w">{t('massCancel.sample', { name: first.name })}</p>
          <blockquote className="fr-p-2w fr-background-alt--grey" style={{ whiteSpace: 'pre-wrap' }} data-testid="sms-sample">
            {first.m.text}
          </blockquote>
        </>
      )}
    </>
  );
}
