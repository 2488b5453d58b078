import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import '../i18n';
import type { DeviceState } from '../hooks/use-local-media';
import type { CheckStatus } from '../report';
import { CheckSection } from './CheckSection';

interface CameraCheckProps {
  device: DeviceState;
  status: CheckStatus;
  onFrames: () => void;
  onRetry: () => void;
}

export function CameraCheck({ device, status, onFrames, onRetry }: CameraCheckProps) {
  const { t } = useTranslation('precall');
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    const element = video.current;
    if (!element || !device.stream) return;
    element.srcObject = device.stream;
    // Passed on the first decoded frame, not on the stream: a camera can open and send nothing.
    const check = () => element.videoWidth > 0 && onFrames();
    element.addEventListener('loadeddata', check);
    element.addEventListener('resize', check);
    return () => {
      element.removeEventListener('loadeddata', check);
      element.removeEventListener('resize', check);
      element.srcObject = null;
    };
  }, [device.stream, onFrames]);

  return (
    <CheckSection id="precall-camera" step={1} title={t('camera.title')} status={status} intro={t('camera.intro')}>
      {device.problem ? (
        <>
          <Alert severity="error" small role="alert" description={t(`problem.${device.problem}`, { device: t('device.camera') })} />
          <Button className="fr-mt-2w" size="large" priority="secondary" onClick={onRetry}>
            {t('retry')}
          </Button>
        </>
      ) : (
        <video
          ref={video}
          aria-label={t('camera.preview')}
          autoPlay
          muted
          playsInline
          // Mirrored like a mirror: people expect to move left and see themselves move left.
          // At most a third of the screen's height: the four steps fit a landscape screen.
          style={{ width: '100%', maxWidth: 'min(32rem, 44vh)', aspectRatio: '4 / 3', background: '#161616', transform: 'scaleX(-1)' }}
        />
      )}
      {status === 'passed' && <p className="fr-mt-1w fr-mb-0">{t('camera.ok')}</p>}
    </CheckSection>
  );
}
