import { IsIn } from 'class-validator';
import { CALL_EVENT_KINDS, CallEventKind, Req } from '../../../../shared/signalling/protocol';

export class ReportCallEventDto implements Req<'reportCallEvent'> {
  @IsIn(CALL_EVENT_KINDS)
  kind!: CallEventKind;
}
