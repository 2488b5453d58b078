import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { ALLOW_KEY, PUBLIC_KEY } from '../../server/src/auth/decorators/allow.decorator';
import { startTestApp, TestApp } from '../support/app';
import { AUDIENCES, AudienceName, Caller, callersFor } from '../support/callers';
import { demoIds } from '../support/demo-data';

type Expect = Record<AudienceName, number>;
const UNKNOWN_ID = '8b0f3c1e-2f6a-4d7e-9c4b-1a2b3c4d5e6f';

/** [METHOD, route pattern] → request to send and the status each audience must get. */
interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  pattern: string;
  path: (ids: Awaited<ReturnType<typeof demoIds>>) => string;
  body?: object;
  expect: Expect;
}

const all = (status: number): Expect => Object.fromEntries(AUDIENCES.map((a) => [a, status])) as Expect;
const only = (allowed: Partial<Expect>, denied = 403): Expect => ({ ...all(denied), anonymous: 401, ...allowed });
const users = (status: number): Partial<Expect> => ({ admin: status, coordinator: status, agent: status, facilitator: status });

const MATRIX: Row[] = [
  { method: 'GET', pattern: '/api/health', path: () => '/api/health', expect: all(200) },
  { method: 'GET', pattern: '/metrics', path: () => '/metrics', expect: all(200) },
  // Public routes answer the (invalid) body, whoever asks: no 401/403.
  { method: 'POST', pattern: '/api/auth/login', path: () => '/api/auth/login', body: {}, expect: all(422) },
  { method: 'POST', pattern: '/api/devices/pair', path: () => '/api/devices/pair', body: { code: '00000000' }, expect: all(400) },
  { method: 'GET', pattern: '/api/auth/providers', path: () => '/api/auth/providers', expect: all(200) },
  // OIDC is off by default: its public routes say so to everyone.
  { method: 'GET', pattern: '/api/auth/oidc/login', path: () => '/api/auth/oidc/login', expect: all(404) },
  { method: 'GET', pattern: '/api/auth/oidc/callback', path: () => '/api/auth/oidc/callback?code=x&state=y', expect: all(404) },
  { method: 'GET', pattern: '/api/auth/me', path: () => '/api/auth/me', expect: only({ ...users(200), device: 200 }) },
  { method: 'GET', pattern: '/api/calls/media-capabilities', path: () => '/api/calls/media-capabilities', expect: only({ ...users(200), device: 200 }) },
  { method: 'GET', pattern: '/api/calls/join-window', path: () => '/api/calls/join-window', expect: only({ ...users(200), device: 200 }) },
  { method: 'GET', pattern: '/api/users', path: () => '/api/users', expect: only({ admin: 200 }) },
  // Admin passes authorisation and then fails validation: proof the guard let it through.
  { method: 'POST', pattern: '/api/users', path: () => '/api/users', body: {}, expect: only({ admin: 422 }) },
  { method: 'PATCH', pattern: '/api/users/:id/role', path: () => `/api/users/${UNKNOWN_ID}/role`, body: { role: 'agent' }, expect: only({ admin: 404 }) },
  // Accounts: admins pass the guard and find no such account; passwords are the holder's (or public, answering the empty body).
  { method: 'PATCH', pattern: '/api/users/:id', path: () => `/api/users/${UNKNOWN_ID}`, body: { displayName: 'X' }, expect: only({ admin: 404 }) },
  { method: 'POST', pattern: '/api/users/:id/disable', path: () => `/api/users/${UNKNOWN_ID}/disable`, expect: only({ admin: 404 }) },
  { method: 'POST', pattern: '/api/users/:id/enable', path: () => `/api/users/${UNKNOWN_ID}/enable`, expect: only({ admin: 404 }) },
  { method: 'POST', pattern: '/api/users/:id/invitation', path: () => `/api/users/${UNKNOWN_ID}/invitation`, expect: only({ admin: 404 }) },
  { method: 'POST', pattern: '/api/users/:id/password-reset', path: () => `/api/users/${UNKNOWN_ID}/password-reset`, expect: only({ admin: 404 }) },
  { method: 'POST', pattern: '/api/auth/password/forgot', path: () => '/api/auth/password/forgot', body: {}, expect: all(422) },
  { method: 'POST', pattern: '/api/auth/password/link', path: () => '/api/auth/password/link', body: {}, expect: all(422) },
  { method: 'POST', pattern: '/api/auth/password/reset', path: () => '/api/auth/password/reset', body: {}, expect: all(422) },
  { method: 'PUT', pattern: '/api/auth/password', path: () => '/api/auth/password', body: {}, expect: only(users(422)) },
  { method: 'GET', pattern: '/api/auth/account', path: () => '/api/auth/account', expect: only(users(200)) },
  { method: 'GET', pattern: '/api/audit', path: () => '/api/audit', expect: only({ admin: 200 }) },
  { method: 'GET', pattern: '/api/retention', path: () => '/api/retention', expect: only({ admin: 200 }) },
  { method: 'GET', pattern: '/api/documents/status', path: () => '/api/documents/status', expect: only({ admin: 200 }) },
  // Documents: the consultation's participants pass the guard, then find no such consultation or document (404),
  // or send a link without its signature (422).
  {
    method: 'GET',
    pattern: '/api/consultations/:id/documents',
    path: () => `/api/consultations/${UNKNOWN_ID}/documents`,
    expect: only({ agent: 404, facilitator: 404, device: 404 }),
  },
  {
    method: 'POST',
    pattern: '/api/consultations/:id/documents',
    path: () => `/api/consultations/${UNKNOWN_ID}/documents`,
    body: {},
    expect: only({ agent: 404, facilitator: 404, device: 404 }),
  },
  { method: 'GET', pattern: '/api/documents/:id/files/:position', path: () => `/api/documents/${UNKNOWN_ID}/files/1`, expect: only({ agent: 422, facilitator: 422, device: 422 }) },
  { method: 'GET', pattern: '/api/documents/:id/pdf', path: () => `/api/documents/${UNKNOWN_ID}/pdf`, expect: only({ agent: 422, facilitator: 422, device: 422 }) },
  { method: 'DELETE', pattern: '/api/documents/:id', path: () => `/api/documents/${UNKNOWN_ID}`, expect: only({ agent: 404, facilitator: 404, device: 404 }) },
  { method: 'GET', pattern: '/api/administrations', path: () => '/api/administrations', expect: only(users(200)) },
  { method: 'GET', pattern: '/api/msap-sites', path: () => '/api/msap-sites', expect: only(users(200)) },
  {
    method: 'GET',
    pattern: '/api/msap-sites/:id/booths',
    path: (ids) => `/api/msap-sites/${ids.pithiviersId}/booths`,
    expect: only({ admin: 200, coordinator: 200, facilitator: 200 }),
  },
  // Directory management: allowed callers pass the guard, then fail validation (422) or find nothing (404).
  { method: 'POST', pattern: '/api/administrations', path: () => '/api/administrations', body: {}, expect: only({ admin: 422 }) },
  { method: 'PATCH', pattern: '/api/administrations/:id', path: () => `/api/administrations/${UNKNOWN_ID}`, body: { name: 'X' }, expect: only({ admin: 404 }) },
  { method: 'POST', pattern: '/api/msap-sites', path: () => '/api/msap-sites', body: {}, expect: only({ admin: 422, coordinator: 422 }) },
  { method: 'PATCH', pattern: '/api/msap-sites/:id', path: () => `/api/msap-sites/${UNKNOWN_ID}`, body: { name: 'X' }, expect: only({ admin: 404, coordinator: 404 }) },
  {
    method: 'POST',
    pattern: '/api/msap-sites/:id/booths',
    path: () => `/api/msap-sites/${UNKNOWN_ID}/booths`,
    body: { name: 'X' },
    expect: only({ admin: 404, coordinator: 404 }),
  },
  { method: 'PATCH', pattern: '/api/booths/:id', path: () => `/api/booths/${UNKNOWN_ID}`, body: { name: 'X' }, expect: only({ admin: 404, coordinator: 404, facilitator: 404 }) },
  { method: 'POST', pattern: '/api/booths/:id/retire', path: () => `/api/booths/${UNKNOWN_ID}/retire`, expect: only({ admin: 404, coordinator: 404 }) },
  { method: 'POST', pattern: '/api/booths/:id/reinstate', path: () => `/api/booths/${UNKNOWN_ID}/reinstate`, expect: only({ admin: 404, coordinator: 404 }) },
  {
    method: 'POST',
    pattern: '/api/booths/:boothId/pairing-codes',
    path: (ids) => `/api/booths/${ids.pithiviersBoothId}/pairing-codes`,
    expect: only({ admin: 201, facilitator: 201 }),
  },
  { method: 'GET', pattern: '/api/devices', path: () => '/api/devices', expect: only({ admin: 200, facilitator: 200 }) },
  { method: 'DELETE', pattern: '/api/devices/:id', path: () => `/api/devices/${UNKNOWN_ID}`, expect: only({ admin: 404, facilitator: 404 }) },
  // A booth terminal's heartbeat and pre-call check result (for the facilitator's desk).
  { method: 'POST', pattern: '/api/devices/me/heartbeat', path: () => '/api/devices/me/heartbeat', expect: only({ device: 204 }) },
  { method: 'POST', pattern: '/api/devices/me/check', path: () => '/api/devices/me/check', body: {}, expect: only({ device: 422 }) },
  { method: 'GET', pattern: '/api/devices/me/settings', path: () => '/api/devices/me/settings', expect: only({ device: 200 }) },
  { method: 'POST', pattern: '/api/devices/me/facilitator-unlock', path: () => '/api/devices/me/facilitator-unlock', body: {}, expect: only({ device: 422 }) },
  { method: 'POST', pattern: '/api/devices/me/unpair', path: () => '/api/devices/me/unpair', body: {}, expect: only({ device: 422 }) },
  // Checklist templates: coordinators and admins; the support record: read by the consultation's people, filled by facilitators.
  { method: 'GET', pattern: '/api/checklist-templates/defaults', path: () => '/api/checklist-templates/defaults', expect: only({ admin: 200, coordinator: 200 }) },
  {
    method: 'GET',
    pattern: '/api/consultation-types/:id/checklist-template',
    path: () => `/api/consultation-types/${UNKNOWN_ID}/checklist-template`,
    expect: only({ admin: 404, coordinator: 404 }),
  },
  {
    method: 'PUT',
    pattern: '/api/consultation-types/:id/checklist-template',
    path: () => `/api/consultation-types/${UNKNOWN_ID}/checklist-template`,
    body: {},
    expect: only({ admin: 422, coordinator: 422 }),
  },
  {
    method: 'DELETE',
    pattern: '/api/consultation-types/:id/checklist-template',
    path: () => `/api/consultation-types/${UNKNOWN_ID}/checklist-template`,
    expect: only({ admin: 404, coordinator: 404 }),
  },
  {
    method: 'GET',
    pattern: '/api/consultations/:id/support',
    path: () => `/api/consultations/${UNKNOWN_ID}/support`,
    expect: only({ agent: 404, facilitator: 404 }),
  },
  { method: 'PATCH', pattern: '/api/consultations/:id/support', path: () => `/api/consultations/${UNKNOWN_ID}/support`, body: { base: 0 }, expect: only({ facilitator: 404 }) },
  {
    method: 'POST',
    pattern: '/api/consultations/:id/support/consents',
    path: () => `/api/consultations/${UNKNOWN_ID}/support/consents`,
    body: {},
    expect: only({ facilitator: 422 }),
  },
  {
    method: 'DELETE',
    pattern: '/api/consultations/:id/support/consents/:kind',
    path: () => `/api/consultations/${UNKNOWN_ID}/support/consents/video`,
    expect: only({ facilitator: 404 }),
  },
  // The day desk: a facilitator's own site; others must name one (422 without).
  { method: 'GET', pattern: '/api/desk', path: () => '/api/desk', expect: only({ facilitator: 200, coordinator: 422, admin: 422 }) },
  { method: 'GET', pattern: '/api/desk/events', path: () => `/api/desk/events?siteId=${UNKNOWN_ID}`, expect: only({ facilitator: 404, coordinator: 404, admin: 404 }) },
  {
    method: 'POST',
    pattern: '/api/consultations/:id/desk-messages',
    path: () => `/api/consultations/${UNKNOWN_ID}/desk-messages`,
    body: { body: 'Bonjour' },
    expect: only({ facilitator: 404 }),
  },
  {
    method: 'POST',
    pattern: '/api/consultations/:id/booth-message',
    path: () => `/api/consultations/${UNKNOWN_ID}/booth-message`,
    body: { text: 'J’arrive dans 5 minutes.' },
    expect: only({ agent: 404 }),
  },
  { method: 'GET', pattern: '/api/desk-messages', path: () => '/api/desk-messages', expect: only({ agent: 200, facilitator: 200 }) },
  // A stream never ends: the allowed audience is shown by its answer to a bad day (422) instead of a 200 that stays open.
  { method: 'GET', pattern: '/api/desk-messages/events', path: () => '/api/desk-messages/events?date=demain', expect: only({ agent: 422 }) },
  { method: 'GET', pattern: '/api/support-activity', path: () => '/api/support-activity', expect: only({ facilitator: 422, coordinator: 422, admin: 422 }) },
  {
    method: 'GET',
    pattern: '/api/consultations',
    path: () => '/api/consultations?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z',
    expect: only({ ...users(200), device: 200 }),
  },
  // Scheduling (issue 4). Allowed callers pass the guard and then fail validation (422) or find nothing (404).
  { method: 'GET', pattern: '/api/consultations/:id', path: () => `/api/consultations/${UNKNOWN_ID}`, expect: only({ ...users(404), device: 404 }) },
  { method: 'POST', pattern: '/api/consultations', path: () => '/api/consultations', body: {}, expect: only({ admin: 422, coordinator: 422, facilitator: 422 }) },
  { method: 'PATCH', pattern: '/api/consultations/:id', path: () => `/api/consultations/${UNKNOWN_ID}`, body: {}, expect: only({ admin: 422, coordinator: 422, facilitator: 422 }) },
  { method: 'POST', pattern: '/api/consultations/:id/reassign', path: () => `/api/consultations/${UNKNOWN_ID}/reassign`, body: {}, expect: only({ admin: 422, coordinator: 422 }) },
  { method: 'GET', pattern: '/api/consultations/:id/proposed-slot', path: () => `/api/consultations/${UNKNOWN_ID}/proposed-slot`, expect: only({ admin: 404, coordinator: 404 }) },
  { method: 'POST', pattern: '/api/consultations/:id/propose-slot', path: () => `/api/consultations/${UNKNOWN_ID}/propose-slot`, body: {}, expect: only({ admin: 404, coordinator: 404 }) },
  { method: 'GET', pattern: '/api/absences', path: () => '/api/absences', expect: only({ admin: 422, coordinator: 422 }) },
  { method: 'POST', pattern: '/api/consultations/:id/cancel', path: () => `/api/consultations/${UNKNOWN_ID}/cancel`, body: {}, expect: only({ admin: 422, coordinator: 422, facilitator: 422 }) },
  // After the call (issue 14): the booth's survey (its terminal only), the agent's and facilitator's word on the call.
  { method: 'POST', pattern: '/api/consultations/:id/survey', path: () => `/api/consultations/${UNKNOWN_ID}/survey`, expect: only({ device: 404 }) },
  { method: 'PUT', pattern: '/api/surveys/:token/answers/:question', path: () => '/api/surveys/x/answers/clarity', body: { value: 3 }, expect: only({ device: 404 }) },
  {
    method: 'PUT',
    pattern: '/api/consultations/:id/call-feedback',
    path: () => `/api/consultations/${UNKNOWN_ID}/call-feedback`,
    body: { problems: [] },
    expect: only({ agent: 404, facilitator: 404 }),
  },
  { method: 'POST', pattern: '/api/consultations/:id/outcome', path: () => `/api/consultations/${UNKNOWN_ID}/outcome`, body: {}, expect: only({ ...users(422) }) },
  { method: 'GET', pattern: '/api/slots', path: () => '/api/slots', expect: only({ admin: 422, coordinator: 422, facilitator: 422 }) },
  { method: 'GET', pattern: '/api/agents', path: () => '/api/agents', expect: only(users(200)) },
  { method: 'GET', pattern: '/api/agents/:id/availability', path: () => `/api/agents/${UNKNOWN_ID}/availability`, expect: only(users(404)) },
  { method: 'PUT', pattern: '/api/agents/:id/availability', path: () => `/api/agents/${UNKNOWN_ID}/availability`, body: {}, expect: only({ admin: 422, coordinator: 422, agent: 422 }) },
  {
    method: 'POST',
    pattern: '/api/agents/:id/availability/impact',
    path: () => `/api/agents/${UNKNOWN_ID}/availability/impact`,
    body: {},
    expect: only({ admin: 422, coordinator: 422, agent: 422 }),
  },
  {
    method: 'GET',
    pattern: '/api/agents/:id/bookings-to-settle',
    path: () => `/api/agents/${UNKNOWN_ID}/bookings-to-settle`,
    expect: only({ admin: 404, coordinator: 404, agent: 404 }),
  },
  { method: 'GET', pattern: '/api/agents/:id/absences', path: () => `/api/agents/${UNKNOWN_ID}/absences`, expect: only(users(422)) },
  { method: 'POST', pattern: '/api/agents/:id/absences', path: () => `/api/agents/${UNKNOWN_ID}/absences`, body: {}, expect: only({ admin: 422, coordinator: 422, agent: 422 }) },
  {
    method: 'GET',
    pattern: '/api/agents/:id/absences/:absenceId/impact',
    path: () => `/api/agents/${UNKNOWN_ID}/absences/${UNKNOWN_ID}/impact`,
    expect: only({ admin: 404, coordinator: 404, agent: 404 }),
  },
  {
    method: 'DELETE',
    pattern: '/api/agents/:id/absences/:absenceId',
    path: () => `/api/agents/${UNKNOWN_ID}/absences/${UNKNOWN_ID}`,
    expect: only({ admin: 404, coordinator: 404, agent: 404 }),
  },
  { method: 'GET', pattern: '/api/msap-sites/:id/opening-hours', path: (ids) => `/api/msap-sites/${ids.pithiviersId}/opening-hours`, expect: only(users(200)) },
  {
    method: 'PUT',
    pattern: '/api/msap-sites/:id/opening-hours',
    path: (ids) => `/api/msap-sites/${ids.pithiviersId}/opening-hours`,
    body: {},
    expect: only({ admin: 422, coordinator: 422, facilitator: 422 }),
  },
  {
    method: 'POST',
    pattern: '/api/msap-sites/:id/opening-hours/impact',
    path: (ids) => `/api/msap-sites/${ids.pithiviersId}/opening-hours/impact`,
    body: {},
    expect: only({ admin: 422, coordinator: 422, facilitator: 422 }),
  },
  {
    method: 'GET',
    pattern: '/api/msap-sites/:id/bookings-to-settle',
    path: () => `/api/msap-sites/${UNKNOWN_ID}/bookings-to-settle`,
    expect: only({ admin: 404, coordinator: 404, facilitator: 404 }),
  },
  { method: 'GET', pattern: '/api/msap-sites/:id/closures', path: (ids) => `/api/msap-sites/${ids.pithiviersId}/closures`, expect: only(users(422)) },
  {
    method: 'POST',
    pattern: '/api/msap-sites/:id/closures/impact',
    path: (ids) => `/api/msap-sites/${ids.pithiviersId}/closures/impact`,
    body: {},
    expect: only({ admin: 422, coordinator: 422, facilitator: 422 }),
  },
  {
    method: 'POST',
    pattern: '/api/msap-sites/:id/closures',
    path: (ids) => `/api/msap-sites/${ids.pithiviersId}/closures`,
    body: {},
    expect: only({ admin: 422, coordinator: 422, facilitator: 422 }),
  },
  {
    method: 'DELETE',
    pattern: '/api/msap-sites/:id/closures/:closureId',
    path: (ids) => `/api/msap-sites/${ids.pithiviersId}/closures/${UNKNOWN_ID}`,
    expect: only({ admin: 404, coordinator: 404, facilitator: 404 }),
  },
  { method: 'GET', pattern: '/api/consultation-types', path: () => '/api/consultation-types', expect: only(users(200)) },
  { method: 'POST', pattern: '/api/consultation-types', path: () => '/api/consultation-types', body: {}, expect: only({ admin: 422, coordinator: 422 }) },
  { method: 'PATCH', pattern: '/api/consultation-types/:id', path: () => `/api/consultation-types/${UNKNOWN_ID}`, body: {}, expect: only({ admin: 404, coordinator: 404 }) },
  { method: 'GET', pattern: '/api/notifications/outbox', path: () => '/api/notifications/outbox', expect: only({ admin: 200, coordinator: 200 }) },
  { method: 'GET', pattern: '/api/notifications/ics-feed', path: () => '/api/notifications/ics-feed', expect: only({ agent: 200 }) },
  { method: 'POST', pattern: '/api/notifications/ics-feed', path: () => '/api/notifications/ics-feed', expect: only({ agent: 201 }) },
  { method: 'DELETE', pattern: '/api/notifications/ics-feed', path: () => '/api/notifications/ics-feed', expect: only({ agent: 204 }) },
  // Public: the token in the path is the credential; an unknown one is a 404 for everyone.
  { method: 'GET', pattern: '/api/ics/:file', path: () => '/api/ics/unknown.ics', expect: all(404) },
  // Public: the citizen's personal link (no account); an unknown token is the same 404 for everyone.
  { method: 'GET', pattern: '/api/citizen/appointments/:token', path: () => '/api/citizen/appointments/AAAAAAAAAAAAAAAAAAAAAA', expect: all(404) },
  { method: 'POST', pattern: '/api/citizen/appointments/:token/cancel', path: () => '/api/citizen/appointments/AAAAAAAAAAAAAAAAAAAAAA/cancel', expect: all(404) },
  {
    method: 'POST',
    pattern: '/api/citizen/appointments/:token/callback-request',
    path: () => '/api/citizen/appointments/AAAAAAAAAAAAAAAAAAAAAA/callback-request',
    body: { phone: '0612345678' },
    expect: all(404),
  },
  // What staff do with those links: the callback requests (their site or département), the printed slip.
  { method: 'GET', pattern: '/api/callback-requests', path: () => '/api/callback-requests', expect: only({ admin: 200, coordinator: 200, facilitator: 200 }) },
  {
    method: 'POST',
    pattern: '/api/callback-requests/:id/handle',
    path: () => `/api/callback-requests/${UNKNOWN_ID}/handle`,
    expect: only({ admin: 404, coordinator: 404, facilitator: 404 }),
  },
  { method: 'GET', pattern: '/api/consultations/:id/slip.pdf', path: () => `/api/consultations/${UNKNOWN_ID}/slip.pdf`, expect: only({ admin: 404, coordinator: 404, facilitator: 404 }) },
  { method: 'GET', pattern: '/api/mass-cancellations/preview', path: () => '/api/mass-cancellations/preview', expect: only({ coordinator: 422 }) },
  { method: 'POST', pattern: '/api/mass-cancellations/message-preview', path: () => '/api/mass-cancellations/message-preview', body: {}, expect: only({ coordinator: 422 }) },
  // Citizens to call (no mobile, no e-mail), and what a cancellation would send: whoever books at the MSAP.
  { method: 'GET', pattern: '/api/to-call', path: () => '/api/to-call', expect: only({ admin: 200, coordinator: 200, facilitator: 200 }) },
  { method: 'POST', pattern: '/api/to-call/:id/handled', path: () => `/api/to-call/${UNKNOWN_ID}/handled`, expect: only({ admin: 404, coordinator: 404, facilitator: 404 }) },
  {
    method: 'POST',
    pattern: '/api/consultations/:id/cancellation-notice',
    path: () => `/api/consultations/${UNKNOWN_ID}/cancellation-notice`,
    body: {},
    expect: only({ admin: 422, coordinator: 422, facilitator: 422 }),
  },
  { method: 'POST', pattern: '/api/mass-cancellations', path: () => '/api/mass-cancellations', body: {}, expect: only({ coordinator: 422 }) },
  { method: 'GET', pattern: '/api/mass-cancellations', path: () => '/api/mass-cancellations', expect: only({ coordinator: 200 }) },
  { method: 'GET', pattern: '/api/mass-cancellations/:id', path: () => `/api/mass-cancellations/${UNKNOWN_ID}`, expect: only({ coordinator: 404 }) },
  {
    method: 'GET',
    pattern: '/api/mass-cancellations/:id/report',
    path: () => `/api/mass-cancellations/${UNKNOWN_ID}/report`,
    expect: only({ coordinator: 404 }),
  },
  // Statistics (issue 15): accounts only, each within their rights (the period is required: 422 without it).
  { method: 'GET', pattern: '/api/stats', path: () => '/api/stats', expect: only(users(422)) },
  { method: 'GET', pattern: '/api/stats/options', path: () => '/api/stats/options', expect: only(users(200)) },
  // Statistics' exports: every account passes the guard, then fails validation (no period, table nor format).
  { method: 'GET', pattern: '/api/stats/export', path: () => '/api/stats/export', expect: only(users(422)) },
  // The public page: coordinators and admins publish (the empty body fails validation); anyone reads, an unpublished département is a 404.
  { method: 'PUT', pattern: '/api/stats/publications/:departement', path: () => '/api/stats/publications/45', body: {}, expect: only({ admin: 422, coordinator: 422 }) },
  { method: 'GET', pattern: '/api/public/stats', path: () => '/api/public/stats', expect: all(200) },
  { method: 'GET', pattern: '/api/public/stats/:departement', path: () => '/api/public/stats/45', expect: all(404) },
  // Last: it ends the caller's session.
  { method: 'POST', pattern: '/api/auth/logout', path: () => '/api/auth/logout', expect: only({ ...users(204) }) },
];

describe('role × route matrix', () => {
  let t: TestApp;
  let callers: Record<AudienceName, Caller>;
  let ids: Awaited<ReturnType<typeof demoIds>>;

  beforeAll(async () => {
    // Every caller comes from 127.0.0.1: lift the per-IP limit so it does not mask the statuses.
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' });
    ids = await demoIds(t.dataSource);
    callers = await callersFor(t.baseUrl, ids.pithiviersBoothId);
  });
  afterAll(() => t.close());

  it('covers every route the server exposes, and every route declares who may call it', () => {
    const routes: string[] = [];
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const { metatype } of module.controllers.values()) {
        if (!metatype) continue;
        const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
        for (const name of Object.getOwnPropertyNames(metatype.prototype)) {
          const handler = metatype.prototype[name];
          const path = Reflect.getMetadata(PATH_METADATA, handler);
          if (name === 'constructor' || path === undefined) continue;
          const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
          const full = `/${[base, path].map((p: string) => p.replace(/^\/|\/$/g, '')).filter(Boolean).join('/')}`;
          routes.push(`${method} ${full}`);
          const declared =
            Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(ALLOW_KEY, handler) ?? Reflect.getMetadata(ALLOW_KEY, metatype);
          expect({ route: `${method} ${full}`, declared: declared !== undefined }).toEqual({ route: `${method} ${full}`, declared: true });
        }
      }
    }
    expect(routes.sort()).toEqual(MATRIX.map((r) => `${r.method} ${r.pattern}`).sort());
  });

  for (const row of MATRIX) {
    it(`${row.method} ${row.pattern}`, async () => {
      const got: Partial<Expect> = {};
      for (const audience of AUDIENCES) {
        const { agent, csrf } = callers[audience];
        let req = agent[row.method.toLowerCase() as 'get'](row.path(ids));
        if (csrf) req = req.set('X-CSRF-Token', csrf);
        got[audience] = (row.body ? await req.send(row.body) : await req).status;
      }
      expect(got).toEqual(row.expect);
    });
  }
});
