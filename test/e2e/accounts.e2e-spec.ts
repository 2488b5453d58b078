import request from 'supertest';
import { RetentionService } from '../../server/src/retention/retention.service';
import { startTestApp, TestApp } from '../support/app';
import { waitFor } from '../support/browser';
import { createConsultation } from '../support/consultations';
import { demoIds } from '../support/demo-data';
import { TestOidcProvider } from '../support/oidc-provider';
import { SignedIn, signIn, signInAs } from '../support/session';
import { startSmtpServer } from '../support/smtp';

const CALLBACK = 'http://127.0.0.1:1/api/auth/oidc/callback';
const PASSWORD = 'une phrase assez longue';
const OTHER_PASSWORD = 'une autre phrase longue';

interface Mail {
  recipient: string;
  subject: string;
  text: string;
  event: string;
  consultation: unknown;
  token: string;
}

interface AuditRow {
  action: string;
  actor_user_id: string | null;
  subject_id: string | null;
  details: Record<string, unknown>;
  request_id: string | null;
}

describe('accounts: invitations, passwords, disabling', () => {
  const provider = new TestOidcProvider('visio-msap', 'client-secret-for-tests');
  let t: TestApp;
  let admin: SignedIn;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let administrationId: string;

  beforeAll(async () => {
    await provider.start();
    t = await startTestApp({
      // Low enough to reach in a test; every test starts from empty windows (beforeEach).
      LOGIN_RATE_LIMIT: '3',
      LOGIN_RATE_WINDOW_SECONDS: '600',
      NOTIFICATIONS_INTERVAL_MS: '200',
      OIDC_ENABLED: 'true',
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_REDIRECT_URI: CALLBACK,
    });
    ids = await demoIds(t.dataSource);
    admin = await signIn(t.baseUrl, 'admin');
    [{ id: administrationId }] = await t.dataSource.query(`SELECT id FROM administrations WHERE name = 'DDFIP du Loiret'`);
  });
  afterAll(async () => {
    await t?.close();
    await provider.stop();
  });
  beforeEach(() => t.dataSource.query('DELETE FROM failed_attempts'));

  const send = (caller: SignedIn, method: 'post' | 'patch' | 'put', path: string, body?: object) =>
    caller.agent[method](path).set('X-CSRF-Token', caller.csrf).send(body);
  const invite = (body: object) => send(admin, 'post', '/api/users', body);
  const link = (token: string) => request(t.baseUrl).post('/api/auth/password/link').send({ token });
  const setPassword = (token: string, password: string) => request(t.baseUrl).post('/api/auth/password/reset').send({ token, password });
  const forgot = (email: string) => request(t.baseUrl).post('/api/auth/password/forgot').send({ email });
  const login = (email: string, password: string) => request(t.baseUrl).post('/api/auth/login').send({ email, password });

  /** The `count`-th e-mail of this kind to this address, as the admin reads it in the local outbox once delivered. */
  async function mail(email: string, event: string, count = 1): Promise<Mail> {
    return waitFor(`e-mail ${event} #${count} to ${email}`, async () => {
      const res = await admin.agent.get('/api/notifications/outbox').query({ event, pageSize: 200 }).expect(200);
      const mine = (res.body.items as Array<Mail & { status: string; transport: string }>).filter((m) => m.recipient === email);
      if (mine.length < count || mine[0]!.status !== 'sent') return undefined;
      expect(mine[0]!.transport).toBe('local');
      const token = /\/mot-de-passe\/([A-Za-z0-9_-]{43})/.exec(mine[0]!.text)?.[1];
      if (!token) throw new Error(`no link in ${mine[0]!.text}`);
      return { ...mine[0]!, token };
    });
  }

  const auditOf = (action: string, subjectId: string): Promise<AuditRow[]> =>
    t.dataSource.query(`SELECT action, actor_user_id, subject_id, details, request_id FROM audit_events WHERE action = $1 AND subject_id = $2 ORDER BY id`, [
      action,
      subjectId,
    ]);

  async function invited(email: string, extra: object = {}): Promise<{ id: string; token: string }> {
    const res = await invite({ email, displayName: 'Camille Martin', role: 'coordinator', departement: '45', ...extra }).expect(201);
    return { id: res.body.id as string, token: (await mail(email, 'account_invitation')).token };
  }

  it('an invitation creates the account without a password and e-mails a one-time link; the person sets a password and signs in', async () => {
    const res = await invite({ email: 'Camille.Martin@loiret.gouv.fr', displayName: 'Camille Martin', role: 'facilitator', msapSiteId: ids.pithiviersId }).expect(201);
    expect(res.body).toMatchObject({ email: 'camille.martin@loiret.gouv.fr', role: 'facilitator', status: 'invited', hasPassword: false, provider: null, msapSiteId: ids.pithiviersId });
    expect(Date.parse(res.body.linkExpiresAt) - Date.now()).toBeGreaterThan(71 * 3_600_000);
    const [stored] = await t.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [res.body.id]);
    expect(stored.password_hash).toBeNull();

    const message = await mail('camille.martin@loiret.gouv.fr', 'account_invitation');
    expect(message.subject).toBe('Votre compte Visio MSAP : choisissez votre mot de passe');
    expect(message.text).toContain('Bonjour Camille Martin,');
    expect(message.text).toContain('choisissez votre mot de passe en ouvrant ce lien');
    expect(message.text).toMatch(/Il ne fonctionne qu’une fois et reste valable 72 heures, jusqu’au \S+ \d+(er)? \S+ \d{4} à \d+ h/);
    expect(message.text).toContain(`${t.baseUrl}/mot-de-passe/${message.token}`);
    expect(message.consultation).toBeNull();
    // Only a hash of the token is stored.
    const tokens = await t.dataSource.query(`SELECT token_hash, purpose FROM account_tokens WHERE user_id = $1`, [res.body.id]);
    expect(tokens).toEqual([{ token_hash: expect.stringMatching(/^[0-9a-f]{64}$/), purpose: 'invitation' }]);
    expect(JSON.stringify(tokens)).not.toContain(message.token);
    // A reset link is a credential: coordinators, who read their département's outbox, never see account e-mails.
    const coordinator = await signIn(t.baseUrl, 'coordinator');
    const theirs = await coordinator.agent.get('/api/notifications/outbox').query({ event: 'account_invitation' }).expect(200);
    expect(theirs.body.total).toBe(0);

    const opened = await link(message.token).expect(200);
    expect(opened.body).toEqual({ purpose: 'invitation', email: 'camille.martin@loiret.gouv.fr', displayName: 'Camille Martin', expiresAt: res.body.linkExpiresAt });
    // Too short a password: refused, field named, nothing changes.
    const short = await setPassword(message.token, 'court').expect(422);
    expect(short.body.errors).toEqual({ password: ['PASSWORD_TOO_SHORT'] });
    expect((await t.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [res.body.id]))[0].password_hash).toBeNull();

    await setPassword(message.token, PASSWORD).expect(204);
    const signedIn = await signInAs(t.baseUrl, 'camille.martin@loiret.gouv.fr', PASSWORD);
    const me = await signedIn.agent.get('/api/auth/account').expect(200);
    expect(me.body).toEqual({ email: 'camille.martin@loiret.gouv.fr', displayName: 'Camille Martin', role: 'facilitator', hasPassword: true, provider: null });
    const listed = (await admin.agent.get('/api/users').expect(200)).body.find((u: { id: string }) => u.id === res.body.id);
    expect(listed).toMatchObject({ status: 'active', hasPassword: true, linkExpiresAt: null });

    const [invitedRow] = await auditOf('user.invited', res.body.id);
    expect(invitedRow).toMatchObject({ actor_user_id: admin.userId, details: { role: 'facilitator', msapSiteId: ids.pithiviersId, departement: null }, request_id: expect.any(String) });
    const [setRow] = await auditOf('user.password_set', res.body.id);
    expect(setRow).toMatchObject({ actor_user_id: res.body.id, details: { purpose: 'invitation' }, request_id: expect.any(String) });
    expect(JSON.stringify([invitedRow, setRow])).not.toContain(message.token);
  });

  it('refuses an invitation to an e-mail already used (409 EMAIL_TAKEN), and attachments the role does not have, storing nothing', async () => {
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM users`);
    const outbox = await t.dataSource.query(`SELECT count(*)::int AS n FROM notification_outbox`);
    const taken = await invite({ email: 'AGENT@demo.visio-msap.fr', displayName: 'Intrus', role: 'admin' }).expect(409);
    expect(taken.body).toMatchObject({ code: 'EMAIL_TAKEN', errors: { email: ['EMAIL_TAKEN'] } });
    const wrong = await invite({ email: 'x@example.fr', displayName: 'X', role: 'agent', departement: '45' }).expect(422);
    expect(wrong.body.errors).toEqual({ departement: ['NOT_ALLOWED'], administrationId: ['REQUIRED'] });
    const unknownSite = await invite({ email: 'x@example.fr', displayName: 'X', role: 'facilitator', msapSiteId: '8b0f3c1e-2f6a-4d7e-9c4b-1a2b3c4d5e6f' }).expect(422);
    expect(unknownSite.body.errors).toEqual({ msapSiteId: ['UNKNOWN'] });
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM users`)).toEqual(before);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM notification_outbox`)).toEqual(outbox);

    // A double click: one account, one e-mail, the other answer a 409 (not a 500).
    const twice = await Promise.all([1, 2, 3].map(() => invite({ email: 'double@loiret.gouv.fr', displayName: 'Double', role: 'coordinator', departement: '45' })));
    expect(twice.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(twice.filter((r) => r.status === 409).every((r) => r.body.code === 'EMAIL_TAKEN')).toBe(true);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM notification_outbox WHERE recipient = 'double@loiret.gouv.fr'`)).toEqual([{ n: 1 }]);
  });

  it('a link works once; an expired one and one replaced by a new invitation answer codes of their own', async () => {
    const first = await invited('dominique@loiret.gouv.fr');
    // Re-sending the invitation replaces the link.
    const resent = await send(admin, 'post', `/api/users/${first.id}/invitation`).expect(200);
    expect(resent.body.status).toBe('invited');
    const second = (await mail('dominique@loiret.gouv.fr', 'account_invitation', 2)).token;
    expect(second).not.toBe(first.token);
    const replaced = await link(first.token).expect(410);
    expect(replaced.body.code).toBe('TOKEN_REPLACED');
    expect((await setPassword(first.token, PASSWORD).expect(410)).body.code).toBe('TOKEN_REPLACED');

    // Time passes (only the expiry moves): the link is refused, the account keeps no password.
    await t.dataSource.query(`UPDATE account_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = $1 AND revoked_at IS NULL`, [first.id]);
    expect((await link(second).expect(410)).body.code).toBe('TOKEN_EXPIRED');
    expect((await setPassword(second, PASSWORD).expect(410)).body.code).toBe('TOKEN_EXPIRED');

    await send(admin, 'post', `/api/users/${first.id}/invitation`).expect(200);
    const third = (await mail('dominique@loiret.gouv.fr', 'account_invitation', 3)).token;
    await setPassword(third, PASSWORD).expect(204);
    expect((await setPassword(third, OTHER_PASSWORD).expect(410)).body.code).toBe('TOKEN_USED');
    await login('dominique@loiret.gouv.fr', PASSWORD).expect(200);
    await login('dominique@loiret.gouv.fr', OTHER_PASSWORD).expect(401);
    // An account that signs in is sent a reset, not an invitation.
    expect((await send(admin, 'post', `/api/users/${first.id}/invitation`).expect(409)).body.code).toBe('CONFLICT');

    expect((await link('A'.repeat(43)).expect(404)).body.code).toBe('NOT_FOUND');
    expect((await link('pas-un-jeton').expect(422)).body.errors).toEqual({ token: ['INVALID_FORMAT'] });
    expect(await auditOf('user.invitation_resent', first.id)).toEqual([
      expect.objectContaining({ actor_user_id: admin.userId, request_id: expect.any(String) }),
      expect.objectContaining({ actor_user_id: admin.userId, request_id: expect.any(String) }),
    ]);
  });

  it('"mot de passe oublié" answers the same for any address, e-mails a 30-minute link to an account, and the reset ends its sessions', async () => {
    const { id } = await invited('lou@loiret.gouv.fr');
    await setPassword((await mail('lou@loiret.gouv.fr', 'account_invitation')).token, PASSWORD).expect(204);
    const [{ last }] = await t.dataSource.query(`SELECT coalesce(max(id), 0) AS last FROM audit_events`);
    const session = await signInAs(t.baseUrl, 'lou@loiret.gouv.fr', PASSWORD);

    const known = await forgot('Lou@loiret.gouv.fr');
    const unknown = await forgot('personne@loiret.gouv.fr');
    expect(known.status).toBe(202);
    expect({ status: unknown.status, text: unknown.text }).toEqual({ status: known.status, text: known.text });
    const message = await mail('lou@loiret.gouv.fr', 'password_forgotten');
    expect(message.subject).toBe('Visio MSAP : réinitialisation de votre mot de passe');
    expect(message.text).toContain('reste valable 30 minutes');
    expect(message.text).toContain('Si vous n’avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.');
    const sentToUnknown = await t.dataSource.query(`SELECT count(*)::int AS n FROM notification_outbox WHERE recipient = 'personne@loiret.gouv.fr'`);
    expect(sentToUnknown).toEqual([{ n: 0 }]);
    expect((await link(message.token).expect(200)).body.purpose).toBe('password_reset');

    // Until the link is used, the current password works.
    await login('lou@loiret.gouv.fr', PASSWORD).expect(200);
    await setPassword(message.token, OTHER_PASSWORD).expect(204);
    await login('lou@loiret.gouv.fr', PASSWORD).expect(401);
    await login('lou@loiret.gouv.fr', OTHER_PASSWORD).expect(200);
    expect((await session.agent.get('/api/auth/me').expect(401)).body.code).toBe('SESSION_EXPIRED');

    const requests = await t.dataSource.query(
      `SELECT actor_user_id, subject_id, details, request_id FROM audit_events WHERE action = 'user.password_reset_requested' AND id > $1 ORDER BY id`,
      [last],
    );
    expect(requests).toEqual([
      { actor_user_id: null, subject_id: id, details: expect.objectContaining({ outcome: 'link_sent' }), request_id: expect.any(String) },
      { actor_user_id: null, subject_id: null, details: { outcome: 'no_account' }, request_id: expect.any(String) },
    ]);
    expect(JSON.stringify(requests)).not.toContain('personne@');
    expect(await auditOf('user.password_set', id)).toHaveLength(2);
  });

  it('an admin sends a reset link valid 72 hours; the old password works until it is used', async () => {
    const { id, token } = await invited('sacha@loiret.gouv.fr');
    await setPassword(token, PASSWORD).expect(204);
    const res = await send(admin, 'post', `/api/users/${id}/password-reset`).expect(200);
    expect(Date.parse(res.body.linkExpiresAt) - Date.now()).toBeGreaterThan(71 * 3_600_000);
    const message = await mail('sacha@loiret.gouv.fr', 'password_reset');
    expect(message.subject).toBe('Visio MSAP : choisissez un nouveau mot de passe');
    expect(message.text).toContain('reste valable 72 heures');
    await login('sacha@loiret.gouv.fr', PASSWORD).expect(200);
    await setPassword(message.token, OTHER_PASSWORD).expect(204);
    await login('sacha@loiret.gouv.fr', OTHER_PASSWORD).expect(200);
    expect(await auditOf('user.password_reset_sent', id)).toEqual([
      expect.objectContaining({ actor_user_id: admin.userId, details: { linkExpiresAt: res.body.linkExpiresAt }, request_id: expect.any(String) }),
    ]);
  });

  it('everyone changes their own password with the current one; their other sessions end, this one goes on', async () => {
    const { id, token } = await invited('alex@loiret.gouv.fr');
    await setPassword(token, PASSWORD).expect(204);
    const here = await signInAs(t.baseUrl, 'alex@loiret.gouv.fr', PASSWORD);
    const elsewhere = await signInAs(t.baseUrl, 'alex@loiret.gouv.fr', PASSWORD);

    const wrong = await send(here, 'put', '/api/auth/password', { currentPassword: 'pas le bon mot de passe', newPassword: OTHER_PASSWORD }).expect(422);
    expect(wrong.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { currentPassword: ['WRONG_PASSWORD'] } });
    const short = await send(here, 'put', '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'court' }).expect(422);
    expect(short.body.errors).toEqual({ newPassword: ['PASSWORD_TOO_SHORT'] });
    // Still the same password: the refusals changed nothing (this sign-in is a third session).
    await login('alex@loiret.gouv.fr', PASSWORD).expect(200);

    await send(here, 'put', '/api/auth/password', { currentPassword: PASSWORD, newPassword: OTHER_PASSWORD }).expect(204);
    await here.agent.get('/api/auth/me').expect(200);
    expect((await elsewhere.agent.get('/api/auth/me').expect(401)).body.code).toBe('SESSION_EXPIRED');
    await login('alex@loiret.gouv.fr', PASSWORD).expect(401);
    await login('alex@loiret.gouv.fr', OTHER_PASSWORD).expect(200);
    expect(await auditOf('user.password_changed', id)).toEqual([
      expect.objectContaining({ actor_user_id: id, details: { sessionsEnded: 2 }, request_id: expect.any(String) }),
    ]);

    // A stolen session cannot guess the current password at leisure: counted like sign-ins.
    for (let i = 0; i < 3; i++) await send(here, 'put', '/api/auth/password', { currentPassword: `essai ${i}`, newPassword: PASSWORD }).expect(422);
    const limited = await send(here, 'put', '/api/auth/password', { currentPassword: OTHER_PASSWORD, newPassword: PASSWORD }).expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
  });

  it('a disabled account cannot sign in and its sessions end; enabled again, it signs in; an admin cannot disable or demote themselves', async () => {
    const { id, token } = await invited('morgan@loiret.gouv.fr');
    await setPassword(token, PASSWORD).expect(204);
    const session = await signInAs(t.baseUrl, 'morgan@loiret.gouv.fr', PASSWORD);

    const disabled = await send(admin, 'post', `/api/users/${id}/disable`).expect(200);
    expect(disabled.body).toMatchObject({ status: 'disabled', disabledAt: expect.any(String) });
    expect((await session.agent.get('/api/auth/me').expect(401)).body.code).toBe('SESSION_EXPIRED');
    const [revoked] = await t.dataSource.query(`SELECT count(*)::int AS open FROM sessions WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
    expect(revoked.open).toBe(0);
    expect((await login('morgan@loiret.gouv.fr', PASSWORD).expect(401)).body.code).toBe('INVALID_CREDENTIALS');
    // Nor through a link, nor by asking for one.
    await forgot('morgan@loiret.gouv.fr').expect(202);
    await send(admin, 'post', `/api/users/${id}/password-reset`).expect(409);

    const enabled = await send(admin, 'post', `/api/users/${id}/enable`).expect(200);
    expect(enabled.body).toMatchObject({ status: 'active', disabledAt: null });
    await login('morgan@loiret.gouv.fr', PASSWORD).expect(200);

    expect(await auditOf('user.disabled', id)).toEqual([
      expect.objectContaining({ actor_user_id: admin.userId, details: expect.objectContaining({ changes: { status: { from: 'enabled', to: 'disabled' } }, sessionsEnded: 1 }), request_id: expect.any(String) }),
    ]);
    expect(await auditOf('user.enabled', id)).toEqual([
      expect.objectContaining({ actor_user_id: admin.userId, details: expect.objectContaining({ changes: { status: { from: 'disabled', to: 'enabled' } } }), request_id: expect.any(String) }),
    ]);

    const self = await send(admin, 'post', `/api/users/${admin.userId}/disable`).expect(403);
    expect(self.body.code).toBe('OWN_ACCOUNT');
    expect((await send(admin, 'patch', `/api/users/${admin.userId}`, { role: 'coordinator', departement: '45' }).expect(403)).body.code).toBe('OWN_ACCOUNT');
    // Their own name is theirs to change.
    await send(admin, 'patch', `/api/users/${admin.userId}`, { displayName: 'Alice Admin' }).expect(200);
    await admin.agent.get('/api/auth/me').expect(200);
  });

  it('changes role and attachments with before/after in the audit trail; an agent with consultations ahead keeps them', async () => {
    const { id } = await invited('claude@loiret.gouv.fr');
    const renamed = await send(admin, 'patch', `/api/users/${id}`, { displayName: 'Claude Martin' }).expect(200);
    expect(renamed.body.displayName).toBe('Claude Martin');
    expect(await auditOf('user.updated', id)).toEqual([
      expect.objectContaining({ details: { changes: { displayName: { from: 'Camille Martin', to: 'Claude Martin' } } }, request_id: expect.any(String) }),
    ]);

    // A coordinator made facilitator needs an MSAP, and loses the département.
    const missing = await send(admin, 'patch', `/api/users/${id}`, { role: 'facilitator' }).expect(422);
    expect(missing.body.errors).toEqual({ msapSiteId: ['REQUIRED'] });
    const moved = await send(admin, 'patch', `/api/users/${id}`, { role: 'facilitator', msapSiteId: ids.sullyId }).expect(200);
    expect(moved.body).toMatchObject({ role: 'facilitator', msapSiteId: ids.sullyId, departement: null });
    const [changed] = await auditOf('user.role_changed', id);
    expect(changed).toMatchObject({
      actor_user_id: admin.userId,
      details: { from: 'coordinator', to: 'facilitator', changes: { role: { from: 'coordinator', to: 'facilitator' }, departement: { from: '45', to: null }, msapSiteId: { from: null, to: ids.sullyId } } },
      request_id: expect.any(String),
    });
    // Nothing to change: no audit row.
    await send(admin, 'patch', `/api/users/${id}`, { msapSiteId: ids.sullyId }).expect(200);
    expect(await auditOf('user.role_changed', id)).toHaveLength(1);
    expect(await auditOf('user.updated', id)).toHaveLength(1);

    // The demo agent has a consultation ahead: neither the role nor the administration can go.
    const [agent] = await t.dataSource.query(`SELECT id FROM users WHERE email = 'agent@demo.visio-msap.fr'`);
    await createConsultation(t.dataSource, ids.pithiviersBoothId, 'agent@demo.visio-msap.fr', 120);
    const demoted = await send(admin, 'patch', `/api/users/${agent.id}`, { role: 'coordinator', departement: '45' }).expect(409);
    expect(demoted.body.errors).toEqual({ role: ['CONSULTATIONS_AHEAD'] });
    const [other] = await t.dataSource.query(`SELECT id FROM administrations WHERE id <> $1 LIMIT 1`, [administrationId]);
    const transferred = await send(admin, 'patch', `/api/users/${agent.id}`, { administrationId: other.id }).expect(409);
    expect(transferred.body.errors).toEqual({ administrationId: ['CONSULTATIONS_AHEAD'] });
    // Their title is not tied to bookings.
    const titled = await send(admin, 'patch', `/api/users/${agent.id}`, { agentTitle: 'Conseiller fiscal' }).expect(200);
    expect(titled.body).toMatchObject({ agentTitle: 'Conseiller fiscal', administrationId });
  });

  it('an agent whose account is disabled, or who is no longer an agent, is neither offered nor bookable', async () => {
    const res = await invite({ email: 'dominique@dgfip.gouv.fr', displayName: 'Dominique Agent', role: 'agent', administrationId }).expect(201);
    const userId = res.body.id as string;
    const coordinator = await signIn(t.baseUrl, 'coordinator');
    const agents = async () => (await coordinator.agent.get('/api/agents').expect(200)).body as Array<{ id: string; displayName: string }>;
    const agentId = (await agents()).find((a) => a.displayName === 'Dominique Agent')!.id;
    const allWeek = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
    await send(coordinator, 'put', `/api/agents/${agentId}/availability`, { ranges: allWeek }).expect(200);
    await send(coordinator, 'put', `/api/msap-sites/${ids.pithiviersId}/opening-hours`, { ranges: allWeek }).expect(200);
    const [type] = await t.dataSource.query(`SELECT id FROM consultation_types WHERE administration_id = $1 AND active LIMIT 1`, [administrationId]);
    const book = (hours: number) =>
      send(coordinator, 'post', '/api/consultations', {
        boothId: ids.pithiviersBoothId,
        agentId,
        consultationTypeId: type.id,
        startsAt: new Date(Date.now() + hours * 3_600_000).toISOString(),
        citizen: { name: 'Usager' },
      });

    // The admin is told, before disabling, how many consultations the agent still has to hold; the trail keeps it.
    const booked = await book(29).expect(201);
    const listed = ((await admin.agent.get('/api/users').expect(200)).body as Array<{ id: string; consultationsAhead: number }>).find((u) => u.id === userId);
    expect(listed?.consultationsAhead).toBe(1);
    await send(admin, 'post', `/api/users/${userId}/disable`).expect(200);
    expect((await auditOf('user.disabled', userId))[0]!.details).toMatchObject({ consultationsAhead: 1 });
    expect((await agents()).map((a) => a.id)).not.toContain(agentId);
    expect((await book(30).expect(422)).body.errors).toEqual({ agentId: ['RETIRED'] });
    await send(coordinator, 'post', `/api/consultations/${booked.body.id}/cancel`, { reason: 'Agent parti' }).expect(200);

    await send(admin, 'post', `/api/users/${userId}/enable`).expect(200);
    expect((await agents()).map((a) => a.id)).toContain(agentId);
    const again = await book(31).expect(201);
    await send(coordinator, 'post', `/api/consultations/${again.body.id}/cancel`, { reason: 'Test' }).expect(200);

    await send(admin, 'patch', `/api/users/${userId}`, { role: 'coordinator', departement: '45' }).expect(200);
    expect((await agents()).map((a) => a.id)).not.toContain(agentId);
    expect((await book(32).expect(422)).body.errors).toEqual({ agentId: ['RETIRED'] });
  });

  it('a pseudonymised account answers 410 ACCOUNT_PSEUDONYMISED to any change; its e-mails are erased with the outbox', async () => {
    const { id } = await invited('eden@loiret.gouv.fr');
    await send(admin, 'post', `/api/users/${id}/disable`).expect(200);
    // Time passes: disabled for longer than RETENTION_DISABLED_ACCOUNT_DAYS, and its e-mail older than OUTBOX_RETENTION_DAYS.
    await t.dataSource.query(`UPDATE users SET disabled_at = now() - interval '400 days' WHERE id = $1`, [id]);
    await t.dataSource.query(`UPDATE notification_outbox SET updated_at = now() - interval '40 days' WHERE user_id = $1`, [id]);
    await t.app.get(RetentionService).run();
    const listed = (await admin.agent.get('/api/users').expect(200)).body.find((u: { id: string }) => u.id === id);
    expect(listed).toMatchObject({ status: 'pseudonymised', email: `compte-${id}@efface.invalid`, pseudonymisedAt: expect.any(String) });
    for (const [method, path, body] of [
      ['post', `/api/users/${id}/enable`, undefined],
      ['patch', `/api/users/${id}`, { displayName: 'Retour' }],
      ['post', `/api/users/${id}/password-reset`, undefined],
      ['post', `/api/users/${id}/invitation`, undefined],
    ] as const) {
      const res = await send(admin, method, path, body);
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 410, code: 'ACCOUNT_PSEUDONYMISED' });
    }
    const [message] = await t.dataSource.query(`SELECT recipient, body, erased_at FROM notification_outbox WHERE user_id = $1`, [id]);
    expect(message).toEqual({ recipient: '', body: '', erased_at: expect.any(Date) });
  });

  it('lists the identity provider of accounts linked through it (OIDC)', async () => {
    await invited('proconnect@loiret.gouv.fr');
    provider.identity = { sub: 'pc-sub-accounts', email: 'proconnect@loiret.gouv.fr' };
    const agent = request.agent(t.baseUrl);
    const start = await agent.get('/api/auth/oidc/login').expect(302);
    const atProvider = await fetch(new URL(start.headers.location!), { redirect: 'manual' });
    const back = new URL(atProvider.headers.get('location')!);
    await agent.get(`${back.pathname}${back.search}`).expect(302);
    const listed = (await admin.agent.get('/api/users').expect(200)).body.find((u: { email: string }) => u.email === 'proconnect@loiret.gouv.fr');
    expect(listed).toMatchObject({ provider: 'oidc', hasPassword: false, status: 'active' });
    expect((await agent.get('/api/auth/account').expect(200)).body).toMatchObject({ provider: 'oidc', hasPassword: false });
  });

  it('limits forgotten-password requests per address typed, the same whether an account has it, without locking sign-in', async () => {
    for (const email of ['agent@demo.visio-msap.fr', 'nobody@loiret.gouv.fr']) {
      for (let i = 0; i < 3; i++) await forgot(email).expect(202);
      const limited = await forgot(email).expect(429);
      expect(limited.body.code).toBe('RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    }
    await login('agent@demo.visio-msap.fr', 'demo-agent-2026').expect(200);
  });

  it('limits the links tried from one address', async () => {
    // Ten times LOGIN_RATE_LIMIT per address, as for sign-ins.
    for (let i = 0; i < 30; i++) await link(`${String(i).padStart(2, '0')}${'B'.repeat(41)}`).expect(404);
    const limited = await link('C'.repeat(43)).expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect((await setPassword('C'.repeat(43), PASSWORD).expect(429)).body.code).toBe('RATE_LIMITED');
  });
});

describe('account e-mails through an SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_FROM: 'Visio MSAP <noreply@visio.test>',
      NOTIFICATIONS_INTERVAL_MS: '200',
      // Links are built from it, never from the Host header a caller sends.
      PUBLIC_URL: 'https://visio.example.fr',
    });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  /** The link of the `count`-th message received for this address (quoted-printable soft breaks undone). */
  const received = (email: string, count: number) =>
    waitFor(`message #${count} to ${email}`, async () => {
      const mine = smtp.received.filter((m) => m.to === email);
      if (mine.length < count) return undefined;
      return /https?:\/\/[^\s/]+\/mot-de-passe\/[A-Za-z0-9_-]{43}/.exec(mine[count - 1]!.raw.replace(/=\r?\n/g, ''))?.[0];
    });

  it('sends the link by e-mail from PUBLIC_URL, and the Messages page no longer shows it', async () => {
    const admin = await signIn(t.baseUrl, 'admin');
    await admin.agent.post('/api/users').set('X-CSRF-Token', admin.csrf).send({ email: 'smtp@loiret.gouv.fr', displayName: 'Par Courriel', role: 'admin' }).expect(201);
    const invitation = await received('smtp@loiret.gouv.fr', 1);
    expect(invitation.startsWith('https://visio.example.fr/mot-de-passe/')).toBe(true);
    const token = invitation.slice(-43);
    const items = await waitFor('the invitation marked sent', async () => {
      const res = await admin.agent.get('/api/notifications/outbox').query({ event: 'account_invitation' }).expect(200);
      const sent = (res.body.items as Array<{ recipient: string; status: string; transport: string; text: string }>).filter((m) => m.recipient === 'smtp@loiret.gouv.fr' && m.status === 'sent');
      return sent.length > 0 ? sent : undefined;
    });
    expect(items[0]).toMatchObject({ transport: 'smtp', text: expect.stringContaining('https://visio.example.fr/mot-de-passe/…') });
    expect(items[0]!.text).not.toContain(token);

    // A forged Host header does not move the link elsewhere ("reset poisoning").
    await request(t.baseUrl).post('/api/auth/password/forgot').set('Host', 'evil.example').send({ email: 'smtp@loiret.gouv.fr' }).expect(202);
    expect((await received('smtp@loiret.gouv.fr', 2)).startsWith('https://visio.example.fr/mot-de-passe/')).toBe(true);
  });
});
