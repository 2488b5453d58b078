import { IsString, Matches } from 'class-validator';

export class AdmitParticipantDto {
  @IsString()
  @Matches(/^(booth|agent|facilitator):[0-9a-f-]{36}$/, { message: 'participantId must be a participant id' })
  participantId!: string;
}
