import { IsUUID } from 'class-validator';
import type { Req } from '../../../../shared/signalling/protocol';

export class ResumeConsumerDto implements Req<'resumeConsumer'> {
  @IsUUID('4')
  consumerId!: string;
}
