import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ConsultationTypeView, toConsultationTypeView } from './dto/calendar.view';
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
  @ApiOkResponse({ type: [ConsultationTypeView] })
  async list(@Query() query: ListConsultationTypesQueryDto): Promise<ConsultationTypeView[]> {
    return (await this.types.list(query.administrationId)).map(toConsultationTypeView);
  }

  @Post()
  @Allow('admin', 'coordinator')
  @ApiCreatedResponse({ type: ConsultationTypeView })
  async create(@CurrentUser() user: UserPrincipal, @Body() dto: CreateConsultationTypeDto): Promise<ConsultationTypeView> {
    return toConsultationTypeView(await this.types.create(user, dto));
  }

  @Patch(':id')
  @Allow('admin', 'coordinator')
  @ApiOkResponse({ type: ConsultationTypeView })
  async update(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: UpdateConsultationTypeDto): Promise<ConsultationTypeView> {
    return toConsultationTypeView(await this.types.update(user, id, dto));
  }
}
