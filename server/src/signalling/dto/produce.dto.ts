import { IsIn, IsObject, IsUUID } from 'class-validator';
import type { types } from 'mediasoup';
import { MEDIA_KINDS, MEDIA_SOURCES, MediaSource, Req } from '../../../../shared/signalling/protocol';

export class ProduceDto implements Req<'produce'> {
  @IsUUID('4')
  transportId!: string;

  @IsIn(MEDIA_KINDS)
  kind!: types.MediaKind;

  @IsObject()
  rtpParameters!: types.RtpParameters;

  @IsIn(MEDIA_SOURCES)
  source!: MediaSource;
}
