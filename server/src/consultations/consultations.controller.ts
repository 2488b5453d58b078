import { Controller, Get, Query } from '@nestjs/common';
import { Allow } from '../auth/decorators/allow.decorator';
import { CurrentPrincipal } from '../auth/decorators/principal.decorator';
import { Principal } from '../auth/principal';
import { ROLES } from '../auth/roles';
import { DomainError } from '../common/errors/domain.error';
import { ConsultationsService } from './consultations.service';
import { ListConsultationsQueryDto } from './dto/list-consultations.dto';

const MAX_RANGE_MS = 366 * 86_400_000;

@Controller('api/consultations')
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Get()
  @Allow(...ROLES, 'device')
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListConsultationsQueryDto) {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (to <= from) throw new DomainError('VALIDATION_FAILED', 'to must be after from.', { to: ['must be after from'] });
    if (to.getTime() - from.getTime() > MAX_RANGE_MS) {
      throw new DomainError('VALIDATION_FAILED', 'The range cannot exceed one year.', { to: ['range over one year'] });
    }
    return this.consultations.list(principal, from, to);
  }
}
