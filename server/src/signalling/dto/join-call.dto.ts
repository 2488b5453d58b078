import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class JoinCallDto {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  displayName?: string;
}
