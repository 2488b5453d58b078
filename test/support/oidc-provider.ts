import { createHash, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';

export interface ProviderIdentity {
  sub: string;
  email: string;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  nonce: string;
  challenge: string;
  identity: ProviderIdentity;
}

/**
 * A minimal OpenID Connect provider standing in for ProConnect (unreachable here): discovery, JWKS,
 * authorization code with PKCE, RS256 ID tokens, userinfo. The login step is skipped: /authorize
 * signs in `identity` at once. `tamper` lets a test make the provider misbehave.
 */
export class TestOidcProvider {
  identity: ProviderIdentity = { sub: 'pc-sub-1', email: 'agent@demo.visio-msap.fr' };
  tamper: { nonce?: string; emailInIdToken?: boolean } = {};
  private server!: Server;
  private privateKey!: KeyLike;
  private jwk!: Record<string, unknown>;
  private readonly codes = new Map<string, PendingCode>();
  private readonly accessTokens = new Map<string, ProviderIdentity>();
  issuer = '';

  constructor(
    readonly clientId: string,
    readonly clientSecret: string,
  ) {}

  async start(): Promise<void> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    this.privateKey = privateKey;
    this.jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    this.server = createServer((req, res) => {
      this.handle(req)
        .then(({ status, headers, body }) => {
          res.writeHead(status, headers);
          res.end(body);
        })
        .catch((error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; headers: Record<string, string>; body: string }> {
    const url = new URL(req.url!, this.issuer);
    const json = (status: number, body: unknown) => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    switch (`${req.method} ${url.pathname}`) {
      case 'GET /.well-known/openid-configuration':
        return json(200, {
          issuer: this.issuer,
          authorization_endpoint: `${this.issuer}/authorize`,
          token_endpoint: `${this.issuer}/token`,
          userinfo_endpoint: `${this.issuer}/userinfo`,
          jwks_uri: `${this.issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        });
      case 'GET /jwks':
        return json(200, { keys: [this.jwk] });
      case 'GET /authorize': {
        const q = url.searchParams;
        if (q.get('client_id') !== this.clientId || q.get('code_challenge_method') !== 'S256') return json(400, { error: 'invalid_request' });
        const code = randomBytes(16).toString('hex');
        this.codes.set(code, {
          clientId: q.get('client_id')!,
          redirectUri: q.get('redirect_uri')!,
          nonce: q.get('nonce')!,
          challenge: q.get('code_challenge')!,
          identity: { ...this.identity },
        });
        const back = new URL(q.get('redirect_uri')!);
        back.searchParams.set('code', code);
        back.searchParams.set('state', q.get('state')!);
        return { status: 302, headers: { location: back.toString() }, body: '' };
      }
      case 'POST /token': {
        const form = new URLSearchParams(await readBody(req));
        const basic = Buffer.from(`${encodeURIComponent(this.clientId)}:${encodeURIComponent(this.clientSecret)}`).toString('base64');
        const authOk = req.headers.authorization === `Basic ${basic}` || form.get('client_secret') === this.clientSecret;
        const pending = this.codes.get(form.get('code') ?? '');
        this.codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const pkceOk = pending && createHash('sha256').update(verifier).digest('base64url') === pending.challenge;
        if (!authOk || !pending || !pkceOk || form.get('redirect_uri') !== pending.redirectUri) return json(400, { error: 'invalid_grant' });
        const accessToken = randomBytes(16).toString('hex');
        this.accessTokens.set(accessToken, pending.identity);
        const idToken = await new SignJWT({
          nonce: this.tamper.nonce ?? pending.nonce,
          ...(this.tamper.emailInIdToken ? { email: pending.identity.email } : {}),
        })
          .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
          .setIssuer(this.issuer)
          .setAudience(this.clientId)
          .setSubject(pending.identity.sub)
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(this.privateKey);
        return json(200, { access_token: accessToken, token_type: 'Bearer', expires_in: 300, id_token: idToken });
      }
      case 'GET /userinfo': {
        const identity = this.accessTokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
        return identity ? json(200, identity) : json(401, { error: 'invalid_token' });
      }
      default:
        return json(404, { error: 'not_found' });
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}
