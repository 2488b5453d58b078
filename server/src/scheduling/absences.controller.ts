import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/decorators/allow.decorator';
import { CurrentUser } from '../auth/decorators/principal.decorator';
import { UserPrincipal } from '../auth/principal';
import { AbsencesService } from './absences.service';
import { ListAbsencesQueryDto } from './dto/calendar.dto';
import { AbsenceListItemView } from './dto/unavailability.view';

/** Absences across agents (declaring and deleting one is under /api/agents/:id/absences). */
@ApiTags('agents')
@Controller('api/absences')
export class AbsencesController {
  constructor(private readonly absences: AbsencesService) {}

  /** The absences overlapping [from, to) of every agent the caller manages, or of one, earliest first. */
  @Get()
  @Allow('admin', 'coordinator')
  @ApiOkResponse({ type: [AbsenceListItemView] })
  list(@CurrentUser() user: UserPrincipal, @Query() query: ListAbsencesQueryDto) {
    return this.absences.listInScope(user, query);
  }
}
