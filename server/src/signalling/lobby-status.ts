import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { signallingConfig, SignallingConfig } from '../config/configuration';
import { ConsultationReader } from '../consultations/consultation.reader';
import type { LobbyStatus } from '../../../shared/signalling/protocol';
import type { CallAccess } from './call-access.service';
import { PRESENCE_STALE_SECONDS } from './call-presence';

/** The agent's signalling id in every call (CallAccessService): their presence rows carry it. */
export const agentParticipantId = (agentUserId: string): string => `agent:${agentUserId}`;

/**
 * What a lobby is told about its agent, from what the server knows for sure: whether they are in
 * this call (the call itself), in another consultation's call (the presence rows every instance
 * writes), or nowhere, and then whether the booked start passed by LOBBY_LATE_MINUTES. The minutes
 * are the server's, rounded up: the booth shows them as they come, never counts down by itself.
 */
@Injectable()
export class LobbyStatusReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consultations: ConsultationReader,
    @Inject(signallingConfig.KEY) private readonly config: SignallingConfig,
  ) {}

  async read(access: CallAccess, agentHere: boolean, now = new Date()): Promise<LobbyStatus> {
    if (agentHere) return { agent: 'present' };
    if (!access.agentUserId || !access.startsAt) return { agent: 'away', lateMinutes: null };
    const [other] = (await this.dataSource.query(
      `SELECT consultation_id FROM call_presence
        WHERE participant_id = $1 AND phase = 'call' AND consultation_id <> $2
          AND seen_at > now() - make_interval(secs => $3)
        ORDER BY since DESC LIMIT 1`,
      [agentParticipantId(access.agentUserId), access.consultationId, PRESENCE_STALE_SECONDS],
    )) as Array<{ consultation_id: string }>;
    const previous = other ? await this.consultations.findForCall(other.consultation_id) : undefined;
    if (previous) return { agent: 'busy', previousEndsInMinutes: Math.max(0, Math.ceil((previous.endsAt.getTime() - now.getTime()) / 60_000)) };
    const lateMs = now.getTime() - access.startsAt.getTime();
    const late = lateMs >= this.config.lobbyLateMinutes * 60_000;
    return { agent: 'away', lateMinutes: late ? Math.floor(lateMs / 60_000) : null };
  }
}
