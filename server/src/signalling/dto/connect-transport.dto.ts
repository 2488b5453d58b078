import { IsObject, IsUUID } from 'class-validator';
import type { types } from 'mediasoup';
import type { Req } from '../../../../shared/signalling/protocol';

export class ConnectTransportDto implements Req<'connectTransport'> {
  @IsUUID('4')
  transportId!: string;

  /** Checked in depth by mediasoup itself; a malformed one is answered VALIDATION_FAILED. */
  @IsObject()
  dtlsParameters!: types.DtlsParameters;
}
