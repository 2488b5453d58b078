import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useCallback, useRef, type ReactNode } from 'react';
import type { CallEndReason, Participant, ParticipantRole } from '@shared/signalling/protocol';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useCall } from '../hooks/use-call';
import { CallEngine } from '../media/call-engine';
import { CallSnapshot } from '../media/call-state';
import { CallControls } from './CallControls';
import { MediaTile } from './MediaTile';
import { ChatPanel } from './ChatPanel';
import { callEndMessage } from '../end-message';

const QUALITY_SEVERITY = { unknown: 'info', good: 'success', medium: 'warning', poor: 'error' } as const;

/** How the call ended for us, for the screen that follows it (composed per role by the routes). */
export interface CallEnd {
  consultationId: string;
  /** 'ended': the agent ended it; 'refused': it could not be entered (reason says why). */
  status: 'ended' | 'refused';
  /** 'left' when we left it ourselves; otherwise why it ended or was refused. */
  reason: CallEndReason | null;
  /** Whether the booth was in the call at some point (the agent's outcome defaults to "held"). */
  boothWasIn: boolean;
}

/** What the route's documents view (composed beside the call) needs from the call. */
export interface CallDocumentsSlot {
  consultationId: string;
  /** Grows when the documents may have changed: read them again. */
  version: number;
  localStream: MediaStream | null;
  cameraOn: boolean;
}

/** What the route's context view (the facilitator's checklist, for the agent) needs from the call. */
export interface CallContextSlot {
  consultationId: string;
  /** Grows when the checklist may have changed: read it again. */
  version: number;
  /** Where it is shown: inside the lobby banner (one line) or beside the video. */
  place: 'lobby' | 'call';
}

interface CallPageProps {
  endScreen?: (end: CallEnd) => ReactNode;
  /** Shown beside the video once in the call (the documents exchanged). */
  documents?: (slot: CallDocumentsSlot) => ReactNode;
  /** The agent's context: in the lobby banner before admitting, and beside the video. */
  context?: (slot: CallContextSlot) => ReactNode;
}

export function CallPage({ endScreen, documents, context }: CallPageProps) {
  const { id } = useParams();
  // A new consultation is a new call: nothing of the previous one's state survives.
  return id ? <Call key={id} consultationId={id} endScreen={endScreen} documents={documents} context={context} /> : null;
}

function Call({ consultationId, endScreen, documents, context }: CallPageProps & { consultationId: string }) {
  const { t } = useTranslation();
  const { engine, snapshot: s, error } = useCall(consultationId);
  const boothWasIn = useRef(false);
  if (s.participants.some((p) => p.role === 'booth' && p.phase === 'call')) boothWasIn.current = true;
  const isAgent = s.self?.role === 'agent';
  const waiting = s.participants.filter((p) => p.phase === 'lobby');
  const remotes = orderRemotes(s.participants.filter((p) => p.phase === 'call'), isAgent);
  const [screenOwner, screen] = Object.entries(s.remoteScreens)[0] ?? [];
  // The shared screen takes the large tile; otherwise the person one talks to does.
  const main = screen ? undefined : remotes[0];
  const side = screen ? remotes : remotes.slice(1);
  const localIndicators = [!s.micOn && t('call.remoteMicOff'), !s.cameraOn && t('call.remoteCameraOff')].filter((x): x is string => typeof x === 'string');

  if (s.status === 'ended' || s.status === 'refused') {
    if (endScreen) return <>{endScreen({ consultationId, status: s.status, reason: s.reason, boothWasIn: boothWasIn.current })}</>;
    const message = callEndMessage(t, s.status, s.reason);
    return (
      <div className="fr-container fr-my-6w">
        <Alert severity={s.status === 'ended' ? 'info' : 'error'} title={message} description="" role="status" />
        <p className="fr-mt-4w">
          <a className="fr-btn" href="/">
            {t('call.back')}
          </a>
        </p>
      </div>
    );
  }

  return (
    // data-call-status: the call's state in the page itself, for assistive and automated tools alike.
    <div className="fr-container fr-my-3w" data-call-status={s.status}>
      <h1 className="fr-h3">{t('call.title')}</h1>
      {error && <Alert severity="error" small description={error} role="alert" className="fr-mb-2w" />}
      {s.endFailed && <Alert severity="error" small description={t('call.endFailed')} role="alert" className="fr-mb-2w" />}
      {s.status === 'reconnecting' && <Alert severity="warning" small description={t('call.reconnecting')} role="status" className="fr-mb-2w" />}
      {s.departed && <Alert severity="info" small description={t(`call.departed.${s.departed.reason}`, { name: s.departed.name })} role="status" className="fr-mb-2w" data-testid="departed" />}
      {s.audioOnlyAuto && <Alert severity="info" small description={t('call.audioOnlyAuto')} role="status" className="fr-mb-2w" />}
      {isAgent && s.deskMessage && (
        <Alert
          severity="info"
          small
          description={t('call.deskMessage', { name: s.deskMessage.senderName, body: s.deskMessage.body })}
          role="status"
          className="fr-mb-2w"
          data-testid="desk-message"
        />
      )}
      {s.mediaProblem && (
        <div data-testid="media-problem">
          {s.self?.role === 'booth' ? (
            <Alert severity="error" small description={t('call.media.selfBooth')} role="alert" className="fr-mb-2w" />
          ) : (
            <Alert severity="error" title={t('call.media.selfTitle')} description={t('call.media.self')} role="alert" className="fr-mb-2w" />
          )}
        </div>
      )}
      {s.participants
        .filter((p) => p.mediaProblem && p.phase === 'call')
        .map((p) => (
          <Alert key={p.id} severity="warning" small description={t('call.media.other', { name: p.displayName })} role="status" className="fr-mb-2w" data-testid="remote-media-problem" />
        ))}
      {isAgent &&
        waiting.map((p) => (
          <div key={p.id} className="fr-alert fr-alert--warning fr-mb-2w" role="alert" data-testid="lobby-banner" data-participant-role={p.role} data-participant-phase={p.phase}>
            <p>{t('call.waiting', { name: p.displayName })}</p>
            {p.role === 'booth' && context?.({ consultationId, version: s.supportVersion, place: 'lobby' })}
            <Button size="small" onClick={() => void engine.admit(p.id)}>
              {t('call.admit')}
            </Button>
          </div>
        ))}
      {s.status === 'lobby' ? (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <p className="fr-text--lead" role="status">
              {t('call.lobby')}
            </p>
            <p>{t('call.lobbyHint')}</p>
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <MediaTile stream={s.localStream} label={t('call.you')} local placeholder={t('call.connecting')} />
          </div>
        </div>
      ) : (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-9">
            {screen ? (
              <MediaTile
                stream={screen}
                kind="screen"
                label={t('call.screenOf', { name: s.participants.find((p) => p.id === screenOwner)?.displayName ?? '' })}
                placeholder={t('call.noVideo')}
              />
            ) : (
              <RemoteTile engine={engine} snapshot={s} participant={main} />
            )}
          </div>
          <div className="fr-col-12 fr-col-md-3">
            {side.map((p) => (
              <div key={p.id} className="fr-mb-2w">
                <RemoteTile engine={engine} snapshot={s} participant={p} />
              </div>
            ))}
            <MediaTile stream={s.audioOnly ? null : s.localStream} label={t('call.you')} local placeholder={t('call.you')} videoOff={!s.cameraOn} indicators={localIndicators} />
            <p className="fr-mt-1w">
              <Badge severity={QUALITY_SEVERITY[s.quality]} small>
                {t(`call.quality.${s.quality}`)}
              </Badge>
            </p>
            {isAgent && context?.({ consultationId, version: s.supportVersion, place: 'call' })}
            {documents?.({ consultationId, version: s.documentsVersion, localStream: s.localStream, cameraOn: s.cameraOn && !s.audioOnly })}
            <ChatPanel engine={engine} snapshot={s} />
          </div>
        </div>
      )}
      <CallControls engine={engine} snapshot={s} isAgent={isAgent} />
    </div>
  );
}

/** The agent talks to the booth first; everyone else to the agent first. */
function orderRemotes(inCall: Participant[], isAgent: boolean): Participant[] {
  const first: ParticipantRole = isAgent ? 'booth' : 'agent';
  return [...inCall].sort((a, b) => Number(b.role === first) - Number(a.role === first));
}

/** One remote participant's camera and sound; its on-screen height picks the simulcast layer. */
function RemoteTile({ engine, snapshot: s, participant }: { engine: CallEngine; snapshot: CallSnapshot; participant: Participant | undefined }) {
  const { t } = useTranslation();
  const id = participant?.id;
  const onHeight = useCallback((h: number) => id && engine.setRenderedHeight(id, h), [engine, id]);
  const media = id ? s.remoteMedia[id] : undefined;
  const indicators = [media?.micOn === false && t('call.remoteMicOff'), media?.cameraOn === false && t('call.remoteCameraOff')].filter(
    (x): x is string => typeof x === 'string',
  );
  const placeholder =
    media?.cameraOn === false
      ? t('call.cameraOffBy', { name: participant?.displayName ?? '' })
      : s.audioOnly
        ? t('call.audioOnlyActive')
        : s.status === 'connecting'
          ? t('call.connecting')
          : t('call.noVideo');
  return (
    <div data-participant-role={participant?.role} data-participant-phase={participant?.phase}>
      <MediaTile
        stream={id ? (s.remoteStreams[id] ?? null) : null}
        label={participant?.displayName ?? ''}
        onRenderedHeight={onHeight}
        videoOff={media?.cameraOn === false || s.audioOnly}
        indicators={indicators}
        placeholder={placeholder}
      />
    </div>
  );
}
