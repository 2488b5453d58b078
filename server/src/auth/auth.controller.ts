import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse } from '@nestjs/swagger';
import type { CookieOptions, Response } from 'express';
import { authConfig, AuthConfig } from '../config/configuration';
import { AuthService } from './auth.service';
import { CSRF_COOKIE, csrfCookieOptions, SESSION_COOKIE } from './cookies';
import { Allow, Public } from './decorators/allow.decorator';
import { AuthenticatedRequest, CurrentPrincipal, CurrentUser } from './decorators/principal.decorator';
import { LoginDto } from './dto/login.dto';
import { DevicePrincipalView, PRINCIPAL_SCHEMA, UserPrincipalView } from './dto/principal.view';
import { Principal, UserPrincipal } from './principal';
import { ROLES } from './roles';

/** What the client learns about the caller; never the session id or a token hash. */
export function describePrincipal(principal: Principal): UserPrincipalView | DevicePrincipalView {
  return principal.kind === 'user'
    ? {
        kind: 'user' as const,
        userId: principal.userId,
        role: principal.role,
        displayName: principal.displayName,
        departement: principal.departement,
        msapSiteId: principal.msapSiteId,
        csrfToken: principal.csrfToken,
      }
    : {
        kind: 'device' as const,
        deviceId: principal.deviceId,
        boothId: principal.boothId,
        msapSiteId: principal.msapSiteId,
        csrfToken: principal.csrfToken,
      };
}

@Controller('api/auth')
@ApiExtraModels(UserPrincipalView, DevicePrincipalView)
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ schema: PRINCIPAL_SCHEMA })
  async login(@Body() dto: LoginDto, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    const session = await this.auth.login(dto.email, dto.password, req.ip ?? null);
    res.cookie(SESSION_COOKIE, session.token, this.cookieOptions(session.expiresAt));
    res.cookie(CSRF_COOKIE, session.principal.csrfToken, csrfCookieOptions(this.config.cookieSecure));
    return describePrincipal(session.principal);
  }

  @Post('logout')
  @Allow(...ROLES)
  @HttpCode(204)
  async logout(@CurrentUser() user: UserPrincipal, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    await this.auth.logout(user, req.ip ?? null);
    res.clearCookie(SESSION_COOKIE, { ...this.cookieOptions(new Date()), expires: undefined });
    res.clearCookie(CSRF_COOKIE, csrfCookieOptions(this.config.cookieSecure));
  }

  @Get('me')
  @Allow(...ROLES, 'device')
  @ApiOkResponse({ schema: PRINCIPAL_SCHEMA })
  me(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response) {
    // Every page load asks who is signed in: the CSRF cookie follows the session (OIDC sign-in included).
    res.cookie(CSRF_COOKIE, principal.csrfToken, csrfCookieOptions(this.config.cookieSecure));
    return describePrincipal(principal);
  }

  private cookieOptions(expires: Date): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.config.cookieSecure, path: '/', expires };
  }
}
