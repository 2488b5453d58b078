import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/decorators/allow.decorator';
import { CurrentUser } from '../auth/decorators/principal.decorator';
import { UserPrincipal } from '../auth/principal';
import { ROLES } from '../auth/roles';
import { uuidParam } from '../common/http/uuid-param';
import { DirectoryAdminService } from './directory-admin.service';
import { DirectoryService } from './directory.service';
import { CreateAdministrationDto, UpdateAdministrationDto } from './dto/administration.dto';
import { BoothNameDto, ListBoothsQueryDto } from './dto/booth.dto';
import { AdministrationView, BoothView, MsapSiteView, toAdministrationView, toBoothView, toSiteView } from './dto/directory.view';
import { CreateMsapSiteDto, UpdateMsapSiteDto } from './dto/msap-site.dto';

@ApiTags('directory')
@Controller('api')
export class DirectoryController {
  constructor(
    private readonly directory: DirectoryService,
    private readonly admin: DirectoryAdminService,
  ) {}

  @Get('administrations')
  @Allow(...ROLES)
  @ApiOkResponse({ type: [AdministrationView] })
  async administrations(@CurrentUser() user: UserPrincipal) {
    return (await this.directory.listAdministrations(user)).map(toAdministrationView);
  }

  @Post('administrations')
  @Allow('admin')
  @ApiCreatedResponse({ type: AdministrationView })
  @ApiOperation({ summary: '409 when an administration of the département already has the name (case-insensitive)' })
  async createAdministration(@CurrentUser() user: UserPrincipal, @Body() dto: CreateAdministrationDto) {
    return toAdministrationView(await this.admin.createAdministration(user, dto));
  }

  @Patch('administrations/:id')
  @Allow('admin')
  @ApiOkResponse({ type: AdministrationView })
  async updateAdministration(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: UpdateAdministrationDto) {
    return toAdministrationView(await this.admin.updateAdministration(user, id, dto));
  }

  @Get('msap-sites')
  @Allow(...ROLES)
  @ApiOkResponse({ type: [MsapSiteView] })
  async sites(@CurrentUser() user: UserPrincipal) {
    return (await this.directory.listSites(user)).map(toSiteView);
  }

  @Post('msap-sites')
  @Allow('admin', 'coordinator')
  @ApiCreatedResponse({ type: MsapSiteView })
  @ApiOperation({ summary: 'Coordinators create sites of their own département only; 409 on a name already used in the département' })
  async createSite(@CurrentUser() user: UserPrincipal, @Body() dto: CreateMsapSiteDto) {
    return toSiteView(await this.admin.createSite(user, dto));
  }

  @Patch('msap-sites/:id')
  @Allow('admin', 'coordinator')
  @ApiOkResponse({ type: MsapSiteView })
  async updateSite(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: UpdateMsapSiteDto) {
    return toSiteView(await this.admin.updateSite(user, id, dto));
  }

  @Get('msap-sites/:id/booths')
  @Allow('admin', 'coordinator', 'facilitator')
  @ApiOkResponse({ type: [BoothView] })
  async booths(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Query() query: ListBoothsQueryDto) {
    return (await this.directory.listBooths(user, id, query.includeRetired === 'true')).map(toBoothView);
  }

  @Post('msap-sites/:id/booths')
  @Allow('admin', 'coordinator')
  @ApiCreatedResponse({ type: BoothView })
  @ApiOperation({ summary: '409 when a booth of the MSAP (retired ones included) already has the name' })
  async createBooth(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: BoothNameDto) {
    return toBoothView(await this.admin.createBooth(user, id, dto.name));
  }

  @Patch('booths/:id')
  @Allow('admin', 'coordinator', 'facilitator')
  @ApiOkResponse({ type: BoothView })
  async renameBooth(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: BoothNameDto) {
    return toBoothView(await this.admin.renameBooth(user, id, dto.name));
  }

  @Post('booths/:id/retire')
  @Allow('admin', 'coordinator')
  @HttpCode(200)
  @ApiOkResponse({ type: BoothView })
  @ApiOperation({
    summary: 'Takes the booth out of service: no new booking or pairing, its terminals revoked, its history kept',
    description: '409 while consultations are still scheduled on it ahead (move or cancel them first), or when already retired.',
  })
  async retireBooth(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string) {
    return toBoothView(await this.admin.retireBooth(user, id));
  }

  @Post('booths/:id/reinstate')
  @Allow('admin', 'coordinator')
  @HttpCode(200)
  @ApiOkResponse({ type: BoothView })
  @ApiOperation({
    summary: 'Puts a retired booth back in service: it can be booked and paired again (its old terminals stay revoked)',
    description: '409 when the booth is in service.',
  })
  async reinstateBooth(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string) {
    return toBoothView(await this.admin.reinstateBooth(user, id));
  }
}
