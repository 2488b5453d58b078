import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmPanel } from '../../../components/confirm';
import { errorMessage } from '../../../lib/api-errors';
import { type FacilitatorCredentials, facilitatorUnlock, unpairHere } from '../api/facilitator-unlock';
import { useIdleSeconds } from '../hooks/use-idle';
import { wipeTo } from '../lib/privacy-wipe';
import '../i18n';

/** The dialog left open and untouched closes by itself: an unlocked menu never waits for the next citizen. */
export const FACILITATOR_IDLE_SECONDS = 60;

/**
 * The « Espace animateur » in a corner of the booth: leaving the full screen, running the check or
 * unpairing need a facilitator of this France Services to type their own credentials. They stay in
 * this dialog's memory only while it is open (unpairing sends them again) and no session is opened.
 */
export function FacilitatorCorner({ onCheck }: { onCheck: () => void }) {
  const { t } = useTranslation('kiosk');
  const tCommon = useTranslation().t;
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [unlocked, setUnlocked] = useState<{ name: string; credentials: FacilitatorCredentials } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    if (open) dialog.current?.showModal();
  }, [open]);

  const close = () => {
    dialog.current?.close();
    setOpen(false);
    setUnlocked(null);
    setError(null);
    setConfirming(false);
  };
  const { idle } = useIdleSeconds(open);
  const forgotten = open && idle >= FACILITATOR_IDLE_SECONDS;
  useEffect(() => {
    if (forgotten) close();
  }, [forgotten]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const credentials = { email: String(form.get('email') ?? '').trim(), password: String(form.get('password') ?? '') };
    setBusy(true);
    setError(null);
    try {
      const { displayName } = await facilitatorUnlock(credentials);
      setUnlocked({ name: displayName, credentials });
    } catch (e) {
      setError(errorMessage(tCommon, e));
    } finally {
      setBusy(false);
    }
  };

  const unpair = async () => {
    if (!unlocked) return;
    setBusy(true);
    try {
      await unpairHere(unlocked.credentials);
      // Nothing of this booth's pairing or of the last citizen stays: the screen asks for a new code.
      await wipeTo('/borne/appairage');
    } catch (e) {
      setError(errorMessage(tCommon, e));
      setConfirming(false);
      setBusy(false);
    }
  };

  const exitFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    close();
  };

  return (
    <>
      <button type="button" className="kiosk-corner fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-lock-line fr-btn--icon-left" onClick={() => setOpen(true)}>
        {t('facilitator.open')}
      </button>
      {open && (
        <dialog ref={dialog} className="kiosk-dialog" aria-labelledby="kiosk-facilitator-title" onClose={close} data-testid="facilitator-dialog">
          <h2 id="kiosk-facilitator-title" className="fr-h3">
            {t('facilitator.title')}
          </h2>
          {error && <Alert severity="error" small description={error} className="fr-mb-3w" role="alert" />}
          {!unlocked ? (
            <form onSubmit={(e) => void submit(e)} noValidate>
              <p>{t('facilitator.intro')}</p>
              <Input label={t('facilitator.email')} nativeInputProps={{ name: 'email', type: 'email', autoComplete: 'off', required: true }} />
              <Input label={t('facilitator.password')} nativeInputProps={{ name: 'password', type: 'password', autoComplete: 'off', required: true }} />
              <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--lg">
                <li>
                  <button type="submit" className="fr-btn" aria-disabled={busy}>
                    {t('facilitator.unlock')}
                  </button>
                </li>
                <li>
                  <button type="button" className="fr-btn fr-btn--secondary" onClick={close}>
                    {t('facilitator.close')}
                  </button>
                </li>
              </ul>
            </form>
          ) : (
            <>
              <p role="status">{t('facilitator.unlocked', { name: unlocked.name })}</p>
              {confirming ? (
                <ConfirmPanel
                  large
                  question={t('facilitator.unpairConfirm')}
                  confirmLabel={t('facilitator.unpairYes')}
                  cancelLabel={t('facilitator.unpairNo')}
                  busy={busy}
                  onConfirm={() => void unpair()}
                  onCancel={() => setConfirming(false)}
                />
              ) : (
                <ul className="fr-btns-group fr-btns-group--lg">
                  <li>
                    <button type="button" className="fr-btn fr-btn--secondary" onClick={exitFullscreen}>
                      {t('facilitator.exitFullscreen')}
                    </button>
                  </li>
                  <li>
                    <button
                      type="button"
                      className="fr-btn fr-btn--secondary"
                      onClick={() => {
                        close();
                        onCheck();
                      }}
                    >
                      {t('facilitator.check')}
                    </button>
                  </li>
                  <li>
                    <button type="button" className="fr-btn fr-btn--secondary" onClick={() => setConfirming(true)}>
                      {t('facilitator.unpair')}
                    </button>
                  </li>
                  <li>
                    <button type="button" className="fr-btn" onClick={close}>
                      {t('facilitator.close')}
                    </button>
                  </li>
                </ul>
              )}
            </>
          )}
        </dialog>
      )}
    </>
  );
}
