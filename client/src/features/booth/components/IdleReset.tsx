import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../lib/use-api';
import { getBoothSettings } from '../api/booth-settings';
import { useIdleSeconds } from '../hooks/use-idle';
import { privacyWipe } from '../lib/privacy-wipe';
import '../i18n';

/** Seconds untouched before the countdown, unless the operator set BOOTH_IDLE_SECONDS (GET /api/devices/me/settings). */
export const DEFAULT_IDLE_SECONDS = 90;
/** The countdown shown before the wipe: time enough to read it and press « Continuer ». */
export const COUNTDOWN_SECONDS = 20;

/**
 * A booth page left untouched (the check, the end of a call, any page but the welcome screen and
 * the call) says it will go back to the welcome screen, counts down, then wipes what the citizen
 * left. Any touch or key, or « Continuer », stops it. The kiosk frame mounts it on its pages; the
 * call's end screen mounts it too (the call's path is the kiosk's exception while the call is live).
 */
export function IdleReset() {
  const { t } = useTranslation('kiosk');
  const settings = useApi(getBoothSettings, []);
  const idleSeconds = settings.data?.idleSeconds ?? DEFAULT_IDLE_SECONDS;
  const { idle, reset } = useIdleSeconds(true);
  const keep = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const counting = idle >= idleSeconds;
  const left = Math.max(0, idleSeconds + COUNTDOWN_SECONDS - idle);
  // A native modal dialog (as the facilitator's corner): the page below is inert, Tab stays inside.
  useEffect(() => {
    if (!counting) return;
    if (!dialog.current?.open) dialog.current?.showModal();
    keep.current?.focus();
  }, [counting]);
  useEffect(() => {
    if (left === 0) void privacyWipe();
  }, [left]);
  if (!counting) return null;
  return (
    <dialog
      ref={dialog}
      className="kiosk-dialog"
      role="alertdialog"
      aria-labelledby="kiosk-idle-title"
      aria-describedby="kiosk-idle-countdown"
      // Escape would close it without stopping the countdown: « Continuer » is the way out.
      onCancel={(e) => {
        e.preventDefault();
        reset();
      }}
      data-testid="idle-countdown"
    >
      <h2 id="kiosk-idle-title" className="fr-h2">
        {t('idle.title')}
      </h2>
      <p id="kiosk-idle-countdown" className="fr-text--lead">
        {t('idle.countdown', { count: left })}
      </p>
      <button ref={keep} type="button" className="fr-btn fr-btn--lg" onClick={reset}>
        {t('idle.keep')}
      </button>
    </dialog>
  );
}
