import { Button } from '@codegouvfr/react-dsfr/Button';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/confirm';
import { CallEngine } from '../media/call-engine';
import { CallSnapshot } from '../media/call-state';

/**
 * Labelled buttons, larger at the booth: usable by touch there and by keyboard at the office. Ending the
 * call for everyone, and leaving it at the booth (where a citizen may touch it by mistake), ask first.
 */
export function CallControls({ engine, snapshot, isAgent }: { engine: CallEngine; snapshot: CallSnapshot; isAgent: boolean }) {
  const { t } = useTranslation();
  const s = snapshot;
  const atBooth = s.self?.role === 'booth';
  const size = atBooth ? 'large' : 'medium';
  return (
    <>
    <div className={`fr-btns-group fr-btns-group--inline fr-btns-group--icon-left${atBooth ? ' fr-btns-group--lg' : ''}`} role="toolbar" aria-label={t('call.title')}>
      <Button size={size} iconId="fr-icon-mic-line" priority={s.micOn ? 'secondary' : 'primary'} onClick={() => engine.setMic(!s.micOn)} aria-pressed={!s.micOn}>
        {s.micOn ? t('call.micOn') : t('call.micOff')}
      </Button>
      <Button size={size} iconId="fr-icon-camera-line" priority={s.cameraOn ? 'secondary' : 'primary'} onClick={() => engine.setCamera(!s.cameraOn)} aria-pressed={!s.cameraOn}>
        {s.cameraOn ? t('call.cameraOn') : t('call.cameraOff')}
      </Button>
      <Button size={size} iconId="fr-icon-volume-up-line" priority="secondary" onClick={() => engine.setAudioOnly(!s.audioOnly)} aria-pressed={s.audioOnly}>
        {s.audioOnly ? t('call.audioOnlyOff') : t('call.audioOnlyOn')}
      </Button>
      {isAgent && (
        <Button size={size} iconId="fr-icon-computer-line" priority="secondary" onClick={() => void (s.sharingScreen ? engine.stopScreen() : engine.shareScreen())}>
          {s.sharingScreen ? t('call.stopShare') : t('call.shareScreen')}
        </Button>
      )}
      {!atBooth && (
        <Button size={size} iconId="fr-icon-logout-box-r-line" priority="tertiary" onClick={() => void engine.leave()}>
          {t('call.leave')}
        </Button>
      )}
    </div>
    {atBooth && (
      <ConfirmButton
        question={t('call.leaveConfirm.question')}
        detail={t('call.leaveConfirm.detail')}
        confirmLabel={t('call.leaveConfirm.yes')}
        cancelLabel={t('call.leaveConfirm.no')}
        onConfirm={() => void engine.leave()}
        large
      >
        {(ask) => (
          <Button size={size} iconId="fr-icon-logout-box-r-line" priority="tertiary" onClick={ask}>
            {t('call.leave')}
          </Button>
        )}
      </ConfirmButton>
    )}
    {isAgent && (
      <ConfirmButton
        question={t('call.endConfirm.question')}
        detail={t('call.endConfirm.detail')}
        confirmLabel={t('call.endConfirm.yes')}
        cancelLabel={t('call.endConfirm.no')}
        onConfirm={() => void engine.endForEveryone()}
      >
        {(ask) => (
          <Button size={size} iconId="fr-icon-close-circle-line" priority="primary" onClick={ask}>
            {t('call.end')}
          </Button>
        )}
      </ConfirmButton>
    )}
    </>
  );
}
