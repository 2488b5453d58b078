import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
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
import { useApi } from '../../../lib/use-api';
import { getConsultation } from '../../../lib/consultations';
import { BoothLobby } from './BoothLobby';
import { CallTimer } from './CallTimer';
import { LobbyBanner, waitingName } from './LobbyBanner';
import { BoothSide } from './BoothSide';
import { consultationWho } from '../consultation-who';
import './call.css';

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
  /** At the booth, where documents share the side column with the chat: bring the documents into view (one arrived). */
  onAttention?: () => void;
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
  // Who waits and when it is booked: the booth sees its appointment, the agent who is waiting (HTTP, not signalling).
  const { data: consultation } = useApi(() => getConsultation(consultationId), [consultationId]);
  const page = useRef<HTMLDivElement>(null);
  useFillViewport(page);
  const boothWasIn = useRef(false);
  if (s.participants.some((p) => p.role === 'booth' && p.phase === 'call')) boothWasIn.current = true;
  const isAgent = s.self?.role === 'agent';
  const atBooth = s.self?.role === 'booth';
  const waiting = s.participants.filter((p) => p.phase === 'lobby');
  const remotes = orderRemotes(s.participants.filter((p) => p.phase === 'call'), isAgent);
  const [screenOwner, screen] = Object.entries(s.remoteScreens)[0] ?? [];
  // The shared screen takes the large tile; otherwise the person one talks to does.
  const main = screen ? undefined : remotes[0];
  const localIndicators = [!s.micOn && t('call.remoteMicOff'), !s.cameraOn && t('call.remoteCameraOff')].filter((x): x is string => typeof x === 'string');
  const startedAt = useCallStart(s.status === 'call' && remotes.some((p) => p.role === 'booth'), consultation?.callStartedAt ?? null);
  const controls = useRef<HTMLDivElement>(null);
  // The booth in the call: its own picture over the other's corner, the side column for the chat (or the documents).
  const boothCall = atBooth && s.status !== 'lobby';
  const documentsSlot: CallDocumentsSlot = { consultationId, version: s.documentsVersion, localStream: s.localStream, cameraOn: s.cameraOn && !s.audioOnly };
  const documentsView = s.status !== 'lobby' && documents?.(documentsSlot);
  // The booth's side column shows the chat or the documents, one at a time (BoothSide).
  const boothViews = boothCall && !!documents;

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

  const local = (
    <div className={boothCall ? 'call-page__self call-page__self--corner' : 'call-page__self'}>
      <MediaTile
        stream={s.audioOnly ? null : s.localStream}
        label={t('call.you')}
        local
        placeholder={s.localStream ? t('call.you') : t('call.connecting')}
        videoOff={!s.cameraOn}
        indicators={localIndicators}
      />
    </div>
  );
  const quality = (
    <Badge severity={QUALITY_SEVERITY[s.quality]} small>
      {t(`call.quality.${s.quality}`)}
    </Badge>
  );
  return (
    // data-call-status: the call's state in the page itself, for assistive and automated tools alike.
    <div ref={page} className={`call-page${atBooth ? ' call-page--booth' : ''}`} data-call-status={s.status}>
      {atBooth && (
        // The chat, its phrases and the documents come first in the reading order: one stop to the controls.
        <a
          className="call-page__skip fr-link"
          href="#call-controls"
          onClick={(e) => {
            e.preventDefault();
            controls.current?.focus();
          }}
        >
          {t('callSide.skipToControls')}
        </a>
      )}
      <div className="call-page__top">
        {/* At the booth in the call, the title is for the outline only: the screen's height goes to the chat. */}
        <div className={boothCall ? 'fr-sr-only' : 'call-page__head'}>
          <h1 className="fr-h5 fr-mb-0">{t('call.title')}</h1>
          {isAgent && consultation && (
            <p className="fr-mb-0 fr-text--bold" data-testid="call-who">
              {consultationWho(consultation, true)}
            </p>
          )}
          {isAgent && consultation && startedAt && <CallTimer startedAt={startedAt} endsAt={consultation.endsAt} />}
        </div>
        {isAgent && (
          // Said once when someone arrives (the banner itself is a region: its minutes change, it holds controls).
          <p className="fr-sr-only" role="status" data-testid="lobby-arrival">
            {waiting.map((p) => t('call.waiting', { name: waitingName(p, consultation) })).join(' ')}
          </p>
        )}
        {error && <Alert severity="error" small description={error} role="alert" />}
        {s.endFailed && <Alert severity="error" small description={t('call.endFailed')} role="alert" />}
        {s.status === 'reconnecting' && <Alert severity="warning" small description={t('call.reconnecting')} role="status" />}
        {s.departed && <Alert severity="info" small description={t(`call.departed.${s.departed.reason}`, { name: s.departed.name })} role="status" data-testid="departed" />}
        {s.audioOnlyAuto && <Alert severity="info" small description={t('call.audioOnlyAuto')} role="status" />}
        {isAgent && s.deskMessage && (
          <Alert
            severity="info"
            small
            description={t('call.deskMessage', { name: s.deskMessage.senderName, body: s.deskMessage.body })}
            role="status"
            data-testid="desk-message"
          />
        )}
        {s.mediaProblem && (
          <div data-testid="media-problem">
            {atBooth ? (
              <Alert severity="error" small description={t('call.media.selfBooth')} role="alert" />
            ) : (
              <Alert severity="error" title={t('call.media.selfTitle')} description={t('call.media.self')} role="alert" />
            )}
          </div>
        )}
        {s.participants
          .filter((p) => p.mediaProblem && p.phase === 'call')
          .map((p) => (
            <Alert key={p.id} severity="warning" small description={t('call.media.other', { name: p.displayName })} role="status" data-testid="remote-media-problem" />
          ))}
        {isAgent &&
          waiting.map((p) => (
            <LobbyBanner
              key={p.id}
              participant={p}
              consultationId={consultationId}
              consultation={consultation}
              context={context?.({ consultationId, version: s.supportVersion, place: 'lobby' })}
              onAdmit={() => void engine.admit(p.id)}
            />
          ))}
      </div>
      {/*
        NOTE: the remote tiles are one keyed list, children of the stage itself, placed by CSS (the
        large one, or small beside it): when a shared screen takes the large place, the camera moves
        without its <video> being made again (which would blank it until its next key frame).
      */}
      <div className="call-page__stage">
        {s.status === 'lobby' ? (
          <div className="call-page__main">
            <div>
              {atBooth ? (
                <BoothLobby consultation={consultation} status={s.lobbyStatus} message={s.boothMessage} />
              ) : (
                <>
                  <p className="fr-text--lead" role="status">
                    {t('call.lobby')}
                  </p>
                  <p>{t('call.lobbyHint')}</p>
                </>
              )}
            </div>
          </div>
        ) : screen ? (
          <div className="call-page__main">
            <MediaTile
              stream={screen}
              kind="screen"
              fill
              label={t('call.screenOf', { name: s.participants.find((p) => p.id === screenOwner)?.displayName ?? '' })}
              placeholder={t('call.noVideo')}
            />
          </div>
        ) : (
          !main && (
            <div className="call-page__main">
              <RemoteTile engine={engine} snapshot={s} participant={undefined} fill />
            </div>
          )
        )}
        {s.status !== 'lobby' &&
          remotes.map((p) => (
            <div key={p.id} className={p === main ? 'call-page__main' : 'call-page__tile'}>
              <RemoteTile engine={engine} snapshot={s} participant={p} fill={p === main} />
            </div>
          ))}
        {boothCall && local}
        {/* One tree whatever the phase: the chat (its draft) is the same from the lobby into the call. */}
        <div className={boothViews ? 'call-page__side call-page__side--views' : 'call-page__side'}>
          {!boothCall && local}
          {s.status !== 'lobby' && !boothViews && <p className="fr-mt-1w fr-mb-1w">{quality}</p>}
          {s.status === 'lobby' && atBooth && <p className="fr-mt-1w">{t('call.lobbyHint')}</p>}
          {isAgent && s.status !== 'lobby' && context?.({ consultationId, version: s.supportVersion, place: 'call' })}
          {s.status !== 'lobby' && !boothViews && documentsView}
          <BoothSide views={boothViews} chat={(tab) => <ChatPanel engine={engine} snapshot={s} tab={tab} />} documents={(show) => boothViews && documents?.({ ...documentsSlot, onAttention: show })} aside={quality} />
        </div>
      </div>
      <div id="call-controls" ref={controls} tabIndex={-1} className="call-page__controls">
        <CallControls engine={engine} snapshot={s} isAgent={isAgent} />
      </div>
    </div>
  );
}

/**
 * Sizes the call to what the viewport leaves below whatever is above it (the staff's header, none
 * at the booth), so the whole call, controls included, is in view without scrolling.
 */
function useFillViewport(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const fit = () => {
      const el = ref.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      el.style.setProperty('--call-height', `${Math.max(320, window.innerHeight - top)}px`);
    };
    fit();
    // What is above may change (a notice appears in the shell): the body's size follows it.
    const observer = new ResizeObserver(fit);
    observer.observe(document.body);
    window.addEventListener('resize', fit);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', fit);
    };
  }, [ref]);
}

/** When the conversation started: the server's record if any, else the moment the booth came in here. */
function useCallStart(boothInCall: boolean, recorded: string | null): string | null {
  const [seen, setSeen] = useState<string | null>(null);
  useEffect(() => {
    if (boothInCall && !seen) setSeen(new Date().toISOString());
  }, [boothInCall, seen]);
  return recorded ?? seen;
}

/** The agent talks to the booth first; everyone else to the agent first. */
function orderRemotes(inCall: Participant[], isAgent: boolean): Participant[] {
  const first: ParticipantRole = isAgent ? 'booth' : 'agent';
  return [...inCall].sort((a, b) => Number(b.role === first) - Number(a.role === first));
}

/** One remote participant's camera and sound; its on-screen height picks the simulcast layer. */
function RemoteTile({ engine, snapshot: s, participant, fill = false }: { engine: CallEngine; snapshot: CallSnapshot; participant: Participant | undefined; fill?: boolean }) {
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
    <div data-participant-role={participant?.role} data-participant-phase={participant?.phase} style={fill ? { height: '100%' } : undefined}>
      <MediaTile
        fill={fill}
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
