import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiNoContentResponse, ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { describePrincipal } from '../auth/auth.controller';
import { CSRF_COOKIE, csrfCookieOptions, DEVICE_COOKIE } from '../auth/cookies';
import { Allow, Public } from '../auth/decorators/allow.decorator';
import { AuthenticatedRequest, CurrentPrincipal, CurrentUser } from '../auth/decorators/principal.decorator';
import { DevicePrincipal, Principal, UserPrincipal } from '../auth/principal';
import { DomainError } from '../common/errors/domain.error';
import { BoothCheckDto } from './dto/booth-check.dto';
import { uuidParam } from '../common/http/uuid-param';
import { authConfig, AuthConfig, deskConfig, DeskConfig } from '../config/configuration';
import { DevicesService } from './devices.service';
import { BoothUnlockService } from './booth-unlock.service';
import { FacilitatorCredentialsDto, FacilitatorUnlockView } from './dto/facilitator-credentials.dto';
import { PairDeviceDto } from './dto/pair-device.dto';
import { BoothSettingsView, DeviceView, PairingCodeView, toDeviceView } from './dto/device.view';
import { DevicePrincipalView, PRINCIPAL_SCHEMA, UserPrincipalView } from '../auth/dto/principal.view';

@Controller('api')
@ApiExtraModels(UserPrincipalView, DevicePrincipalView)
export class DevicesController {
  constructor(
    private readonly devices: DevicesService,
    private readonly unlock: BoothUnlockService,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    @Inject(deskConfig.KEY) private readonly desk: DeskConfig,
  ) {}

  @Post('booths/:boothId/pairing-codes')
  @Allow('admin', 'facilitator')
  @ApiCreatedResponse({ type: PairingCodeView })
  async createPairingCode(@CurrentUser() user: UserPrincipal, @Param('boothId', uuidParam('boothId')) boothId: string): Promise<PairingCodeView> {
    const created = await this.devices.createPairingCode(user, boothId);
    return { code: created.code, expiresAt: created.expiresAt.toISOString(), boothId: created.boothId };
  }

  @Post('devices/pair')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ schema: PRINCIPAL_SCHEMA })
  async pair(@Body() dto: PairDeviceDto, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    const paired = await this.devices.pair(dto.code, dto.label, req.ip ?? null);
    res.cookie(DEVICE_COOKIE, paired.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      path: '/',
      expires: paired.expiresAt,
    });
    res.cookie(CSRF_COOKIE, paired.principal.csrfToken, csrfCookieOptions(this.config.cookieSecure));
    return describePrincipal(paired.principal);
  }

  /** The booth terminal is alive (every 15 s): its France Services' desk shows it online. */
  @Post('devices/me/heartbeat')
  @Allow('device')
  @HttpCode(204)
  @ApiNoContentResponse()
  heartbeat(@CurrentPrincipal() principal: Principal) {
    return this.devices.heartbeat(asDevice(principal));
  }

  /** The result of the booth's pre-call check, shown on the facilitator's desk. */
  @Post('devices/me/check')
  @Allow('device')
  @HttpCode(204)
  @ApiNoContentResponse()
  reportCheck(@CurrentPrincipal() principal: Principal, @Body() dto: BoothCheckDto) {
    return this.devices.reportCheck(asDevice(principal), dto);
  }

  /** The booth screen's own settings (its idle time before the privacy wipe). */
  @Get('devices/me/settings')
  @Allow('device')
  @ApiOkResponse({ type: BoothSettingsView })
  settings(): BoothSettingsView {
    return { idleSeconds: this.desk.boothIdleSeconds };
  }

  /** A facilitator of the booth's site (or an admin) opens the booth's settings with their credentials. */
  @Post('devices/me/facilitator-unlock')
  @Allow('device')
  @HttpCode(200)
  @ApiOkResponse({ type: FacilitatorUnlockView })
  async facilitatorUnlock(@CurrentPrincipal() principal: Principal, @Body() dto: FacilitatorCredentialsDto, @Req() req: AuthenticatedRequest): Promise<FacilitatorUnlockView> {
    const user = await this.unlock.unlock(asDevice(principal), dto.email, dto.password, req.ip ?? null);
    return { displayName: user.displayName };
  }

  /** The same facilitator unpairs this screen from the booth itself (its cookie then opens nothing). */
  @Post('devices/me/unpair')
  @Allow('device')
  @HttpCode(204)
  @ApiNoContentResponse()
  unpair(@CurrentPrincipal() principal: Principal, @Body() dto: FacilitatorCredentialsDto, @Req() req: AuthenticatedRequest) {
    return this.unlock.unpair(asDevice(principal), dto.email, dto.password, req.ip ?? null);
  }

  @Get('devices')
  @Allow('admin', 'facilitator')
  @ApiOkResponse({ type: [DeviceView] })
  async list(@CurrentUser() user: UserPrincipal): Promise<DeviceView[]> {
    return (await this.devices.list(user)).map(toDeviceView);
  }

  @Delete('devices/:id')
  @Allow('admin', 'facilitator')
  @HttpCode(204)
  revoke(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string) {
    return this.devices.revoke(user, id);
  }
}

function asDevice(principal: Principal): DevicePrincipal {
  if (principal.kind !== 'device') throw new DomainError('FORBIDDEN', 'Only booth terminals report this.');
  return principal;
}
