import { useTranslation } from 'react-i18next';
import { displayPhone } from '@shared/sms/phone';
import type { Schemas } from '../api/schemas';

export type CitizenMessage = Schemas['CitizenMessageView'];

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
 * One message exactly as the outbox will hold it: where it goes, its SMS length and encoding, its
 * subject and text (kept as written: line breaks shown).
 */
export function CitizenMessagePreview({ message: m }: { message: CitizenMessage }) {
  const { t } = useTranslation();
  const label = useChannelLabel();
  return (
    <figure className="fr-mb-2w fr-mx-0" data-channel={m.channel}>
      <figcaption className="fr-text--sm fr-mb-1v">
        <strong>{label(m)}</strong>
        {m.sms && <> · {t('citizenMessages.measure', { chars: m.sms.characters, segments: m.sms.segments, encoding: m.sms.encoding })}</>}
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
