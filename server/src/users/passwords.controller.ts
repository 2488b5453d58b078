import { Body, Controller, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Allow, Public } from '../auth/decorators/allow.decorator';
import { CurrentUser } from '../auth/decorators/principal.decorator';
import { UserPrincipal } from '../auth/principal';
import { ROLES } from '../auth/roles';
import { ChangePasswordDto } from './dto/change-password.dto';
import { ForgotPasswordDto } from './dto/forgot-password.dto';
import { MyAccountView } from './dto/my-account.view';
import { PasswordTokenDto } from './dto/password-token.dto';
import { PasswordTokenView } from './dto/password-token.view';
import { SetPasswordDto } from './dto/set-password.dto';
import { PasswordsService } from './passwords.service';
import { requestOrigin } from './request-origin';

/** One's own password: forgotten (public), chosen through a one-time link (public), changed (signed in). */
@ApiTags('auth')
@Controller('api/auth')
export class PasswordsController {
  constructor(private readonly passwords: PasswordsService) {}

  /** Always 202, whether an account has this address or not. */
  @Post('password/forgot')
  @Public()
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'An e-mail with a link is on its way if an enabled account has this address' })
  forgot(@Body() dto: ForgotPasswordDto, @Req() req: Request): Promise<void> {
    return this.passwords.forgot(dto.email, req.ip ?? null, requestOrigin(req));
  }

  /** The token travels in the body, never in a URL the logs would keep. */
  @Post('password/link')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: PasswordTokenView })
  inspect(@Body() dto: PasswordTokenDto, @Req() req: Request): Promise<PasswordTokenView> {
    return this.passwords.inspect(dto.token, req.ip ?? null);
  }

  @Post('password/reset')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse()
  setWithLink(@Body() dto: SetPasswordDto, @Req() req: Request): Promise<void> {
    return this.passwords.setWithLink(dto.token, dto.password, req.ip ?? null);
  }

  @Put('password')
  @Allow(...ROLES)
  @HttpCode(204)
  @ApiNoContentResponse()
  change(@CurrentUser() caller: UserPrincipal, @Body() dto: ChangePasswordDto, @Req() req: Request): Promise<void> {
    return this.passwords.change(caller, dto.currentPassword, dto.newPassword, req.ip ?? null);
  }

  @Get('account')
  @Allow(...ROLES)
  @ApiOkResponse({ type: MyAccountView })
  mine(@CurrentUser() caller: UserPrincipal): Promise<MyAccountView> {
    return this.passwords.mine(caller);
  }
}
