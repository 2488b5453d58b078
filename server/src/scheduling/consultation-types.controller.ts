import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/decorators/allow.decorator';
import { CurrentUser } from '../auth/decorators/principal.decorator';
import { UserPrincipal } from '../auth/principal';
import { ROLES } from '../auth/roles';
import { uuidParam } from '../common/http/uuid-param';
import { ConsultationTypesService } from './consultation-types.service';
import { CreateConsultationTypeDto, ListConsultationTypesQueryDto, UpdateConsultationTypeDto } from './dto/consultation-type.dto';

@ApiTags('scheduling')
@Controller('api/consultation-types')
export class ConsultationTypesController {
  constructor(private readonly types: ConsultationTypesService) {}

  @Get()
  @Allow(...ROLES)
  list(@Query() query: ListConsultationTypesQueryDto) {
    return this.types.list(query.administrationId);
  }

  @Post()
  @Allow('admin', 'coordinator')
  create(@CurrentUser() user: UserPrincipal, @Body() dto: CreateConsultationTypeDto) {
    return this.types.create(user, dto);
  }

  @Patch(':id')
  @Allow('admin', 'coordinator')
  update(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: UpdateConsultationTypeDto) {
    return this.types.update(user, id, dto);
  }
}
