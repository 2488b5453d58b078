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
  const counting = idle >= idleSeconds;
  const left = Math.max(0, idleSeconds + COUNTDOWN_SECONDS - idle);
  useEffect(() => {
    if (counting) keep.current?.focus();
  }, [counting]);
  useEffect(() => {
    if (left === 0) void privacyWipe();
  }, [left]);
  if (!counting) return null;
  return (
    <div className="kiosk-overlay">
      <div className="kiosk-dialog kiosk-dialog--static" role="alertdialog" aria-modal="true" aria-labelledby="kiosk-idle-title" aria-describedby="kiosk-idle-countdown" data-testid="idle-countdown">
        <h2 id="kiosk-idle-title" className="fr-h2">
          {t('idle.title')}
        </h2>
        <p id="kiosk-idle-countdown" className="fr-text--lead">
          {t('idle.countdown', { count: left })}
        </p>
        <button ref={keep} type="button" className="fr-btn fr-btn--lg" onClick={reset}>
          {t('idle.keep')}
        </button>
      </div>
    </div>
  );
}
