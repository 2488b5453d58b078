import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { describePrincipal } from '../auth/auth.controller';
import { DEVICE_COOKIE } from '../auth/cookies';
import { Allow, Public } from '../auth/decorators/allow.decorator';
import { AuthenticatedRequest, CurrentUser } from '../auth/decorators/principal.decorator';
import { UserPrincipal } from '../auth/principal';
import { uuidParam } from '../common/http/uuid-param';
import { authConfig, AuthConfig } from '../config/configuration';
import { DevicesService } from './devices.service';
import { PairDeviceDto } from './dto/pair-device.dto';

@Controller('api')
export class DevicesController {
  constructor(
    private readonly devices: DevicesService,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  @Post('booths/:boothId/pairing-codes')
  @Allow('admin', 'facilitator')
  createPairingCode(@CurrentUser() user: UserPrincipal, @Param('boothId', uuidParam('boothId')) boothId: string) {
    return this.devices.createPairingCode(user, boothId);
  }

  @Post('devices/pair')
  @Public()
  @HttpCode(200)
  async pair(@Body() dto: PairDeviceDto, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    const paired = await this.devices.pair(dto.code, dto.label, req.ip ?? null);
    res.cookie(DEVICE_COOKIE, paired.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      path: '/',
      expires: paired.expiresAt,
    });
    return describePrincipal(paired.principal);
  }

  @Get('devices')
  @Allow('admin', 'facilitator')
  list(@CurrentUser() user: UserPrincipal) {
    return this.devices.list(user);
  }

  @Delete('devices/:id')
  @Allow('admin', 'facilitator')
  @HttpCode(204)
  revoke(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string) {
    return this.devices.revoke(user, id);
  }
}
