import { get as httpGet } from 'node:http';
import { DateTime } from 'luxon';
import type { ChecklistTemplateView, SupportView } from '../../server/src/checklist/dto/checklist.view';
import { ConsultationsService } from '../../server/src/consultations/consultations.service';
import type { ActivityRecordView } from '../../server/src/desk/dto/activity.dto';
import type { DeskDayView } from '../../server/src/desk/dto/desk.view';
import { RetentionService } from '../../server/src/retention/retention.service';
import { DEMO_ACCOUNTS } from '../../server/src/seed/demo-seed.service';
import { CHECKLIST_PARTS, CONSENT_TEXTS, TEMPLATE_THEMES } from '../../shared/support/support';
import { startTestApp, TestApp } from '../support/app';
import { waitFor } from '../support/browser';
import { book, DemoCatalogue, demoCatalogue, nextMinute, openAllWeek } from '../support/booth-day';
import { pairDevice } from '../support/callers';
import { sessionCookie } from '../support/consultations';
import { signIn, signInAs, SignedIn } from '../support/session';

/**
 * The facilitator's day through the real HTTP API and PostgreSQL: checklist templates, the support
 * record of a consultation (answers, consents, concurrent edits), the day desk and its event stream,
 * desk messages, the support-activity export, and the erasure of its free text by retention.
 * Consultations are booked with the booking API, one after the other (a single demo agent).
 */

const SULLY_FACILITATOR = { email: 'animation.sully@example.fr', password: 'un-mot-de-passe-long', displayName: 'Sacha Sully' };
const CSV_HEADER = 'consultationId;type;date;dureeMinutes;typeLieu;lieu;codePostal;commune;autonomie;materiel;thematiques;structureDeRedirection;administration;objet;animateurPresent;notes'.split(';');
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

type Caller = Pick<SignedIn, 'agent' | 'csrf'>;
type Method = 'post' | 'put' | 'patch' | 'delete';
const send = (who: Caller, method: Method, path: string, body?: object) => {
  const req = who.agent[method](path).set('X-CSRF-Token', who.csrf);
  return body === undefined ? req : req.send(body);
};

interface Booked {
  id: string;
  /** Its Paris day (YYYY-MM-DD): the desk's and the export's day. */
  day: string;
}

interface DeskStream {
  events: Array<{ event: string; data: { kind?: string } }>;
  close(): void;
}

/** GET /api/desk/events as a browser's EventSource would, with the session cookie; events parsed as they come. */
function openDeskStream(baseUrl: string, cookie: string): Promise<DeskStream> {
  return new Promise((resolve, reject) => {
    const events: DeskStream['events'] = [];
    let buffer = '';
    const req = httpGet(`${baseUrl}/api/desk/events`, { headers: { Cookie: cookie, Accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/event-stream')) {
        reject(new Error(`desk events answered ${res.statusCode} ${res.headers['content-type']}`));
        return res.resume();
      }
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const lines = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          const field = (name: string) => lines.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1).trim();
          events.push({ event: field('event') ?? 'message', data: JSON.parse(field('data') ?? '{}') });
        }
      });
      resolve({ events, close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

/** A ';' separated CSV with RFC 4180 quoting, rows ended by CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted || (ch !== ';' && ch !== '\r')) {
      cell += ch;
    } else {
      row.push(cell);
      cell = '';
      if (ch === '\r') {
        rows.push(row);
        row = [];
        i++; // the LF
      }
    }
  }
  return rows;
}

describe('the facilitator’s day: checklists, support record, desk, export', () => {
  let t: TestApp;
  let c: DemoCatalogue;
  let coordinator: SignedIn;
  let facilitator: SignedIn;
  let agent: SignedIn;
  let otherFacilitator: SignedIn;
  let sullyId: string;
  let sullyBoothId: string;
  let cabine2Id: string;
  let administrationId: string;
  let types: Array<{ id: string; subject: string }>;
  let soon: Booked;
  let slot: DateTime;

  /** Books the next free 4-minute slot (one agent: never two at once). */
  async function bookNext(o: { typeId?: string; boothId?: string } = {}): Promise<Booked> {
    const startsAt = slot;
    slot = slot.plus({ minutes: 4 });
    const id = await book({ ...c, typeId: o.typeId ?? c.typeId, boothId: o.boothId ?? c.boothId }, startsAt, 4, 'Jeanne Martin');
    return { id, day: startsAt.toISODate()! };
  }

  const support = async (who: Caller, id: string) => (await who.agent.get(`/api/consultations/${id}/support`).expect(200)).body as SupportView;
  const patchSupport = (who: Caller, id: string, body: object) => send(who, 'patch', `/api/consultations/${id}/support`, body);
  const desk = async (who: Caller, query: Record<string, string>) => (await who.agent.get('/api/desk').query(query).expect(200)).body as DeskDayView;
  const audits = async (action: string, subjectId: string) =>
    ((await t.dataSource.query(`SELECT details FROM audit_events WHERE action = $1 AND subject_id = $2 ORDER BY id`, [action, subjectId])) as Array<{ details: object }>).map(
      (r) => r.details,
    );

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '200', RETENTION_ENABLED: 'false' });
    c = await demoCatalogue(t.baseUrl);
    coordinator = c.coordinator;
    await openAllWeek(c);
    slot = nextMinute().plus({ minutes: 1 });
    // First, so that it starts within the desk's offline-alert lead (15 minutes) whatever runs before.
    soon = await bookNext();
    const sites = (await coordinator.agent.get('/api/msap-sites').expect(200)).body as Array<{ id: string; name: string }>;
    sullyId = sites.find((s) => s.name.includes('Sully'))!.id;
    await openAllWeek({ ...c, siteId: sullyId });
    sullyBoothId = ((await coordinator.agent.get(`/api/msap-sites/${sullyId}/booths`).expect(200)).body as Array<{ id: string }>)[0]!.id;
    const booths = (await coordinator.agent.get(`/api/msap-sites/${c.siteId}/booths`).expect(200)).body as Array<{ id: string; name: string }>;
    cabine2Id = booths.find((b) => b.name === 'Cabine 2')!.id;
    const agents = (await coordinator.agent.get('/api/agents').expect(200)).body as Array<{ id: string; administrationId: string }>;
    administrationId = agents.find((a) => a.id === c.agentId)!.administrationId;
    types = (await coordinator.agent.get(`/api/consultation-types?administrationId=${administrationId}`).expect(200)).body;
    facilitator = await signIn(t.baseUrl, 'facilitator');
    agent = await signIn(t.baseUrl, 'agent');
    const admin = await signIn(t.baseUrl, 'admin');
    await send(admin, 'post', '/api/users', { ...SULLY_FACILITATOR, role: 'facilitator', msapSiteId: sullyId }).expect(201);
    otherFacilitator = await signInAs(t.baseUrl, SULLY_FACILITATOR.email, SULLY_FACILITATOR.password);
  });
  afterAll(() => t?.close());

  describe('checklist templates', () => {
    // Another type than the support record's below, so that pinning one does not touch the other.
    let typeId: string;
    const path = () => `/api/consultation-types/${typeId}/checklist-template`;
    const template = async () => (await coordinator.agent.get(path()).expect(200)).body as ChecklistTemplateView;
    const stored = () => t.dataSource.query(`SELECT version, items FROM checklist_templates WHERE consultation_type_id = $1 ORDER BY version`, [typeId]);
    const V1 = [
      { id: 'avis-taxe', part: 'before', label: '  Dernier avis de taxe foncière  ' },
      { id: 'identite', part: 'before', label: 'Pièce d’identité' },
      { id: 'son-image', part: 'during', label: 'Son et image vérifiés' },
      { id: 'suite', part: 'after', label: 'Suite convenue' },
    ];
    const V1_SAVED = V1.map((item) => ({ ...item, label: item.label.trim() }));
    const V2 = [
      { id: 'avis-taxe', part: 'before', label: 'Avis de taxe foncière 2026' },
      { id: 'releve-propriete', part: 'before', label: 'Relevé de propriété' },
      { id: 'suite', part: 'after', label: 'Suite convenue' },
    ];

    beforeAll(() => {
      typeId = types.find((type) => type.id !== c.typeId)!.id;
    });

    it('starts from the default of its theme (version 0), one of the 10 defaults, with items in three parts', async () => {
      const defaults = (await coordinator.agent.get('/api/checklist-templates/defaults').expect(200)).body as Array<{ theme: string; items: Array<{ part: string }> }>;
      expect(defaults.map((d) => d.theme)).toEqual([...TEMPLATE_THEMES]);
      const current = await template();
      expect(current).toMatchObject({ consultationTypeId: typeId, version: 0, theme: 'impots', savedAt: null, savedBy: null, inUse: 0 });
      expect(current.items).toEqual(defaults.find((d) => d.theme === 'impots')!.items);
      expect(new Set(current.items.map((i) => i.part))).toEqual(new Set(CHECKLIST_PARTS));
      expect(await stored()).toEqual([]);
    });

    it('saves version 1 as sent (labels trimmed); a save from a stale version is a 409 that changes nothing', async () => {
      const saved = await send(coordinator, 'put', path(), { baseVersion: 0, theme: 'impots', items: V1 }).expect(200);
      expect(saved.body).toMatchObject({ version: 1, theme: 'impots', items: V1_SAVED, savedBy: 'Camille Coordination' });
      expect(await template()).toEqual(saved.body);
      const stale = await send(coordinator, 'put', path(), { baseVersion: 0, theme: 'papiers', items: V2 }).expect(409);
      expect(stale.body.code).toBe('TEMPLATE_VERSION_STALE');
      expect(await template()).toEqual(saved.body);
      expect(await stored()).toEqual([{ version: 1, items: V1_SAVED }]);
    });

    it('refuses duplicate or malformed item ids (422) and callers other than coordinators and admins (403)', async () => {
      const before = await template();
      const duplicate = await send(coordinator, 'put', path(), { baseVersion: 1, theme: 'impots', items: [V2[0], V2[1], { ...V2[2], id: 'avis-taxe' }] }).expect(422);
      expect(duplicate.body.errors).toEqual({ items: { '0': { id: ['DUPLICATE'] }, '2': { id: ['DUPLICATE'] } } });
      const malformed = await send(coordinator, 'put', path(), { baseVersion: 1, theme: 'impots', items: [{ ...V2[0], id: 'Avis Taxe' }] }).expect(422);
      expect(malformed.body.errors).toEqual({ items: { '0': { id: ['INVALID_FORMAT'] } } });
      for (const who of [facilitator, agent]) {
        await who.agent.get(path()).expect(403);
        await send(who, 'put', path(), { baseVersion: 1, theme: 'impots', items: V2 }).expect(403);
        await send(who, 'delete', path()).expect(403);
        await who.agent.get('/api/checklist-templates/defaults').expect(403);
      }
      expect(await template()).toEqual(before);
    });

    it('goes back to the default while unused (204)', async () => {
      await send(coordinator, 'delete', path()).expect(204);
      expect(await template()).toMatchObject({ version: 0, savedAt: null, items: expect.arrayContaining([expect.objectContaining({ id: 'compte-impots' })]) });
      expect(await stored()).toEqual([]);
      expect(await audits('checklist_template.deleted', typeId)).toHaveLength(1);
    });

    // Regression: TypeORM answers DELETE … RETURNING with [rows, count]; counting that pair said 2.
    it('audits how many versions a reset deleted', async () => {
      expect(await audits('checklist_template.deleted', typeId)).toEqual([{ versions: 1 }]);
    });

    it('once a checklist was filled: no reset (409); a new version applies to new consultations, the filled one keeps its version', async () => {
      await send(coordinator, 'put', path(), { baseVersion: 0, theme: 'impots', items: V1 }).expect(200);
      const filled = await bookNext({ typeId });
      await patchSupport(facilitator, filled.id, { base: 0, answers: [{ itemId: 'avis-taxe', state: 'done' }] }).expect(200);
      expect((await template()).inUse).toBe(1);
      const refused = await send(coordinator, 'delete', path()).expect(409);
      expect(refused.body.code).toBe('TEMPLATE_IN_USE');
      expect((await stored()).map((r: { version: number }) => r.version)).toEqual([1]);

      const v2 = await send(coordinator, 'put', path(), { baseVersion: 1, theme: 'impots', items: V2 }).expect(200);
      expect(v2.body).toMatchObject({ version: 2, items: V2 });
      const old = await support(facilitator, filled.id);
      expect(old.templateVersion).toBe(1);
      expect(old.items).toEqual(V1_SAVED.map((item) => ({ ...item, state: item.id === 'avis-taxe' ? 'done' : 'not_done', comment: '' })));
      const fresh = await bookNext({ typeId });
      const next = await support(facilitator, fresh.id);
      expect(next.templateVersion).toBe(2);
      expect(next.items.map(({ id, part, label }) => ({ id, part, label }))).toEqual(V2);
    });
  });

  describe('a consultation’s support record', () => {
    let id: string;
    const FIELDS = {
      facilitatorPresent: true,
      autonomy: 'partiellement_autonome',
      equipment: ['ordinateur', 'telephone'],
      themes: ['argent_impots'],
      redirection: 'administration',
      notes: 'Mme Martin attend un dégrèvement.',
    };
    const ANSWERS = [
        { itemId: 'identite', state: 'done', comment: 'CNI' },
        { itemId: 'justificatifs', state: 'not_applicable' },
        { itemId: 'contact', state: 'done' },
        { itemId: 'documents-envoi', state: 'done' },
        { itemId: 'compte-impots', state: 'done', comment: '  via FranceConnect  ' },
    ];

    beforeAll(async () => {
      id = (await bookNext()).id;
    });

    it('is filled by the site’s facilitator and read, as is, by the agent with a summary; coordinators and admins do not read records', async () => {
      const empty = await support(facilitator, id);
      expect(empty).toMatchObject({ templateVersion: 0, revision: 0, notes: '', canEdit: true, consents: [] });
      const labelOf = (itemId: string) => empty.items.find((i) => i.id === itemId)!.label;

      // The fields first: the first change pins the theme's default as version 1.
      const pinned = (await patchSupport(facilitator, id, { base: 0, ...FIELDS }).expect(200)).body as SupportView;
      expect(pinned).toMatchObject({ templateVersion: 1, revision: 1, updatedBy: 'Fatou Animatrice', ...FIELDS, notesErased: false });
      const saved = (await patchSupport(facilitator, id, { base: 1, answers: ANSWERS }).expect(200)).body as SupportView;
      expect(saved).toMatchObject({ templateVersion: 1, revision: 2, ...FIELDS });
      expect(saved.items.find((i) => i.id === 'compte-impots')).toMatchObject({ state: 'done', comment: 'via FranceConnect' });
      expect(saved.items.find((i) => i.id === 'justificatifs')).toMatchObject({ state: 'not_applicable', comment: '' });

      const read = await support(agent, id);
      expect(read).toEqual({ ...saved, canEdit: false, savedRevision: null });
      expect(saved.savedRevision).toBe(2);
      expect(read.summary).toEqual({
        papersReady: false,
        consentGiven: false,
        facilitatorPresent: true,
        notReady: [labelOf('numero-fiscal')],
        answered: 5,
        total: empty.items.length,
      });
      await coordinator.agent.get(`/api/consultations/${id}/support`).expect(403);
      const admin = await signIn(t.baseUrl, 'admin');
      await admin.agent.get(`/api/consultations/${id}/support`).expect(403);
    });

    it('is written only by the site’s facilitators, and read by nobody outside the consultation', async () => {
      const before = await support(facilitator, id);
      await patchSupport(agent, id, { base: before.revision, notes: 'agent' }).expect(403);
      await patchSupport(coordinator, id, { base: before.revision, notes: 'coordination' }).expect(403);
      await otherFacilitator.agent.get(`/api/consultations/${id}/support`).expect(403);
      await patchSupport(otherFacilitator, id, { base: before.revision, notes: 'Sully' }).expect(403);
      expect(await support(facilitator, id)).toEqual(before);
    });

    it.each([
      ['an item not in its checklist', { answers: [{ itemId: 'numero-fiscal', state: 'done' }, { itemId: 'inconnu', state: 'done' }], notes: 'x' }, { answers: { '1': { itemId: ['UNKNOWN_ITEM'] } } }],
      ['notes over 2000 characters', { notes: 'n'.repeat(2001) }, { notes: ['TOO_LONG'] }],
      ['an autonomy not in the list', { autonomy: 'beaucoup' }, { autonomy: ['NOT_ALLOWED'] }],
      ['an unknown property', { notes: 'y', colour: 'red' }, { colour: ['UNKNOWN_FIELD'] }],
      ['notes sent as null', { notes: null }, { notes: ['REQUIRED'] }],
      ['equipment sent as null', { equipment: null }, { equipment: ['REQUIRED'] }],
      ['the same item twice', { answers: [{ itemId: 'identite', state: 'done' }, { itemId: 'identite', state: 'not_done' }] }, { answers: expect.anything() }],
    ])('refuses %s (422) and stores nothing', async (_, patch, errors) => {
      const before = await support(facilitator, id);
      const res = await patchSupport(facilitator, id, { base: before.revision, ...patch }).expect(422);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors });
      expect(await support(facilitator, id)).toEqual(before);
    });

    it('never overwrites a field changed on another device; other fields and a retried patch go through', async () => {
      const tablet = await signIn(t.baseUrl, 'facilitator');
      const { revision } = await support(facilitator, id);
      expect((await support(tablet, id)).revision).toBe(revision);

      await patchSupport(facilitator, id, { base: revision, notes: 'Notes du poste A' }).expect(200);
      const conflict = await patchSupport(tablet, id, { base: revision, notes: 'Notes de la tablette B' }).expect(409);
      expect(conflict.body).toMatchObject({ code: 'EDIT_CONFLICT', errors: { notes: ['CHANGED_ELSEWHERE'] } });
      expect((await support(facilitator, id)).notes).toBe('Notes du poste A');

      const other = (await patchSupport(tablet, id, { base: revision, redirection: 'mediation_numerique' }).expect(200)).body as SupportView;
      expect(other).toMatchObject({ notes: 'Notes du poste A', redirection: 'mediation_numerique', revision: revision + 2 });
      // The same patch again (its answer was lost): no conflict, nothing new.
      const retried = (await patchSupport(facilitator, id, { base: revision, notes: 'Notes du poste A' }).expect(200)).body as SupportView;
      expect(retried).toEqual(other);
    });

    it('audits each change without copying the free text', async () => {
      const rows = await audits('support.updated', id);
      expect(rows).toHaveLength(4);
      expect(rows[0]).toMatchObject({ revision: 1, fields: expect.arrayContaining(['notes', 'autonomy']), changes: { notes: { length: FIELDS.notes.length } } });
      expect(rows[1]).toMatchObject({ revision: 2, changes: { 'answers.identite': { from: 'not_done', to: 'done' } } });
      const text = JSON.stringify(rows);
      for (const secret of [FIELDS.notes, 'Notes du poste A', 'CNI', 'FranceConnect']) expect(text).not.toContain(secret);
    });

    // Regression: the default is saved as version 1 inside the PATCH's transaction; its items were read outside it.
    it('takes answers in the very first change of a checklist still on its theme’s default', async () => {
      const type = await send(coordinator, 'post', '/api/consultation-types', { administrationId, subject: 'Avis de situation déclarative', durationMinutes: 20 }).expect(201);
      const fresh = await bookNext({ typeId: type.body.id });
      expect((await support(facilitator, fresh.id)).templateVersion).toBe(0);
      await patchSupport(facilitator, fresh.id, { base: 0, answers: [{ itemId: 'identite', state: 'done' }] }).expect(200);
      expect((await support(facilitator, fresh.id)).items.find((i) => i.id === 'identite')!.state).toBe('done');
    });
  });

  describe('the citizen’s consents', () => {
    let id: string;
    const consents = (body: object) => send(facilitator, 'post', `/api/consultations/${id}/support/consents`, body);
    const stored = () => t.dataSource.query(`SELECT kind, revoked_at IS NOT NULL AS revoked FROM consultation_consents WHERE consultation_id = $1 ORDER BY granted_at`, [id]);

    beforeAll(async () => {
      id = (await bookNext()).id;
    });

    let given: SupportView;
    const revoke = () => send(facilitator, 'delete', `/api/consultations/${id}/support/consents/video`);

    it('are recorded on the current text only, and once', async () => {
      const current = (await support(facilitator, id)).consentTexts.find((x) => x.kind === 'video')!;
      expect(current.version).toBe(CONSENT_TEXTS.video.version);
      const stale = await consents({ kind: 'video', textVersion: '2020-01-01' }).expect(409);
      expect(stale.body.code).toBe('CONSENT_TEXT_STALE');
      expect(await stored()).toEqual([]);
      await send(agent, 'post', `/api/consultations/${id}/support/consents`, { kind: 'video', textVersion: current.version }).expect(403);

      given = (await consents({ kind: 'video', textVersion: current.version }).expect(200)).body as SupportView;
      expect(given.consents).toEqual([
        { kind: 'video', textVersion: current.version, collectedBy: 'Fatou Animatrice', grantedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), revokedAt: null, revokedBy: null },
      ]);
      expect(given.summary.consentGiven).toBe(true);
      expect((await support(agent, id)).summary.consentGiven).toBe(true);
      await consents({ kind: 'video', textVersion: current.version }).expect(200);
      expect(await stored()).toEqual([{ kind: 'video', revoked: false }]);
      expect(await audits('consent.given', id)).toEqual([{ kind: 'video', textVersion: current.version }]);
      expect((await send(facilitator, 'delete', `/api/consultations/${id}/support/consents/other`).expect(422)).body.errors).toEqual({ kind: ['NOT_ALLOWED'] });
    });

    // Regression: TypeORM answers UPDATE … RETURNING with [rows, count]; revoking always said 404.
    it('are revoked with their history kept; revoking again is a 404', async () => {
      const revoked = (await revoke().expect(200)).body as SupportView;
      expect(revoked.consents).toEqual([{ ...given.consents[0], revokedAt: expect.any(String), revokedBy: 'Fatou Animatrice' }]);
      expect(revoked.summary.consentGiven).toBe(false);
      await revoke().expect(404);
      expect(await stored()).toEqual([{ kind: 'video', revoked: true }]);
      expect(await audits('consent.revoked', id)).toEqual([{ kind: 'video' }]);
    });
  });

  describe('the day desk', () => {
    let sully: Booked;
    const alertsFor = (day: DeskDayView, consultationId: string) => day.alerts.filter((a) => a.consultationId === consultationId).map((a) => a.kind);

    beforeAll(async () => {
      sully = await bookNext({ boothId: sullyBoothId });
    });

    it('shows the site’s consultations and booths; a booth never seen is offline and raises an alert before its consultation', async () => {
      const day = await desk(facilitator, { date: soon.day });
      expect(day).toMatchObject({ siteId: c.siteId, siteName: 'France Services de Pithiviers', date: soon.day });
      expect(day.booths.map((b) => [b.name, b.state, b.lastSeenAt])).toEqual([['Cabine 1', 'offline', null], ['Cabine 2', 'offline', null]]);
      const ids = day.consultations.map((x) => x.id);
      expect(ids).toContain(soon.id);
      expect(ids).not.toContain(sully.id);
      expect(day.consultations.find((x) => x.id === soon.id)).toMatchObject({ live: 'offline', boothName: 'Cabine 1', agentName: 'Antoine Agent', agentConnected: false });
      expect(day.alerts).toContainEqual({ kind: 'booth_offline', consultationId: soon.id, since: null });
      expect((await desk(otherFacilitator, { date: sully.day })).consultations.map((x) => x.id)).toEqual([sully.id]);
      expect((await desk(facilitator, {})).date).toBe(DateTime.now().setZone('Europe/Paris').toISODate());
    });

    it('shows a booth online after its heartbeat, then checked with its last pre-call check', async () => {
      const terminal = await pairDevice(t.baseUrl, c.boothId);
      await send({ agent: terminal.agent, csrf: terminal.csrf! }, 'post', '/api/devices/me/heartbeat').expect(204);
      let day = await desk(facilitator, { date: soon.day });
      expect(day.booths.find((b) => b.id === c.boothId)).toMatchObject({ state: 'online', lastSeenAt: expect.any(String), lastCheck: null });
      expect(day.consultations.find((x) => x.id === soon.id)!.live).toBe('online');
      expect(alertsFor(day, soon.id)).toEqual([]);

      const check = { outcome: 'warning', camera: 'passed', microphone: 'passed', network: 'failed', route: 'relay', rttMs: 180, uplinkKbps: 900 };
      await send({ agent: terminal.agent, csrf: terminal.csrf! }, 'post', '/api/devices/me/check', check).expect(204);
      const bad = await send({ agent: terminal.agent, csrf: terminal.csrf! }, 'post', '/api/devices/me/check', { ...check, outcome: 'great', rttMs: -1, camera: undefined }).expect(422);
      expect(bad.body.errors).toEqual({ outcome: ['NOT_ALLOWED'], rttMs: ['TOO_SMALL'], camera: ['REQUIRED'] });
      await send(facilitator, 'post', '/api/devices/me/heartbeat').expect(403);
      day = await desk(facilitator, { date: soon.day });
      expect(day.booths.find((b) => b.id === c.boothId)).toMatchObject({ state: 'checked', lastCheck: { ...check, at: expect.any(String) } });
      expect(day.consultations.find((x) => x.id === soon.id)!.live).toBe('checked');
    });

    it('is scoped: coordinators name a site of theirs, facilitators see only their own; a date must exist', async () => {
      expect((await coordinator.agent.get('/api/desk').expect(422)).body.errors).toEqual({ siteId: ['REQUIRED'] });
      expect(await desk(coordinator, { siteId: c.siteId, date: soon.day })).toMatchObject({ siteId: c.siteId, consultations: expect.arrayContaining([expect.objectContaining({ id: soon.id })]) });
      await facilitator.agent.get('/api/desk').query({ siteId: sullyId }).expect(403);
      expect((await facilitator.agent.get('/api/desk').query({ date: '2026-02-30' }).expect(422)).body.errors).toEqual({ date: ['INVALID_FORMAT'] });
      await agent.agent.get('/api/desk').expect(403);
    });

    const facilitatorStream = async () => openDeskStream(t.baseUrl, await sessionCookie(t.baseUrl, account('facilitator').email, account('facilitator').password));
    const changes = (stream: DeskStream) => stream.events.filter((e) => e.event === 'change');
    const changed = (stream: DeskStream, kind: string) => waitFor(`a ${kind} change`, async () => changes(stream).find((e) => e.data.kind === kind), 2000);
    const heartbeat = (terminal: { agent: Caller['agent']; csrf: string | null }) => send({ agent: terminal.agent, csrf: terminal.csrf! }, 'post', '/api/devices/me/heartbeat').expect(204);

    it('streams a change within 2 s when an offline booth beats or a support record changes, to its own site only', async () => {
      const terminal = await pairDevice(t.baseUrl, cabine2Id);
      const mine = await facilitatorStream();
      const theirs = await openDeskStream(t.baseUrl, await sessionCookie(t.baseUrl, SULLY_FACILITATOR.email, SULLY_FACILITATOR.password));
      try {
        await heartbeat(terminal);
        await changed(mine, 'booth');
        const { revision } = await support(facilitator, soon.id);
        await patchSupport(facilitator, soon.id, { base: revision, facilitatorPresent: false }).expect(200);
        await changed(mine, 'support');
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(changes(theirs)).toEqual([]);
      } finally {
        mine.close();
        theirs.close();
      }
    });

    // Regression: the heartbeat read `previous` from TypeORM's [rows, count] pair, so every beat notified.
    it('says nothing when a booth already online beats again', async () => {
      const terminal = await pairDevice(t.baseUrl, cabine2Id);
      const mine = await facilitatorStream();
      try {
        await heartbeat(terminal);
        await changed(mine, 'booth');
        mine.events.length = 0;
        await heartbeat(terminal);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        expect(changes(mine)).toEqual([]);
      } finally {
        mine.close();
      }
    });

    it('carries a facilitator’s short message to the consultation’s agent', async () => {
      const path = `/api/consultations/${soon.id}/desk-messages`;
      const sent = await send(facilitator, 'post', path, { body: '  Mme Martin est en cabine.  ' }).expect(201);
      expect(sent.body).toMatchObject({ consultationId: soon.id, body: 'Mme Martin est en cabine.', senderName: 'Fatou Animatrice' });
      await send(facilitator, 'post', path, { body: 'x'.repeat(280) }).expect(201);
      expect((await send(facilitator, 'post', path, { body: '   ' }).expect(422)).body.errors).toEqual({ body: ['TOO_SHORT'] });
      expect((await send(facilitator, 'post', path, { body: 'x'.repeat(281) }).expect(422)).body.errors).toEqual({ body: ['TOO_LONG'] });
      await send(agent, 'post', path, { body: 'Bonjour' }).expect(403);
      await send(otherFacilitator, 'post', path, { body: 'Bonjour' }).expect(403);

      const inbox = (await agent.agent.get('/api/desk-messages').query({ date: soon.day }).expect(200)).body as Array<{ id: string; body: string }>;
      expect(inbox.map((m) => m.body)).toEqual(['x'.repeat(280), 'Mme Martin est en cabine.']);
      expect(inbox.map((m) => m.id)).toContain(sent.body.id);
      expect(await audits('desk.message_sent', soon.id)).toEqual([{ length: 25 }, { length: 280 }]);
    });
  });

  describe('the support-activity export', () => {
    let held: Booked;
    let subject: string;
    const NOTES = '=1+1; rappeler "lundi"';
    const exportOf = (who: Caller, query: Record<string, string>) => who.agent.get('/api/support-activity').query(query);

    beforeAll(async () => {
      held = await bookNext();
      subject = types.find((type) => type.id === c.typeId)!.subject;
      const patch = { base: 0, autonomy: 'autonome', equipment: ['tablette'], themes: ['argent_impots', 'logement'], redirection: 'autre', facilitatorPresent: true, notes: NOTES };
      await patchSupport(facilitator, held.id, patch).expect(200);
      // NOTE: a consultation is held once its call starts; without a real call, the test plays the
      // signalling's admission and end through the lifecycle service (no SQL), then the agent closes it.
      const lifecycle = t.app.get(ConsultationsService);
      await lifecycle.callStarted(held.id);
      await lifecycle.callEnded(held.id);
      await send(agent, 'post', `/api/consultations/${held.id}/outcome`, { status: 'done' }).expect(200);
    });

    it('lists held consultations only, field for field the activity record', async () => {
      const records = (await exportOf(facilitator, { from: held.day, to: held.day }).expect(200)).body as ActivityRecordView[];
      expect(records).toEqual([
        {
          consultationId: held.id,
          type: 'demarche',
          date: held.day,
          dureeMinutes: 1,
          typeLieu: 'lieu_activite',
          lieu: 'France Services de Pithiviers',
          codePostal: '45300',
          commune: 'Pithiviers',
          autonomie: 'autonome',
          materiel: ['tablette'],
          thematiques: ['argent_impots', 'logement'],
          structureDeRedirection: 'autre',
          administration: 'DDFIP du Loiret',
          objet: subject,
          animateurPresent: true,
          notes: NOTES,
        },
      ]);
      expect((await exportOf(otherFacilitator, { from: held.day, to: held.day }).expect(200)).body).toEqual([]);
      expect((await exportOf(coordinator, { from: held.day, to: held.day, siteId: c.siteId }).expect(200)).body).toEqual(records);
    });

    it('as CSV: BOM, ";" between cells, the same records, formulas defused', async () => {
      const json = (await exportOf(facilitator, { from: held.day, to: held.day }).expect(200)).body as ActivityRecordView[];
      const res = await exportOf(facilitator, { from: held.day, to: held.day, format: 'csv' })
        .buffer(true)
        .parse((stream, done) => {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="activite-accompagnement-${held.day}-${held.day}.csv"`);
      const bytes = res.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'));
      expect(header).toEqual(CSV_HEADER);
      const asCell = (value: unknown) => (value === null ? '' : Array.isArray(value) ? value.join('|') : String(value));
      expect(rows).toEqual(json.map((r) => header!.map((key) => (key === 'notes' ? `'${r.notes}` : asCell(r[key as keyof ActivityRecordView])))));
    });

    it('refuses a bad period or a site out of scope, and audits each export', async () => {
      const day = DateTime.fromISO(held.day);
      const errors = async (who: Caller, query: Record<string, string>) => (await exportOf(who, query).expect(422)).body.errors;
      expect(await errors(facilitator, { from: held.day, to: day.minus({ days: 1 }).toISODate()! })).toEqual({ to: ['END_BEFORE_START'] });
      expect(await errors(facilitator, { from: held.day, to: day.plus({ days: 367 }).toISODate()! })).toEqual({ to: ['RANGE_TOO_LONG'] });
      await exportOf(facilitator, { from: held.day, to: day.plus({ days: 366 }).toISODate()! }).expect(200);
      expect(await errors(coordinator, { from: held.day, to: held.day })).toEqual({ siteId: ['REQUIRED'] });
      await exportOf(facilitator, { from: held.day, to: held.day, siteId: sullyId }).expect(403);
      await exportOf(agent, { from: held.day, to: held.day }).expect(403);
      // The refused ones are not exports: before them, the facilitator's, the coordinator's, then the CSV test's two.
      const once = (format: string, to = held.day) => ({ from: held.day, to, records: 1, format });
      expect(await audits('support.exported', c.siteId)).toEqual([once('json'), once('json'), once('json'), once('csv'), once('json', day.plus({ days: 366 }).toISODate()!)]);
    });
  });

  describe('retention', () => {
    it('erases the notes and item comments with the citizen’s data, and keeps the rest', async () => {
      const { id } = await bookNext();
      const patch = { base: 0, notes: 'Mme Martin, 3 enfants, dossier CAF en retard.', autonomy: 'autonome', answers: [{ itemId: 'identite', state: 'done', comment: 'Passeport n° 12AB' }] };
      await patchSupport(facilitator, id, patch).expect(200);
      await facilitator.agent.post(`/api/consultations/${id}/desk-messages`).set('X-CSRF-Token', facilitator.csrf).send({ body: 'Mme Martin attend.' }).expect(201);
      const lifecycle = t.app.get(ConsultationsService);
      await lifecycle.callStarted(id);
      await lifecycle.callEnded(id);
      // NOTE: time passes: the consultation moves 100 days back, past the citizen-data limit (90 days).
      await t.dataSource.query(
        `UPDATE consultations SET starts_at = starts_at - interval '100 days', ends_at = ends_at - interval '100 days',
                call_started_at = call_started_at - interval '100 days', call_ended_at = call_ended_at - interval '100 days' WHERE id = $1`,
        [id],
      );
      const kept = await support(facilitator, soon.id);

      const run = await t.app.get(RetentionService).run();
      expect(run?.consultationsErased).toBe(1);
      const erased = await support(facilitator, id);
      expect(erased).toMatchObject({ notes: '', notesErased: true, autonomy: 'autonome' });
      expect(erased.items.find((i) => i.id === 'identite')).toMatchObject({ state: 'done', comment: '' });
      const [row] = await t.dataSource.query(`SELECT notes, answers FROM consultation_support WHERE consultation_id = $1`, [id]);
      expect(row).toEqual({ notes: '', answers: { identite: { state: 'done', comment: '' } } });
      // The facilitator's messages about the citizen go with them.
      expect(await t.dataSource.query(`SELECT id FROM desk_messages WHERE consultation_id = $1`, [id])).toEqual([]);
      expect(await support(facilitator, soon.id)).toEqual(kept);

      // A device that kept notes while offline cannot bring them back; the rest can still be filled.
      const late = await patchSupport(facilitator, id, { base: erased.revision, notes: 'Mme Martin, 3 enfants.' }).expect(422);
      expect(late.body.errors).toEqual({ notes: ['NOT_ALLOWED'] });
      const comment = await patchSupport(facilitator, id, { base: erased.revision, answers: [{ itemId: 'identite', state: 'done', comment: 'Passeport' }] }).expect(422);
      expect(comment.body.errors).toEqual({ answers: { '0': { comment: ['NOT_ALLOWED'] } } });
      await patchSupport(facilitator, id, { base: erased.revision, redirection: 'administration' }).expect(200);
      expect(await support(facilitator, id)).toMatchObject({ notes: '', redirection: 'administration' });
    });

    it('a change that changes nothing stores nothing: an empty record pins no template version', async () => {
      const { id } = await bookNext();
      const view = (await patchSupport(facilitator, id, { base: 0, notes: '' }).expect(200)).body as SupportView;
      expect(view).toMatchObject({ revision: 0, savedRevision: 0 });
      expect(await t.dataSource.query(`SELECT consultation_id FROM consultation_support WHERE consultation_id = $1`, [id])).toEqual([]);
    });
  });
});
