import { IsBoolean, IsUUID } from 'class-validator';

export class PauseProducerDto {
  @IsUUID('4')
  producerId!: string;

  @IsBoolean()
  paused!: boolean;
}
