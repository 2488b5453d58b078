import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class OidcLoginQueryDto {
  @ApiPropertyOptional({ example: '/coordination/absences', description: 'A path of this site to come back to once signed in; anything else is ignored' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  retour?: string;
}
