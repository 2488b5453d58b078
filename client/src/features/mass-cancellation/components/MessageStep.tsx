import { Input } from '@codegouvfr/react-dsfr/Input';
import { useTranslation } from 'react-i18next';
import { whenLabel } from '../../../lib/paris-time';
import { MassCancellationPreview } from '../api/types';
// The server's own counter (pure, no server dependency): the figure shown is the one the outbox records.
import { measureSms } from '@shared/sms/gsm7';

export const PLACEHOLDERS = ['nom', 'date', 'jour', 'heure', 'msap', 'adresse', 'cabine', 'administration', 'agent', 'objet', 'documents'] as const;
export const MAX_MESSAGE_LENGTH = 480;

type Item = MassCancellationPreview['items'][number];

/** The message for one citizen, with values of the first consultation (typical ones where unknown). */
export function sampleText(text: string, item: Item | undefined): string {
  const when = item ? whenLabel(item.startsAt) : 'lundi 6 avril 2026 à 9 h 30';
  const [day, time] = when.split(' à ');
  const values: Record<string, string> = {
    nom: item?.citizenName ?? 'Jeanne Martin',
    date: when,
    jour: day ?? when,
    heure: time ?? '',
    msap: item?.msapSiteName ?? 'France Services',
    adresse: '2 rue de la Couronne',
    cabine: item?.boothName ?? 'Cabine 1',
    administration: item?.administration ?? 'Administration',
    agent: item?.agentName ?? 'Agent',
    objet: 'votre démarche',
    documents: 'aucun document particulier',
  };
  return text.replace(/\{([a-z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

interface Props {
  value: string;
  onChange(value: string): void;
  sample: Item | undefined;
  fieldError: string | undefined;
}

/** The personalised message, with a live SMS length and segment count for a typical citizen. */
export function MessageStep({ value, onChange, sample, fieldError }: Props) {
  const { t } = useTranslation();
  const text = sampleText(value, sample);
  const sms = measureSms(text);
  const unknown = [...new Set([...value.matchAll(/\{([a-z]+)\}/g)].map((m) => m[1]!))].filter((n) => !(PLACEHOLDERS as readonly string[]).includes(n));
  const localError =
    fieldError ??
    (unknown.length > 0
      ? t('scheduling.errors.placeholders', { names: unknown.map((n) => `{${n}}`).join(', ') })
      : value.length > MAX_MESSAGE_LENGTH
        ? t('scheduling.errors.messageTooLong', { max: MAX_MESSAGE_LENGTH })
        : undefined);
  return (
    <>
      <Input
        textArea
        label={t('massCancel.message')}
        hintText={t('massCancel.messageHint', { placeholders: PLACEHOLDERS.map((p) => `{${p}}`).join(', ') })}
        nativeTextAreaProps={{ value, rows: 5, maxLength: MAX_MESSAGE_LENGTH, onChange: (e) => onChange(e.target.value), 'aria-describedby': 'sms-counter' }}
        state={localError ? 'error' : 'default'}
        stateRelatedMessage={localError}
      />
      <p id="sms-counter" role="status" aria-live="polite" data-testid="sms-counter">
        {t('massCancel.counter', { chars: [...sms.text].length, segments: sms.segments, encoding: sms.encoding })}
        {sms.encoding === 'UCS-2' && <> {t('massCancel.counterUcs')}</>}
      </p>
      <p className="fr-mb-1w">{t('massCancel.sample', { name: sample?.citizenName ?? 'Jeanne Martin' })}</p>
      <blockquote className="fr-p-2w fr-background-alt--grey" style={{ whiteSpace: 'pre-wrap' }} data-testid="sms-sample">
        {sms.text}
      </blockquote>
    </>
  );
}
