import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ButtonsGroup } from '@codegouvfr/react-dsfr/ButtonsGroup';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../i18n';
import { playTestTone } from '../media/test-tone';
import type { CheckStatus } from '../report';
import { CheckSection } from './CheckSection';

interface SpeakerCheckProps {
  context: AudioContext | null;
  status: CheckStatus;
  onAnswer: (heard: boolean) => void;
}

export function SpeakerCheck({ context, status, onAnswer }: SpeakerCheckProps) {
  const { t } = useTranslation('precall');
  const [phase, setPhase] = useState<'idle' | 'playing' | 'played'>('idle');

  const play = async () => {
    if (!context || phase === 'playing') return;
    setPhase('playing');
    try {
      await playTestTone(context);
    } finally {
      setPhase('played');
    }
  };

  return (
    <CheckSection id="precall-speaker" step={3} title={t('speaker.title')} status={status} intro={t('speaker.intro')}>
      {context ? (
        // aria-disabled rather than disabled: a disabled button drops the keyboard focus.
        <Button
          size="large"
          iconId="fr-icon-volume-up-line"
          nativeButtonProps={{ 'aria-disabled': phase === 'playing' }}
          onClick={() => void play()}
        >
          {phase === 'playing' ? t('speaker.playing') : phase === 'played' ? t('speaker.replay') : t('speaker.play')}
        </Button>
      ) : (
        <Alert severity="error" small description={t('speaker.unsupported')} />
      )}
      {/* Stays after the answer, which shows as pressed: focus is not lost, and a "no" can become a
          "yes" once the volume is up and the tune replayed. */}
      {(phase === 'played' || status !== 'pending') && (
        <fieldset className="fr-fieldset fr-mt-2w">
          <legend className="fr-fieldset__legend fr-text--lg">{t('speaker.question')}</legend>
          <div className="fr-fieldset__element">
            <ButtonsGroup
              inlineLayoutWhen="always"
              buttonsSize="large"
              buttons={[
                {
                  children: t('speaker.yes'),
                  priority: status === 'passed' ? 'primary' : 'secondary',
                  nativeButtonProps: { 'aria-pressed': status === 'passed' },
                  onClick: () => onAnswer(true),
                },
                {
                  children: t('speaker.no'),
                  priority: status === 'failed' ? 'primary' : 'secondary',
                  nativeButtonProps: { 'aria-pressed': status === 'failed' },
                  onClick: () => onAnswer(false),
                },
              ]}
            />
          </div>
        </fieldset>
      )}
      <p role="status" className="fr-mt-1w fr-mb-0">
        {status === 'passed' && t('speaker.heard')}
        {status === 'failed' && t('speaker.advice')}
      </p>
    </CheckSection>
  );
}
