import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { citizenChannels, classifyPhone, displayPhone } from '@shared/sms/phone';
import { CitizenMessage, CitizenMessagePreview, smsSize } from '../../../components/citizen-message';
import { CancellationNotice as Notice, previewCancellationNotice } from '../api/cancellation-notice';

/** The reason is at least this long (the API's rule): the preview waits for it. */
const MIN_REASON = 3;
const DEBOUNCE_MS = 400;

/**
 * Where the reason of a cancellation goes, in one sentence under the reason field: by SMS to a
 * mobile, by e-mail, or nowhere (a landline, no contact): then on the list of citizens to call.
 * The same rule as the server's (shared/sms/phone.ts).
 */
export function cancellationDestination(t: TFunction, citizen: { name: string; phone: string | null; landline: string | null; email: string | null }): string {
  const reach = citizenChannels(citizen);
  const phone = citizen.phone ? displayPhone(citizen.phone) : '';
  // Called on the landline given for that, else on a phone booked before mobiles were required.
  if (!reach.sms && !reach.email && citizen.landline) return t('citizenMessages.notice.landline', { phone: displayPhone(citizen.landline) });
  if (reach.sms && reach.email) return t('citizenMessages.notice.smsAndEmail', { name: citizen.name, phone, email: citizen.email });
  if (reach.sms) return t('citizenMessages.notice.sms', { name: citizen.name, phone });
  if (reach.email) return t('citizenMessages.notice.email', { name: citizen.name, email: citizen.email });
  if (citizen.phone && classifyPhone(citizen.phone) === 'not_mobile') return t('citizenMessages.notice.landline', { phone });
  return t('citizenMessages.notice.none');
}

/**
 * The exact message(s) the cancellation would send, rendered by the server as the reason is typed.
 * Only a one-sentence summary (where it goes, how many SMS) is a live region, and it keeps its words
 * while the next preview loads: a screen reader hears it when that changes, not the whole text at
 * every pause in the typing. The preview itself is read where it stands.
 */
export function CancellationNoticePreview({ consultationId, reason }: { consultationId: string; reason: string }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<{ reason: string; value: Notice } | null>(null);
  const [failed, setFailed] = useState(false);
  const wanted = reason.trim();

  useEffect(() => {
    if (wanted.length < MIN_REASON) return;
    let live = true;
    const timer = setTimeout(() => {
      previewCancellationNotice(consultationId, wanted).then(
        (value) => live && (setNotice({ reason: wanted, value }), setFailed(false)),
        () => live && setFailed(true),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [consultationId, wanted]);

  const current = notice?.reason === wanted ? notice.value : null;
  const shown = wanted.length >= MIN_REASON;
  return (
    <div className="fr-mt-2w" data-testid="cancel-notice">
      <p className="fr-sr-only" role="status" data-testid="cancel-notice-summary">
        {shown && notice ? noticeSummary(t, notice.value.messages, wanted) : ''}
      </p>
      {shown && (
        <>
          <p className="fr-text--sm fr-mb-1w">{t('citizenMessages.notice.title')}</p>
          {current ? (
            current.messages.map((m) => <CitizenMessagePreview key={m.channel} message={m} typed={wanted} />)
          ) : (
            <p className="fr-text--sm">{failed ? t('citizenMessages.notice.unavailable') : t('citizenMessages.notice.loading')}</p>
          )}
        </>
      )}
    </div>
  );
}

/** "Le motif sera envoyé par SMS au 06 11 22 33 44 (1 SMS) et par courriel à …", or that it will be said on the phone. */
function noticeSummary(t: TFunction, messages: CitizenMessage[], typed: string): string {
  const sent = messages.filter((m) => m.channel !== 'call');
  if (sent.length === 0) return t('citizenMessages.notice.summaryCall');
  const channels = sent.map((m) =>
    m.channel === 'sms'
      ? t('citizenMessages.notice.summarySms', { to: displayPhone(m.recipient), size: m.sms ? smsSize(t, m.sms, typed) : '' })
      : t('citizenMessages.notice.summaryEmail', { to: m.recipient }),
  );
  return t('citizenMessages.notice.summary', { channels: channels.join(t('citizenMessages.notice.summaryAnd')) });
}
