import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { signallingConfig, SignallingConfig } from '../config/configuration';
import type { LobbyStatus } from '../../../shared/signalling/protocol';
import type { CallAccess } from './call-access.service';
import { PRESENCE_STALE_SECONDS } from './call-presence';

/** The agent's signalling id in every call (CallAccessService): their presence rows carry it. */
export const agentParticipantId = (agentUserId: string): string => `agent:${agentUserId}`;

/** What the server knows of the agent, for one lobby: the pure part of LobbyStatusReader. */
export interface AgentWhereabouts {
  /** In this consultation's call. */
  here: boolean;
  /** The booked end of the earlier consultation whose call they are in, if any. */
  previousEndsAt: Date | null;
  /** This consultation's booked start. */
  startsAt: Date;
}

/**
 * What the lobby is told. Once the booked start passed by the late threshold, the booth hears that
 * the agent is late even while they finish the previous call (`lateMinutes` set on 'busy' too):
 * "≈ 0 min" forever would no longer be true. Minutes are rounded up for what remains, down for
 * what passed: the booth shows them as they come, never counts down by itself.
 */
export function lobbyStatusOf(agent: AgentWhereabouts, lateThresholdMinutes: number, now: Date): LobbyStatus {
  if (agent.here) return { agent: 'present' };
  const lateMs = now.getTime() - agent.startsAt.getTime();
  const lateMinutes = lateMs >= lateThresholdMinutes * 60_000 ? Math.floor(lateMs / 60_000) : null;
  if (agent.previousEndsAt) {
    return { agent: 'busy', previousEndsInMinutes: Math.max(0, Math.ceil((agent.previousEndsAt.getTime() - now.getTime()) / 60_000)), lateMinutes };
  }
  return { agent: 'away', lateMinutes };
}

/**
 * What a lobby is told about its agent, from what the server knows for sure: whether they are in
 * this call (the call itself), in the call of an earlier consultation (the presence rows every
 * instance write; a later consultation, joined ahead of time, is no "previous" one), or nowhere;
 * and whether the booked start passed by LOBBY_LATE_MINUTES.
 */
@Injectable()
export class LobbyStatusReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(signallingConfig.KEY) private readonly config: SignallingConfig,
  ) {}

  async read(access: CallAccess, agentHere: boolean, now = new Date()): Promise<LobbyStatus> {
    if (agentHere) return { agent: 'present' };
    if (!access.agentUserId || !access.startsAt) return { agent: 'away', lateMinutes: null };
    const [previous] = (await this.dataSource.query(
      `SELECT c.ends_at AS "endsAt" FROM call_presence p JOIN consultations c ON c.id = p.consultation_id
        WHERE p.participant_id = $1 AND p.phase = 'call' AND p.consultation_id <> $2
          AND p.seen_at > now() - make_interval(secs => $3) AND c.starts_at < $4
        ORDER BY c.starts_at DESC LIMIT 1`,
      [agentParticipantId(access.agentUserId), access.consultationId, PRESENCE_STALE_SECONDS, access.startsAt],
    )) as Array<{ endsAt: Date }>;
    return lobbyStatusOf({ here: false, previousEndsAt: previous?.endsAt ?? null, startsAt: access.startsAt }, this.config.lobbyLateMinutes, now);
  }
}
