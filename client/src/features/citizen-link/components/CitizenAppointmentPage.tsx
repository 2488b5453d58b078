import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { displayPhone } from '@shared/sms/phone';
import { ConfirmButton } from '../../../components/confirm';
import { ErrorSummary, StatusMessage } from '../../../components/error-summary';
import { fieldState } from '../../../components/form-fields';
import { ApiError } from '../../../lib/api';
import { describeError, ShownError } from '../../../lib/api-errors';
import { whenLabel } from '../../../lib/paris-time';
import { useApi } from '../../../lib/use-api';
import { CitizenAppointment, getAppointment } from '../api/appointment';
import { cancelAppointment } from '../api/cancel-appointment';
import { requestCallback } from '../api/request-callback';

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const minutesBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 60_000);

/**
 * The citizen's appointment, opened from the link in their confirmation or on their printed slip:
 * no account, a phone in hand. Large text, one column, buttons the width of the screen; the two
 * things they can do (ask to be called back, cancel) only while it is upcoming.
 */
export function CitizenAppointmentPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const loaded = useApi(() => getAppointment(token), [token]);
  const [changed, setChanged] = useState<CitizenAppointment | null>(null);
  // What the last action did, or why it was refused: above the appointment, since a refusal can
  // leave no action (and so no form) to show it in.
  const [status, setStatus] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const appointment = changed ?? loaded.data;

  if (loaded.error) return <LinkRefused error={loaded.error} />;
  return (
    <div className="fr-container fr-my-4w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>{t('citizen.title')}</h1>
          <StatusMessage message={status} testId="citizen-status" focus />
          <ErrorSummary message={refusal} />
          {appointment ? (
            <Appointment
              a={appointment}
              token={token}
              onStart={() => {
                setStatus(null);
                setRefusal(null);
              }}
              onChanged={(next, message) => {
                setChanged(next);
                setStatus(message);
              }}
              onRefused={(message, stale) => {
                setRefusal(message);
                if (stale) {
                  setChanged(null);
                  loaded.reload();
                }
              }}
            />
          ) : (
            <p className="fr-text--lg">{t('citizen.loading')}</p>
          )}
          <p className="fr-text--sm fr-mt-4w">{t('citizen.privacy')}</p>
        </div>
      </div>
    </div>
  );
}

/** A link that does not open: unknown (the same words whatever the reason), expired, or too many tries. */
function LinkRefused({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const code = error instanceof ApiError ? error.code : null;
  const expired = code === 'LINK_EXPIRED';
  const text = expired ? t('citizen.expiredText') : code === 'RATE_LIMITED' ? t('citizen.limitedText') : code === 'LINK_UNKNOWN' || code === 'NOT_FOUND' ? t('citizen.unknownText') : describeError(t, error).summary;
  return (
    <div className="fr-container fr-my-4w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6" data-testid="citizen-refused" data-code={code ?? ''}>
          <h1>{expired ? t('citizen.expiredTitle') : t('citizen.unknownTitle')}</h1>
          <p className="fr-text--lg">{text}</p>
        </div>
      </div>
    </div>
  );
}

interface AppointmentProps {
  a: CitizenAppointment;
  token: string;
  /** An action begins: what the previous one said goes. */
  onStart(): void;
  onChanged(next: CitizenAppointment, message: string): void;
  /** Refused; `stale`: the page was out of date (cancelled elsewhere, started), read it again. */
  onRefused(message: string, stale: boolean): void;
}

/** Refusals that mean the appointment changed since the page was read. */
const STALE = ['TOO_LATE', 'CONSULTATION_CANCELLED', 'CONSULTATION_NOT_SCHEDULED', 'CALLBACK_ALREADY_REQUESTED'];
const isStale = (e: unknown) => e instanceof ApiError && STALE.includes(e.code);

function Appointment({ a, token, onStart, onChanged, onRefused }: AppointmentProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const when = whenLabel(a.startsAt);
  // Closing the callback form gives the focus back to the button that opened it.
  const callbackButton = useRef<HTMLButtonElement>(null);
  const [closedForm, setClosedForm] = useState(false);
  useEffect(() => {
    if (closedForm && !asking) {
      callbackButton.current?.focus();
      setClosedForm(false);
    }
  }, [closedForm, asking]);

  const cancel = async () => {
    setBusy(true);
    try {
      onChanged(await cancelAppointment(token), a.messaged ? t('citizen.cancelled') : t('citizen.cancelledNoMessage'));
    } catch (e) {
      onRefused(describeError(t, e).summary, isStale(e));
    } finally {
      setBusy(false);
    }
  };
  const cancelled = a.state === 'cancelled';

  return (
    <div data-testid="citizen-appointment" data-state={a.state}>
      {a.state !== 'upcoming' && (
        <div className={`fr-alert ${cancelled ? 'fr-alert--warning' : 'fr-alert--info'} fr-mb-3w`} data-testid="citizen-state">
          <h2 className="fr-alert__title">{t(`citizen.states.${a.state}`)}</h2>
          {cancelled && <p>{t('citizen.cancelledDetail')}</p>}
        </div>
      )}
      <section aria-labelledby="rdv-when" className="fr-mb-3w">
        <h2 id="rdv-when" className="fr-h4 fr-mb-1w">
          {t('citizen.when')}
        </h2>
        <p className="fr-text--lead fr-mb-1w">
          <strong>{capitalize(when)}</strong>
        </p>
        <p className="fr-text--lg" data-testid="citizen-duration">
          {t('citizen.duration', { minutes: minutesBetween(a.startsAt, a.endsAt) })}
          {/* Only while there is an appointment to come to. */}
          {a.state === 'upcoming' && <> {t('citizen.comeEarly')}</>}
        </p>
      </section>
      <section aria-labelledby="rdv-where" className="fr-mb-3w">
        <h2 id="rdv-where" className="fr-h4 fr-mb-1w">
          {t('citizen.where')}
        </h2>
        <p className="fr-text--lg">
          <strong>{a.siteName}</strong>
          <br />
          {a.siteAddress}
        </p>
      </section>
      <section aria-labelledby="rdv-with" className="fr-mb-3w">
        <h2 id="rdv-with" className="fr-h4 fr-mb-1w">
          {t('citizen.withWhom')}
        </h2>
        <p className="fr-text--lg fr-mb-1w">{t('citizen.by', { administration: a.administration })}</p>
        {a.subject && <p className="fr-text--lg">{t('citizen.subject', { subject: a.subject })}</p>}
      </section>
      {(a.state === 'upcoming' || a.state === 'started') && (
        <section aria-labelledby="rdv-papers" className="fr-mb-3w">
          <h2 id="rdv-papers" className="fr-h4 fr-mb-1w">
            {t('citizen.papers')}
          </h2>
          {a.documents.length > 0 ? (
            <ul className="fr-text--lg" data-testid="citizen-papers">
              {a.documents.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : (
            <p className="fr-text--lg">{t('citizen.noPapers')}</p>
          )}
        </section>
      )}
      {a.sitePhone && (
        <section aria-labelledby="rdv-question" className="fr-mb-3w">
          <h2 id="rdv-question" className="fr-h4 fr-mb-1w">
            {t('citizen.question')}
          </h2>
          <p className="fr-text--lg">
            {t('citizen.call')}{' '}
            <a className="fr-link fr-text--lg" href={`tel:${a.sitePhone}`} style={{ whiteSpace: 'nowrap' }}>
              {displayPhone(a.sitePhone)}
            </a>
          </p>
        </section>
      )}
      {/* A cancelled appointment has no call to wait for. */}
      {a.callback && !cancelled && <CallbackState callback={a.callback} />}
      {(a.canRequestCallback || a.canCancel) && (
        <section aria-labelledby="rdv-change" className="fr-mb-3w">
          <h2 id="rdv-change" className="fr-h4">
            {t('citizen.change')}
          </h2>
          {a.canRequestCallback &&
            (asking ? (
              <CallbackForm
                token={token}
                defaultPhone={a.phone}
                onSent={(next) => {
                  setAsking(false);
                  onChanged(next, t('citizen.callbackSent'));
                }}
                onRefused={(e) => {
                  setAsking(false);
                  // Started meanwhile: the citizen is told to call, not that it "cannot be cancelled".
                  const startedMessage = a.sitePhone ? t('citizen.callbackTooLatePhone', { phone: displayPhone(a.sitePhone) }) : t('citizen.callbackTooLate');
                  onRefused(e instanceof ApiError && e.code === 'TOO_LATE' ? startedMessage : describeError(t, e).summary, true);
                }}
                onClose={() => {
                  setAsking(false);
                  setClosedForm(true);
                }}
              />
            ) : (
              <ul className="fr-btns-group fr-btns-group--lg fr-btns-group--icon-left">
                <li>
                  <Button
                    ref={callbackButton}
                    size="large"
                    iconId="fr-icon-phone-line"
                    onClick={() => {
                      onStart();
                      setAsking(true);
                    }}
                  >
                    {t('citizen.callbackButton')}
                  </Button>
                </li>
              </ul>
            ))}
          {a.canCancel && !asking && (
            <ConfirmButton
              question={t('citizen.cancelQuestion', { when })}
              detail={a.messaged ? t('citizen.cancelDetail') : t('citizen.cancelDetailNoMessage')}
              confirmLabel={t('citizen.cancelYes')}
              cancelLabel={t('citizen.cancelNo')}
              onConfirm={() => void cancel()}
              busy={busy}
              large
            >
              {(ask) => (
                <ul className="fr-btns-group fr-btns-group--lg fr-btns-group--icon-left">
                  <li>
                    <Button
                      size="large"
                      priority="secondary"
                      iconId="fr-icon-close-circle-line"
                      onClick={() => {
                        onStart();
                        ask();
                      }}
                      disabled={busy}
                    >
                      {t('citizen.cancelButton')}
                    </Button>
                  </li>
                </ul>
              )}
            </ConfirmButton>
          )}
        </section>
      )}
    </div>
  );
}

function CallbackState({ callback }: { callback: NonNullable<CitizenAppointment['callback']> }) {
  const { t } = useTranslation();
  const handled = callback.handledAt !== null;
  return (
    <div className={`fr-alert ${handled ? 'fr-alert--success' : 'fr-alert--info'} fr-alert--sm fr-mb-3w`} data-testid="citizen-callback">
      <p className="fr-text--lg">
        {handled ? t('citizen.callbackHandled', { when: whenLabel(callback.requestedAt) }) : t('citizen.callbackWaiting', { when: whenLabel(callback.requestedAt) })}
      </p>
    </div>
  );
}

interface CallbackFormProps {
  token: string;
  defaultPhone: string | null;
  onSent(next: CitizenAppointment): void;
  /** Refused because the appointment changed meanwhile (started, cancelled, a request already there). */
  onRefused(error: unknown): void;
  onClose(): void;
}

/** The phone to call (the booking's, prefilled) and a short optional word on when suits; its heading takes the focus when it opens. */
function CallbackForm({ token, defaultPhone, onSent, onRefused, onClose }: CallbackFormProps) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState(defaultPhone ? displayPhone(defaultPhone) : '');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!phone.trim()) {
      setError({ summary: t('errors.codes.VALIDATION_FAILED'), fields: { phone: t('errors.fields.REQUIRED') } });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSent(await requestCallback(token, { phone: phone.trim(), note: note.trim() || undefined }));
    } catch (err) {
      if (isStale(err)) onRefused(err);
      else setError(describeError(t, err, 'citizen.fieldNames'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="callback-title" data-testid="callback-form">
      <h3 id="callback-title" className="fr-h5" ref={heading} tabIndex={-1}>
        {t('citizen.callbackButton')}
      </h3>
      <p className="fr-text--lg">{t('citizen.callbackIntro')}</p>
      <ErrorSummary message={error?.summary ?? null} />
      <Input
        label={t('citizen.phone')}
        hintText={t('citizen.phoneHint')}
        nativeInputProps={{ type: 'tel', inputMode: 'tel', autoComplete: 'tel', value: phone, required: true, onChange: (e) => setPhone(e.target.value) }}
        state={fieldState(error?.fields.phone)}
        stateRelatedMessage={error?.fields.phone}
      />
      <Input
        textArea
        label={t('citizen.note')}
        hintText={t('citizen.noteHint')}
        nativeTextAreaProps={{ value: note, rows: 3, maxLength: 300, onChange: (e) => setNote(e.target.value) }}
        state={fieldState(error?.fields.note)}
        stateRelatedMessage={error?.fields.note}
      />
      <ul className="fr-btns-group fr-btns-group--lg fr-btns-group--icon-left">
        <li>
          <Button size="large" type="submit" disabled={busy}>
            {t('citizen.callbackSubmit')}
          </Button>
        </li>
        <li>
          <Button size="large" type="button" priority="secondary" onClick={onClose}>
            {t('citizen.callbackCancel')}
          </Button>
        </li>
      </ul>
    </form>
  );
}
