import { IsIn, IsUUID } from 'class-validator';
import { Req, SPATIAL_LAYERS, SpatialLayer } from '../../../../shared/signalling/protocol';

export class SetPreferredLayerDto implements Req<'setPreferredLayer'> {
  @IsUUID('4')
  consumerId!: string;

  @IsIn(SPATIAL_LAYERS, { message: 'spatialLayer must be 0, 1 or 2' })
  spatialLayer!: SpatialLayer;
}
