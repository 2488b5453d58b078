import { IsObject, IsUUID } from 'class-validator';
import type { types } from 'mediasoup';

export class ConnectTransportDto {
  @IsUUID('4')
  transportId!: string;

  /** Checked in depth by mediasoup itself; a malformed one is answered VALIDATION_FAILED. */
  @IsObject()
  dtlsParameters!: types.DtlsParameters;
}
