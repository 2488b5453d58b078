import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../i18n';
import { useAudioContext } from '../hooks/use-audio-context';
import { type DeviceState, useLocalMedia } from '../hooks/use-local-media';
import { useMicLevel } from '../hooks/use-mic-level';
import { type ProbeMedia, useNetworkCheck } from '../hooks/use-network-check';
import { type CheckDigest, checkDigest, type CheckStatus, type DeviceCheck, networkCheck, type PreCallReport } from '../report';
import { CameraCheck } from './CameraCheck';
import { MicCheck } from './MicCheck';
import { NetworkCheck } from './NetworkCheck';
import { ReportSummary } from './ReportSummary';
import { SpeakerCheck } from './SpeakerCheck';

export interface PreCallCheckProps {
  /** Called with the report when the user presses "Terminer"; without it there is no such button. */
  onDone?: (report: PreCallReport) => void;
  /** Sends test media to the SFU (given by the app, which owns the media code); without it, HTTP only. */
  probeMedia?: ProbeMedia;
  /** Called once the camera, microphone and network checks have a result (again if one changes): the booth reports it. */
  onSettled?: (digest: CheckDigest) => void;
  /** The citizen at the booth: plain words, no measures (the digest still carries them to the facilitator). */
  plain?: boolean;
}

function deviceCheck(device: DeviceState, working: boolean): DeviceCheck {
  if (device.problem) return { status: 'failed', problem: device.problem };
  return { status: device.stream && working ? 'passed' : 'pending', problem: null };
}

/**
 * "Vérification avant l'appel": camera, microphone, speakers and network, for the booth terminal
 * (touch, large targets) and for the agent before a consultation. Every track and the audio
 * context are released on unmount, so the call that follows can open the devices again.
 */
export function PreCallCheck({ onDone, probeMedia, onSettled, plain = false }: PreCallCheckProps) {
  const { t } = useTranslation('precall');
  const [checkedAt] = useState(() => new Date().toISOString());
  const media = useLocalMedia();
  const audio = useAudioContext();
  const mic = useMicLevel(audio.context, media.microphone.stream);
  const network = useNetworkCheck(probeMedia);
  const [cameraFrames, setCameraFrames] = useState<MediaStream | null>(null);
  const [speaker, setSpeaker] = useState<CheckStatus>('pending');

  const cameraStream = media.camera.stream;
  // Frames count only for the stream that produced them: a retry starts the camera check over.
  const onFrames = useCallback(() => setCameraFrames(cameraStream), [cameraStream]);
  const { context } = audio;
  const activateAudio = useCallback(() => void context?.resume(), [context]);

  const report: PreCallReport = {
    checkedAt,
    camera: deviceCheck(media.camera, cameraFrames !== null && cameraFrames === cameraStream),
    microphone: deviceCheck(media.microphone, mic.heard),
    speaker: { status: speaker },
    network: networkCheck(network.rttMs, network.bitrateKbps, network.failed, network.media),
  };

  const digest = checkDigest(report);
  const digestKey = digest ? JSON.stringify(digest) : null;
  const reported = useRef<string | null>(null);
  const settled = useRef(onSettled);
  settled.current = onSettled;
  useEffect(() => {
    if (!digest || digestKey === reported.current) return;
    reported.current = digestKey;
    settled.current?.(digest);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the digest's content is its key
  }, [digestKey]);

  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('title')}</h1>
      <p className="fr-text--lead">{t('intro')}</p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-lg-6">
          <CameraCheck device={media.camera} status={report.camera.status} onFrames={onFrames} onRetry={media.retry} />
          <MicCheck
            device={media.microphone}
            status={report.microphone.status}
            level={mic.level}
            heard={mic.heard}
            needsGesture={mic.blocked && !audio.running}
            onActivate={activateAudio}
            onRetry={media.retry}
          />
        </div>
        <div className="fr-col-12 fr-col-lg-6">
          <SpeakerCheck context={audio.context} status={speaker} onAnswer={(heard) => setSpeaker(heard ? 'passed' : 'failed')} />
          <NetworkCheck result={report.network} hasMediaProbe={probeMedia !== undefined} running={network.running} onRerun={network.rerun} plain={plain} />
        </div>
      </div>
      <ReportSummary report={report} onDone={onDone} plain={plain} />
    </div>
  );
}
