import { IsUUID } from 'class-validator';
import type { Req } from '../../../../shared/signalling/protocol';

export class RestartIceDto implements Req<'restartIce'> {
  @IsUUID('4')
  transportId!: string;
}
