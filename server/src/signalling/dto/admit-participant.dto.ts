import { IsString, Matches } from 'class-validator';
import type { Req } from '../../../../shared/signalling/protocol';

export class AdmitParticipantDto implements Req<'admit'> {
  @IsString()
  @Matches(/^(booth|agent|facilitator):[0-9a-f-]{36}$/, { message: 'participantId must be a participant id' })
  participantId!: string;
}
