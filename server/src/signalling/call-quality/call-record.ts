import type { ConnectFailure } from '../../../../shared/stats/indicators';
import type { CallQualityEvent } from './call-quality-event';

/** What changed in a call's record since it was last written: counts to add, first times to keep. */
export interface QualityDelta {
  joins: number;
  reconnections: number;
  iceRestarts: number;
  audioOnly: boolean;
  boothLobbyAt: Date | null;
  agentJoinedAt: Date | null;
  mediaConnectedAt: Date | null;
  firstFrameMs: number | null;
  /** Only while no media ever flowed: a call whose media flowed did connect. */
  connectFailure: ConnectFailure | null;
}

const blank = (): QualityDelta => ({
  joins: 0,
  reconnections: 0,
  iceRestarts: 0,
  audioOnly: false,
  boothLobbyAt: null,
  agentJoinedAt: null,
  mediaConnectedAt: null,
  firstFrameMs: null,
  connectFailure: null,
});

/** What the recorder does beyond writing: the time-to-first-frame metric, the no-media watch. */
export interface Applied {
  firstFrameMs?: number;
  /** Transports are connected in an admitted call and nothing flows yet: check again later. */
  armNoMedia?: boolean;
}

/**
 * One consultation's call as its quality record sees it, in memory. A join by someone who had
 * already been in the call of this consultation is a reconnection (a dropped socket, a refreshed
 * page, the media started again after a failure or a worker crash), whoever they are. The
 * participant ids stay here, never in the database.
 */
export class CallRecord {
  private readonly inCallBefore = new Set<string>();
  private boothSeen = false;
  private agentSeen = false;
  private admittedAt: Date | null = null;
  private mediaSince: Date | null = null;
  private videoSeen = false;
  private transportUp = false;
  private failed = false;
  private noMediaArmed = false;
  private live = false;
  private pending = blank();
  private dirty = false;

  /** Someone was let in and the call has not emptied or ended since. */
  get inProgress(): boolean {
    return this.live;
  }

  apply(event: CallQualityEvent, now: Date): Applied {
    this.dirty = true;
    const p = this.pending;
    switch (event.type) {
      case 'joined':
        p.joins++;
        if (this.inCallBefore.has(event.participantId)) p.reconnections++;
        if (event.phase === 'call') {
          this.inCallBefore.add(event.participantId);
          // Back into a call that someone was let in before (the agent alone is not a call yet).
          if (event.role !== 'agent' && this.admittedAt) this.live = true;
        }
        if (event.role === 'booth' && event.phase === 'lobby' && !this.boothSeen) {
          this.boothSeen = true;
          p.boothLobbyAt = now;
        }
        if (event.role === 'agent' && !this.agentSeen) {
          this.agentSeen = true;
          p.agentJoinedAt = now;
        }
        return {};
      case 'admitted':
        this.inCallBefore.add(event.participantId);
        this.admittedAt ??= now;
        this.live = true;
        return { armNoMedia: this.shouldArm() };
      case 'transportConnected':
        this.transportUp = true;
        return { armNoMedia: this.shouldArm() };
      case 'mediaFlowing': {
        if (!this.mediaSince) {
          this.mediaSince = now;
          p.mediaConnectedAt = now;
          p.connectFailure = null;
        }
        if (event.kind !== 'video' || this.videoSeen || !this.admittedAt) return {};
        this.videoSeen = true;
        p.firstFrameMs = Math.max(0, now.getTime() - this.admittedAt.getTime());
        return { firstFrameMs: p.firstFrameMs };
      }
      case 'iceRestart':
        p.iceRestarts++;
        return {};
      case 'audioOnlyFallback':
        p.audioOnly = true;
        return {};
      case 'failure':
        this.failed = true;
        if (!this.mediaSince) p.connectFailure ??= event.reason;
        return {};
      case 'closed':
        this.live = false;
        this.transportUp = false;
        return {};
    }
  }

  /** The no-media watch is due: whether the call still has transports up and nothing flowing. */
  noMediaDue(): boolean {
    this.noMediaArmed = false;
    return this.live && !this.mediaSince && !this.failed;
  }

  /** What to write since the last call, or null when nothing changed. */
  take(): QualityDelta | null {
    if (!this.dirty) return null;
    const delta = this.pending;
    this.pending = blank();
    this.dirty = false;
    return delta;
  }

  private shouldArm(): boolean {
    if (!this.admittedAt || !this.transportUp || this.mediaSince || this.failed || this.noMediaArmed) return false;
    this.noMediaArmed = true;
    return true;
  }
}
