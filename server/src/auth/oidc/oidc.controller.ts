import { ApiOkResponse } from '@nestjs/swagger';
import { LoginProvidersView } from '../dto/principal.view';
import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import type { CookieOptions, Response } from 'express';
import { DomainError } from '../../common/errors/domain.error';
import { safeReturnPath } from '../../../../shared/auth/return-path';
import { authConfig, AuthConfig } from '../../config/configuration';
import { SESSION_COOKIE } from '../cookies';
import { Public } from '../decorators/allow.decorator';
import { AuthenticatedRequest } from '../decorators/principal.decorator';
import { OidcLoginQueryDto } from '../dto/oidc-login.dto';
import { OidcService, OidcTransaction } from './oidc.service';

const TRANSACTION_COOKIE = 'visio_oidc';

@Controller('api/auth')
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  /** Which sign-in methods the login page offers. */
  @Get('providers')
  @Public()
  @ApiOkResponse({ type: LoginProvidersView })
  providers(): LoginProvidersView {
    return { password: true, oidc: this.oidc.enabled };
  }

  @Get('oidc/login')
  @Public()
  async login(@Query() query: OidcLoginQueryDto, @Res() res: Response) {
    if (!this.oidc.enabled) throw new DomainError('OIDC_DISABLED', 'OIDC login is not enabled.');
    const { url, transaction } = await this.oidc.authorizationUrl();
    // The page to come back to travels with the transaction; anything but a path of this site is dropped.
    const returnTo = safeReturnPath(query.retour);
    // Lax: the callback is a top-level GET navigation from the provider, which Lax lets through.
    res.cookie(TRANSACTION_COOKIE, JSON.stringify({ ...transaction, ...(returnTo ? { returnTo } : {}) }), this.cookie(10 * 60_000, '/api/auth/oidc'));
    res.redirect(302, url);
  }

  @Get('oidc/callback')
  @Public()
  async callback(@Query() query: Record<string, unknown>, @Req() req: AuthenticatedRequest, @Res() res: Response) {
    if (!this.oidc.enabled) throw new DomainError('OIDC_DISABLED', 'OIDC login is not enabled.');
    const params = Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string'));
    const transaction = parseTransaction((req.cookies as Record<string, unknown> | undefined)?.[TRANSACTION_COOKIE]);
    res.clearCookie(TRANSACTION_COOKIE, { path: '/api/auth/oidc' });
    const session = await this.oidc.callback(params, transaction, req.ip ?? null);
    res.cookie(SESSION_COOKIE, session.token, this.cookie(session.expiresAt.getTime() - Date.now(), '/'));
    res.redirect(302, transaction?.returnTo ?? '/');
  }

  private cookie(maxAge: number, path: string): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.config.cookieSecure, path, maxAge };
  }
}

function parseTransaction(raw: unknown): (OidcTransaction & { returnTo?: string }) | null {
  if (typeof raw !== 'string' || raw.length > 2500) return null;
  try {
    const value = JSON.parse(raw) as Partial<OidcTransaction> & { returnTo?: unknown };
    const ok = [value.state, value.nonce, value.codeVerifier].every((v) => typeof v === 'string' && v.length >= 16);
    const returnTo = safeReturnPath(value.returnTo);
    return ok ? { state: value.state!, nonce: value.nonce!, codeVerifier: value.codeVerifier!, ...(returnTo ? { returnTo } : {}) } : null;
  } catch {
    return null;
  }
}
