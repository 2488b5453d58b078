import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useTranslation } from 'react-i18next';
import '../i18n';
import type { DeviceState } from '../hooks/use-local-media';
import { HEARD_LEVEL } from '../hooks/use-mic-level';
import type { CheckStatus } from '../report';
import { CheckSection } from './CheckSection';

interface MicCheckProps {
  device: DeviceState;
  status: CheckStatus;
  level: number;
  heard: boolean;
  /** The browser holds audio until a gesture: without one the meter would stay flat. */
  needsGesture: boolean;
  onActivate: () => void;
  onRetry: () => void;
}

export function MicCheck({ device, status, level, heard, needsGesture, onActivate, onRetry }: MicCheckProps) {
  const { t } = useTranslation('precall');
  const label = t('microphone.meter');
  return (
    <CheckSection id="precall-microphone" step={2} title={t('microphone.title')} status={status} intro={t('microphone.intro')}>
      {device.problem ? (
        <>
          <Alert severity="error" small role="alert" description={t(`problem.${device.problem}`, { device: t('device.microphone') })} />
          <Button className="fr-mt-2w" size="large" priority="secondary" onClick={onRetry}>
            {t('retry')}
          </Button>
        </>
      ) : (
        <>
          <p id="precall-meter-label" className="fr-mb-1w">
            {label}
          </p>
          {/* Not a live region: ten updates a second would drown a screen reader; the status below speaks once. */}
          <div
            role="meter"
            aria-labelledby="precall-meter-label"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={level}
            aria-valuetext={t('microphone.level', { level })}
            style={{ position: 'relative', height: '2rem', maxWidth: '32rem', background: 'var(--background-contrast-grey)', border: '1px solid var(--border-plain-grey)' }}
          >
            <div
              style={{
                width: `${level}%`,
                height: '100%',
                background: level >= HEARD_LEVEL ? 'var(--background-flat-success)' : 'var(--background-flat-info)',
                transition: 'width 80ms linear',
              }}
            />
            {/* The threshold, so "speak up until the bar passes the line" can be said aloud. */}
            <div aria-hidden="true" style={{ position: 'absolute', top: 0, bottom: 0, left: `${HEARD_LEVEL}%`, borderLeft: '2px dashed var(--border-plain-grey)' }} />
          </div>
          {needsGesture && (
            <>
              <p className="fr-mt-2w fr-mb-1w">{t('microphone.suspended')}</p>
              <Button size="large" onClick={onActivate}>
                {t('microphone.activate')}
              </Button>
            </>
          )}
        </>
      )}
      <p role="status" className="fr-mt-1w fr-mb-0">
        {heard && t('microphone.heard')}
      </p>
    </CheckSection>
  );
}
