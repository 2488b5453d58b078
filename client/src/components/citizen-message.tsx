import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { gsm7Septets } from '@shared/sms/gsm7';
import { displayPhone } from '@shared/sms/phone';
import type { Schemas } from '../api/schemas';

export type CitizenMessage = Schemas['CitizenMessageView'];
type SmsMeasure = Schemas['SmsMeasureView'];

/**
 * An SMS's length in words staff use: "1 SMS", "2 SMS, accents conservés" (sent as written, in the
 * encoding that keeps every character, at 70 characters a part), "2 SMS, sans certains accents"
 * (shared/sms/gsm7.ts replaced ê, ç, ’… to keep a long text cheap). The latter is known only when
 * the text staff typed (`typed`: a reason, a mass cancellation's message) had such a character and
 * what is sent has none; otherwise the plain count is said.
 */
export function smsSize(t: TFunction, sms: SmsMeasure, typed?: string): string {
  const count = sms.segments;
  if (sms.encoding === 'UCS-2') return t('citizenMessages.size.kept', { count });
  if (typed && [...typed].some((ch) => gsm7Septets(ch) === null)) return t('citizenMessages.size.simplified', { count });
  return t('citizenMessages.size.plain', { count });
}

/** "SMS au 06 12 34 56 78", "Courriel à …", "À dire au téléphone (02 38 …)": where a message goes. */
export function useChannelLabel() {
  const { t } = useTranslation();
  return (m: CitizenMessage) => {
    if (m.channel === 'sms') return t('citizenMessages.channels.sms', { to: displayPhone(m.recipient) });
    if (m.channel === 'email') return t('citizenMessages.channels.email', { to: m.recipient });
    return m.recipient ? t('citizenMessages.channels.callTo', { to: displayPhone(m.recipient) }) : t('citizenMessages.channels.call');
  };
}

/**
 * One message exactly as the outbox will hold it: where it goes, its SMS length (see smsSize; `typed`
 * is the part staff wrote), its subject and text (kept as written: line breaks shown).
 */
export function CitizenMessagePreview({ message: m, typed }: { message: CitizenMessage; typed?: string }) {
  const { t } = useTranslation();
  const label = useChannelLabel();
  return (
    <figure className="fr-mb-2w fr-mx-0" data-channel={m.channel}>
      <figcaption className="fr-text--sm fr-mb-1v">
        <strong>{label(m)}</strong>
        {m.sms && <> · {t('citizenMessages.measure', { chars: m.sms.characters, size: smsSize(t, m.sms, typed) })}</>}
      </figcaption>
      <blockquote className="fr-p-2w fr-m-0 fr-background-alt--grey" style={{ whiteSpace: 'pre-wrap' }}>
        {m.subject && (
          <>
            <strong>{m.subject}</strong>
            <br />
          </>
        )}
        {m.text}
      </blockquote>
    </figure>
  );
}
