import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BaseClient, generators, Issuer } from 'openid-client';
import { Repository } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { DomainError } from '../../common/errors/domain.error';
import { authConfig, AuthConfig } from '../../config/configuration';
import { UserEntity } from '../../users/entities/user.entity';
import { AuthService, IssuedSession } from '../auth.service';

/** What must come back with the callback; kept in a short-lived httpOnly cookie. */
export interface OidcTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * OpenID Connect login (ProConnect for state agents): authorization code flow with PKCE, state and
 * nonce. Only existing accounts may sign in: the first login links the account found by e-mail to
 * the provider's subject, later logins use the subject. Off unless OIDC_ENABLED=true.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('OidcService');
  private client: Promise<BaseClient> | null = null;

  constructor(
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  get enabled(): boolean {
    return this.config.oidc !== null;
  }

  async authorizationUrl(): Promise<{ url: string; transaction: OidcTransaction }> {
    const client = await this.getClient();
    const transaction = { state: generators.state(), nonce: generators.nonce(), codeVerifier: generators.codeVerifier() };
    const url = client.authorizationUrl({
      scope: this.config.oidc!.scopes,
      state: transaction.state,
      nonce: transaction.nonce,
      code_challenge: generators.codeChallenge(transaction.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, transaction };
  }

  async callback(params: Record<string, string>, transaction: OidcTransaction | null, ip: string | null): Promise<IssuedSession> {
    if (!transaction) throw new DomainError('OIDC_FAILED', 'The sign-in attempt expired. Start again.');
    const client = await this.getClient();
    let claims: { sub: string; email?: unknown };
    try {
      const tokens = await client.callback(this.config.oidc!.redirectUri, params, {
        state: transaction.state,
        nonce: transaction.nonce,
        code_verifier: transaction.codeVerifier,
      });
      claims = tokens.claims();
      // ProConnect puts the e-mail in the userinfo response, not in the ID token.
      if (typeof claims.email !== 'string' && tokens.access_token) {
        const info = await client.userinfo<{ email?: unknown; sub: string }>(tokens);
        if (info.sub === claims.sub) claims = { ...claims, email: info.email };
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'OIDC callback rejected');
      await this.audit.record({ action: 'login.failed', ip, details: { method: 'oidc', reason: String(error) } });
      throw new DomainError('OIDC_FAILED', 'The identity provider answer could not be verified.');
    }
    const user = await this.findAccount(claims.sub, typeof claims.email === 'string' ? claims.email.toLowerCase() : null);
    if (!user) {
      await this.audit.record({ action: 'login.failed', ip, details: { method: 'oidc', sub: claims.sub } });
      throw new DomainError('FORBIDDEN', 'No Visio MSAP account matches this identity. Ask your administrator.');
    }
    return this.auth.openSession(user, ip, 'oidc');
  }

  private async findAccount(subject: string, email: string | null): Promise<UserEntity | null> {
    const bySubject = await this.users.findOne({ where: { oidcSubject: subject } });
    if (bySubject) return bySubject.disabledAt ? null : bySubject;
    if (!email) return null;
    const byEmail = await this.users.findOne({ where: { email } });
    if (!byEmail || byEmail.disabledAt || byEmail.oidcSubject !== null) return null;
    await this.users.update({ id: byEmail.id }, { oidcSubject: subject });
    return { ...byEmail, oidcSubject: subject };
  }

  private getClient(): Promise<BaseClient> {
    const oidc = this.config.oidc;
    if (!oidc) return Promise.reject(new DomainError('OIDC_DISABLED', 'OIDC login is not enabled.'));
    // Discovery once per process; a failure is retried on the next attempt.
    this.client ??= Issuer.discover(oidc.issuer)
      .then(
        (issuer) =>
          new issuer.Client({
            client_id: oidc.clientId,
            client_secret: oidc.clientSecret,
            redirect_uris: [oidc.redirectUri],
            response_types: ['code'],
          }),
      )
      .catch((error: unknown) => {
        this.client = null;
        this.logger.error({ err: error }, 'OIDC discovery failed');
        throw new DomainError('OIDC_FAILED', 'The identity provider cannot be reached.');
      });
    return this.client;
  }
}
