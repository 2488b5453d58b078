import { Button } from '@codegouvfr/react-dsfr/Button';
import { useTranslation } from 'react-i18next';
import { CallEngine } from '../media/call-engine';
import { CallSnapshot } from '../media/call-state';

/** Large labelled buttons: usable by touch at the booth and by keyboard at the office. */
export function CallControls({ engine, snapshot, isAgent }: { engine: CallEngine; snapshot: CallSnapshot; isAgent: boolean }) {
  const { t } = useTranslation();
  const s = snapshot;
  return (
    <div className="fr-btns-group fr-btns-group--inline fr-btns-group--icon-left fr-mt-2w" role="toolbar" aria-label={t('call.title')}>
      <Button iconId="fr-icon-mic-line" priority={s.micOn ? 'secondary' : 'primary'} onClick={() => engine.setMic(!s.micOn)} aria-pressed={!s.micOn}>
        {s.micOn ? t('call.micOn') : t('call.micOff')}
      </Button>
      <Button iconId="fr-icon-camera-line" priority={s.cameraOn ? 'secondary' : 'primary'} onClick={() => engine.setCamera(!s.cameraOn)} aria-pressed={!s.cameraOn}>
        {s.cameraOn ? t('call.cameraOn') : t('call.cameraOff')}
      </Button>
      <Button iconId="fr-icon-volume-up-line" priority="secondary" onClick={() => engine.setAudioOnly(!s.audioOnly)} aria-pressed={s.audioOnly}>
        {s.audioOnly ? t('call.audioOnlyOff') : t('call.audioOnlyOn')}
      </Button>
      {isAgent && (
        <Button iconId="fr-icon-computer-line" priority="secondary" onClick={() => void (s.sharingScreen ? engine.stopScreen() : engine.shareScreen())}>
          {s.sharingScreen ? t('call.stopShare') : t('call.shareScreen')}
        </Button>
      )}
      <Button iconId="fr-icon-logout-box-r-line" priority="tertiary" onClick={() => void engine.leave()}>
        {t('call.leave')}
      </Button>
      {isAgent && (
        <Button iconId="fr-icon-close-circle-line" priority="primary" onClick={() => void engine.endForEveryone()}>
          {t('call.end')}
        </Button>
      )}
    </div>
  );
}
