import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/decorators/allow.decorator';
import { AuthenticatedRequest, CurrentPrincipal, CurrentUser } from '../auth/decorators/principal.decorator';
import { Principal, UserPrincipal } from '../auth/principal';
import { enumParam } from '../common/http/enum-param';
import { uuidParam } from '../common/http/uuid-param';
import { CONSENT_KINDS, ConsentKind } from '../../../shared/support/support';
import { GiveConsentDto, PatchSupportDto, SaveTemplateDto } from './dto/checklist.dto';
import { ChecklistDefaultView, ChecklistTemplateView, SupportView } from './dto/checklist.view';
import { SupportService } from './support.service';
import { TemplatesService } from './templates.service';

@ApiTags('checklist')
@Controller('api')
export class ChecklistController {
  constructor(
    private readonly templates: TemplatesService,
    private readonly support: SupportService,
  ) {}

  /** The checklist each theme starts with (what a template editor offers to start from). */
  @Get('checklist-templates/defaults')
  @Allow('admin', 'coordinator')
  @ApiOkResponse({ type: [ChecklistDefaultView] })
  defaults(): ChecklistDefaultView[] {
    return this.templates.defaults();
  }

  @Get('consultation-types/:id/checklist-template')
  @Allow('admin', 'coordinator')
  @ApiOkResponse({ type: ChecklistTemplateView })
  template(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string) {
    return this.templates.get(user, id);
  }

  /** Saves a new version (409 TEMPLATE_VERSION_STALE when `baseVersion` is not the latest). */
  @Put('consultation-types/:id/checklist-template')
  @Allow('admin', 'coordinator')
  @ApiOkResponse({ type: ChecklistTemplateView })
  saveTemplate(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: SaveTemplateDto, @Req() req: AuthenticatedRequest) {
    return this.templates.save(user, id, dto, req.ip ?? null);
  }

  /** Back to the theme's default; 409 TEMPLATE_IN_USE once a checklist was filled with it. */
  @Delete('consultation-types/:id/checklist-template')
  @Allow('admin', 'coordinator')
  @HttpCode(204)
  @ApiNoContentResponse()
  resetTemplate(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Req() req: AuthenticatedRequest) {
    return this.templates.reset(user, id, req.ip ?? null);
  }

  @Get('consultations/:id/support')
  @Allow('agent', 'facilitator')
  @ApiOkResponse({ type: SupportView })
  get(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string) {
    return this.support.get(principal, id);
  }

  /** Only the fields sent change; a field changed elsewhere since `base` is a 409 EDIT_CONFLICT naming it. */
  @Patch('consultations/:id/support')
  @Allow('facilitator')
  @ApiOkResponse({ type: SupportView })
  patch(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: PatchSupportDto, @Req() req: AuthenticatedRequest) {
    return this.support.patch(user, id, dto, req.ip ?? null);
  }

  /** Records the citizen's consent on the text version shown (409 CONSENT_TEXT_STALE on an older one). */
  @Post('consultations/:id/support/consents')
  @Allow('facilitator')
  @HttpCode(200)
  @ApiOkResponse({ type: SupportView })
  giveConsent(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: GiveConsentDto, @Req() req: AuthenticatedRequest) {
    return this.support.giveConsent(user, id, dto, req.ip ?? null);
  }

  @Delete('consultations/:id/support/consents/:kind')
  @Allow('facilitator')
  @ApiOkResponse({ type: SupportView })
  revokeConsent(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Param('kind', enumParam('kind', CONSENT_KINDS)) kind: ConsentKind, @Req() req: AuthenticatedRequest) {
    return this.support.revokeConsent(user, id, kind, req.ip ?? null);
  }
}
