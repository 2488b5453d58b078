import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { timerState } from '../call-timer';

/**
 * The agent's call clock: time since the call started, and minutes to the booked end (a warning
 * from 5 minutes before it, and after it). It ticks every second visually only; screen readers are
 * told twice, at 5 minutes left and at the end, through a separate polite region.
 */
export function CallTimer({ startedAt, endsAt }: { startedAt: string; endsAt: string }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const state = timerState(startedAt, endsAt, now);
  // Announced only when a threshold is crossed during the call, not on opening the page past it.
  const firstThreshold = useRef(state.threshold);
  const announce = state.threshold && state.threshold !== firstThreshold.current ? t(`callTimer.${state.threshold}`) : '';
  return (
    <p className={`fr-mb-0 ${state.warning ? 'call-timer--warning' : ''}`} data-testid="call-timer" data-warning={state.warning}>
      <span className="fr-sr-only">{t('callTimer.label')} : </span>
      {t('callTimer.elapsed', { elapsed: state.elapsed })} ·{' '}
      {state.over ? t('callTimer.over', { count: state.minutes }) : t('callTimer.remaining', { count: state.minutes })}
      <span className="fr-sr-only" aria-live="polite">
        {announce}
      </span>
    </p>
  );
}
