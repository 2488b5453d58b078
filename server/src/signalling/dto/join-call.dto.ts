import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { Req } from '../../../../shared/signalling/protocol';

export class JoinCallDto implements Req<'join'> {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  displayName?: string;
}
