import { Controller, Get, Param } from '@nestjs/common';
import { Allow } from '../auth/decorators/allow.decorator';
import { CurrentUser } from '../auth/decorators/principal.decorator';
import { UserPrincipal } from '../auth/principal';
import { ROLES } from '../auth/roles';
import { uuidParam } from '../common/http/uuid-param';
import { DirectoryService } from './directory.service';

@Controller('api')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('administrations')
  @Allow(...ROLES)
  administrations(@CurrentUser() user: UserPrincipal) {
    return this.directory.listAdministrations(user);
  }

  @Get('msap-sites')
  @Allow(...ROLES)
  sites(@CurrentUser() user: UserPrincipal) {
    return this.directory.listSites(user);
  }

  @Get('msap-sites/:id/booths')
  @Allow('admin', 'coordinator', 'facilitator')
  booths(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string) {
    return this.directory.listBooths(user, id);
  }
}
