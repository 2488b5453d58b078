import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/decorators/allow.decorator';
import { CurrentPrincipal } from '../auth/decorators/principal.decorator';
import { Principal } from '../auth/principal';
import { ROLES } from '../auth/roles';
import { uuidParam } from '../common/http/uuid-param';
import { parseRange } from '../scheduling/time-range';
import { ConsultationListItem } from './consultation-view';
import { ConsultationsService } from './consultations.service';
import { ListConsultationsQueryDto } from './dto/list-consultations.dto';

@ApiTags('consultations')
@Controller('api/consultations')
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  /** Agendas and boards: the caller's consultations over at most a year, with names. */
  @Get()
  @Allow(...ROLES, 'device')
  @ApiOkResponse({ type: [ConsultationListItem] })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListConsultationsQueryDto) {
    const { from, to, ...filters } = query;
    const range = parseRange(['from', 'to'], from, to);
    return this.consultations.list(principal, range.from, range.to, filters);
  }

  @Get(':id')
  @Allow(...ROLES, 'device')
  @ApiOkResponse({ type: ConsultationListItem })
  get(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string) {
    return this.consultations.get(principal, id);
  }
}
