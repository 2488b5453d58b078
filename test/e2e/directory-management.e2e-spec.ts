import request from 'supertest';
import { startTestApp, TestApp } from '../support/app';
import { pairDevice } from '../support/callers';
import { demoIds } from '../support/demo-data';
import { at, mondayIn, schedulingIds, SchedulingIds } from '../support/scheduling';
import { signIn, SignedIn } from '../support/session';

/**
 * Directory management against a real database: who may create and rename administrations, MSAP
 * sites and booths, in which scope; duplicates; and what retiring a booth does to bookings, moves,
 * pairing and history.
 */

/** Answers give instants with their Paris offset, like the rest of the API. */
const PARIS_TIME = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+0[12]:00$/);

describe('directory management', () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>> & SchedulingIds;
  let admin: SignedIn;
  let coordinator: SignedIn;
  let facilitator: SignedIn;
  let agentCaller: SignedIn;
  const week = mondayIn(3);
  const UNKNOWN_ID = '8b0f3c1e-2f6a-4d7e-9c4b-1a2b3c4d5e6f';

  const send = (who: SignedIn, method: 'post' | 'patch', path: string, body?: object) =>
    who.agent[method](path).set('X-CSRF-Token', who.csrf).send(body);
  const audit = async (action: string, subjectId: string) =>
    (await t.dataSource.query(`SELECT actor_user_id, details FROM audit_events WHERE action = $1 AND subject_id = $2 ORDER BY id`, [action, subjectId])) as Array<{
      actor_user_id: string;
      details: Record<string, unknown>;
    }>;
  const site = (name: string, departement = '45') => ({ name, address: '1 place de la Mairie', postalCode: '45000', city: 'Orléans', departement });

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' });
    ids = { ...(await demoIds(t.dataSource)), ...(await schedulingIds(t.dataSource)) };
    [admin, coordinator, facilitator, agentCaller] = await Promise.all(
      (['admin', 'coordinator', 'facilitator', 'agent'] as const).map((role) => signIn(t.baseUrl, role)),
    );
  });
  afterAll(() => t.close());

  describe('administrations', () => {
    it('an admin creates one, audited; the same name in the département (any case, extra spaces) is a 409', async () => {
      const res = await send(admin, 'post', '/api/administrations', { name: '  DDETS   du Loiret ', departement: '45' }).expect(201);
      expect(res.body).toEqual({ id: expect.any(String), name: 'DDETS du Loiret', departement: '45', officeLatitude: null, officeLongitude: null, createdAt: PARIS_TIME });
      expect(await audit('administration.created', res.body.id)).toEqual([
        { actor_user_id: admin.userId, details: { name: 'DDETS du Loiret', departement: '45' } },
      ]);
      const dup = await send(admin, 'post', '/api/administrations', { name: 'ddets du loiret', departement: '45' }).expect(409);
      expect(dup.body).toMatchObject({ code: 'NAME_TAKEN', errors: { name: ['NAME_TAKEN'] } });
      // Another département may have its own.
      await send(admin, 'post', '/api/administrations', { name: 'DDETS du Loiret', departement: '2A' }).expect(201);
    });

    it('an admin renames one and moves it to another département; the change is audited from → to', async () => {
      const created = await send(admin, 'post', '/api/administrations', { name: 'DDT du Cher', departement: '45' }).expect(201);
      const renamed = await send(admin, 'patch', `/api/administrations/${created.body.id}`, { name: 'DDT du Cher (18)', departement: '18' }).expect(200);
      expect(renamed.body).toMatchObject({ id: created.body.id, name: 'DDT du Cher (18)', departement: '18' });
      const [event] = await audit('administration.updated', created.body.id);
      expect(event!.details).toEqual({ changes: { name: { from: 'DDT du Cher', to: 'DDT du Cher (18)' }, departement: { from: '45', to: '18' } } });
      // Renaming onto an existing name of the département is a 409; the row is unchanged.
      await send(admin, 'patch', `/api/administrations/${created.body.id}`, { name: 'DDFIP du Loiret', departement: '45' }).expect(409);
      const [row] = await t.dataSource.query(`SELECT name, departement FROM administrations WHERE id = $1`, [created.body.id]);
      expect(row).toEqual({ name: 'DDT du Cher (18)', departement: '18' });
    });

    it('only admins may: coordinators, facilitators and agents get a 403', async () => {
      for (const who of [coordinator, facilitator, agentCaller]) {
        await send(who, 'post', '/api/administrations', { name: 'X', departement: '45' }).expect(403);
        await send(who, 'patch', `/api/administrations/${ids.ddfipId}`, { name: 'X' }).expect(403);
      }
    });

    it.each<[string, object, string]>([
      ['a missing name', { departement: '45' }, 'name'],
      ['a blank name', { name: '   ', departement: '45' }, 'name'],
      ['a name of 121 characters', { name: 'x'.repeat(121), departement: '45' }, 'name'],
      ['a number as name', { name: 42, departement: '45' }, 'name'],
      ['an unknown département', { name: 'Service', departement: '99' }, 'departement'],
      ['an unknown field', { name: 'Service', departement: '45', siret: '1' }, 'siret'],
    ])('creation with %s is a 422 naming the field', async (_label, body, field) => {
      const res = await send(admin, 'post', '/api/administrations', body).expect(422);
      expect(res.body.errors).toHaveProperty(field);
    });

    it('an office position is given, changed and removed by an admin, both halves or neither, within range', async () => {
      const created = await send(admin, 'post', '/api/administrations', { name: 'DREAL Centre-Val de Loire', departement: '45', officeLatitude: '47,9060', officeLongitude: '1.9180' }).expect(201);
      expect(created.body).toMatchObject({ officeLatitude: 47.906, officeLongitude: 1.918 });
      const moved = await send(admin, 'patch', `/api/administrations/${created.body.id}`, { officeLatitude: 47.9029, officeLongitude: 1.9093 }).expect(200);
      expect(moved.body).toMatchObject({ name: 'DREAL Centre-Val de Loire', officeLatitude: 47.9029, officeLongitude: 1.9093 });
      const [event] = await audit('administration.updated', created.body.id);
      expect(event!.details).toEqual({ changes: { officeLatitude: { from: 47.906, to: 47.9029 }, officeLongitude: { from: 1.918, to: 1.9093 } } });
      const listed = await admin.agent.get('/api/administrations').expect(200);
      expect(listed.body.find((a: { id: string }) => a.id === ids.ddfipId)).toMatchObject({ officeLatitude: 47.9029, officeLongitude: 1.9093 });
      for (const [body, errors] of [
        [{ officeLatitude: 47.9 }, { officeLongitude: ['REQUIRED'] }],
        [{ officeLatitude: -91, officeLongitude: 1.9 }, { officeLatitude: ['TOO_SMALL'] }],
        [{ officeLatitude: 47.9, officeLongitude: 'Orléans' }, { officeLongitude: ['INVALID_TYPE'] }],
      ] as const) {
        expect((await send(admin, 'patch', `/api/administrations/${created.body.id}`, body).expect(422)).body.errors).toEqual(errors);
        expect((await send(admin, 'post', '/api/administrations', { name: 'Autre service', departement: '45', ...body }).expect(422)).body.errors).toEqual(errors);
      }
      const cleared = await send(admin, 'patch', `/api/administrations/${created.body.id}`, { officeLatitude: null, officeLongitude: null }).expect(200);
      expect(cleared.body).toMatchObject({ officeLatitude: null, officeLongitude: null });
      await send(coordinator, 'patch', `/api/administrations/${ids.ddfipId}`, { officeLatitude: 47, officeLongitude: 2 }).expect(403);
    });

    it('an update with nothing, or a null name, is a 422; an unknown id a 404; a bad id a 422', async () => {
      expect((await send(admin, 'patch', `/api/administrations/${ids.ddfipId}`, {}).expect(422)).body.errors).toHaveProperty('name');
      expect((await send(admin, 'patch', `/api/administrations/${ids.ddfipId}`, { name: null }).expect(422)).body.errors).toHaveProperty('name');
      await send(admin, 'patch', `/api/administrations/${UNKNOWN_ID}`, { name: 'X' }).expect(404);
      expect((await send(admin, 'patch', '/api/administrations/nope', { name: 'X' }).expect(422)).body.errors).toHaveProperty('id');
    });
  });

  describe('MSAP sites', () => {
    it('a coordinator creates and renames sites of their own département only', async () => {
      const created = await send(coordinator, 'post', '/api/msap-sites', site('France Services d’Orléans')).expect(201);
      expect(created.body).toMatchObject({ name: 'France Services d’Orléans', postalCode: '45000', departement: '45' });
      expect(await audit('msap_site.created', created.body.id)).toHaveLength(1);
      const elsewhere = await send(coordinator, 'post', '/api/msap-sites', site('France Services de Bourges', '18')).expect(403);
      expect(elsewhere.body.errors).toHaveProperty('departement');

      const renamed = await send(coordinator, 'patch', `/api/msap-sites/${created.body.id}`, { name: 'France Services d’Orléans-La Source', city: 'Orléans' }).expect(200);
      expect(renamed.body).toMatchObject({ id: created.body.id, name: 'France Services d’Orléans-La Source', address: '1 place de la Mairie' });
      const [event] = await audit('msap_site.updated', created.body.id);
      expect(event!.details).toEqual({ changes: { name: { from: 'France Services d’Orléans', to: 'France Services d’Orléans-La Source' } } });
      // Moving it out of their département is not theirs to do.
      await send(coordinator, 'patch', `/api/msap-sites/${created.body.id}`, { departement: '18' }).expect(403);

      // A site of another département (made by an admin) is out of the coordinator's reach and sight.
      const paris = await send(admin, 'post', '/api/msap-sites', { ...site('France Services Paris 20e', '75'), postalCode: '75020', city: 'Paris' }).expect(201);
      expect(paris.body.createdAt).toEqual(PARIS_TIME);
      await send(coordinator, 'patch', `/api/msap-sites/${paris.body.id}`, { name: 'Mine' }).expect(403);
      const listed = await coordinator.agent.get('/api/msap-sites').expect(200);
      expect(listed.body.map((s: { id: string }) => s.id)).not.toContain(paris.body.id);
      expect(listed.body.map((s: { id: string }) => s.id)).toContain(created.body.id);
    });

    it('duplicates in a département are a 409; facilitators and agents may not create or change sites', async () => {
      const dup = await send(admin, 'post', '/api/msap-sites', site('FRANCE SERVICES DE PITHIVIERS')).expect(409);
      expect(dup.body.errors).toHaveProperty('name');
      await send(coordinator, 'patch', `/api/msap-sites/${ids.sullyId}`, { name: 'France Services de Pithiviers' }).expect(409);
      for (const who of [facilitator, agentCaller]) {
        await send(who, 'post', '/api/msap-sites', site('Nouveau site')).expect(403);
        await send(who, 'patch', `/api/msap-sites/${ids.pithiviersId}`, { name: 'Nouveau nom' }).expect(403);
      }
      const [row] = await t.dataSource.query(`SELECT name FROM msap_sites WHERE id = $1`, [ids.sullyId]);
      expect(row.name).toBe('France Services de Sully-sur-Loire');
    });

    it.each<[string, object, string]>([
      ['a postal code of 4 digits', { postalCode: '4530' }, 'postalCode'],
      ['a postal code with letters', { postalCode: '45A00' }, 'postalCode'],
      ['a missing address', { address: undefined }, 'address'],
      ['a blank city', { city: ' ' }, 'city'],
      ['a lowercase-invalid département', { departement: '2c' }, 'departement'],
    ])('creation with %s is a 422 naming the field', async (_label, change, field) => {
      const res = await send(admin, 'post', '/api/msap-sites', { ...site('Site invalide'), ...change }).expect(422);
      expect(res.body.errors).toHaveProperty(field);
    });

    it('a position is given as both halves in decimal degrees (a French comma too), kept, changed and removed, audited', async () => {
      const created = await send(coordinator, 'post', '/api/msap-sites', { ...site('France Services de Beaugency'), latitude: 47.7781, longitude: '1,6325' }).expect(201);
      expect(created.body).toMatchObject({ latitude: 47.7781, longitude: 1.6325 });
      const moved = await send(coordinator, 'patch', `/api/msap-sites/${created.body.id}`, { latitude: '47,7790', longitude: 1.633 }).expect(200);
      expect(moved.body).toMatchObject({ name: 'France Services de Beaugency', latitude: 47.779, longitude: 1.633 });
      const [event] = await audit('msap_site.updated', created.body.id);
      expect(event!.details).toEqual({ changes: { latitude: { from: 47.7781, to: 47.779 }, longitude: { from: 1.6325, to: 1.633 } } });
      // Renaming leaves the position alone; null for both removes it.
      await send(coordinator, 'patch', `/api/msap-sites/${created.body.id}`, { name: 'France Services de Beaugency (mairie)' }).expect(200);
      expect((await t.dataSource.query(`SELECT latitude, longitude FROM msap_sites WHERE id = $1`, [created.body.id]))[0]).toEqual({ latitude: 47.779, longitude: 1.633 });
      const cleared = await send(coordinator, 'patch', `/api/msap-sites/${created.body.id}`, { latitude: null, longitude: '' }).expect(200);
      expect(cleared.body).toMatchObject({ latitude: null, longitude: null });
      // The seeded sites have theirs (Pithiviers, in the Loiret).
      const listed = await coordinator.agent.get('/api/msap-sites').expect(200);
      expect(listed.body.find((s: { id: string }) => s.id === ids.pithiviersId)).toMatchObject({ latitude: 48.1719, longitude: 2.2519 });
    });

    it.each<[string, object, Record<string, string[]>]>([
      ['a latitude without its longitude', { latitude: 47.9 }, { longitude: ['REQUIRED'] }],
      ['a longitude with a null latitude', { latitude: null, longitude: 1.9 }, { latitude: ['REQUIRED'] }],
      ['a latitude past the pole', { latitude: 90.5, longitude: 1.9 }, { latitude: ['TOO_LARGE'] }],
      ['a longitude past the antimeridian', { latitude: 47.9, longitude: -180.01 }, { longitude: ['TOO_SMALL'] }],
      ['degrees and minutes', { latitude: '47°54′', longitude: 1.9 }, { latitude: ['INVALID_TYPE'] }],
      ['a boolean', { latitude: true, longitude: 1.9 }, { latitude: ['INVALID_TYPE'] }],
    ])('a position with %s is a 422 naming the field, on creation and on update', async (_label, position, errors) => {
      const created = await send(admin, 'post', '/api/msap-sites', { ...site('Site mal placé'), ...position }).expect(422);
      expect(created.body.errors).toEqual(errors);
      const updated = await send(admin, 'patch', `/api/msap-sites/${ids.sullyId}`, position).expect(422);
      expect(updated.body.errors).toEqual(errors);
      const [row] = await t.dataSource.query(`SELECT latitude, longitude FROM msap_sites WHERE id = $1`, [ids.sullyId]);
      expect(row).toEqual({ latitude: 47.7667, longitude: 2.375 });
    });

    it('an unknown site is a 404 on update', async () => {
      await send(admin, 'patch', `/api/msap-sites/${UNKNOWN_ID}`, { name: 'X' }).expect(404);
    });
  });

  describe('booths', () => {
    it('a coordinator creates a booth at an MSAP of their département; duplicates (any case) are a 409; outside their scope a 403', async () => {
      const created = await send(coordinator, 'post', `/api/msap-sites/${ids.pithiviersId}/booths`, { name: 'Cabine 3' }).expect(201);
      expect(created.body).toEqual({ id: expect.any(String), name: 'Cabine 3', msapSiteId: ids.pithiviersId, createdAt: PARIS_TIME, retiredAt: null });
      expect(await audit('booth.created', created.body.id)).toEqual([
        { actor_user_id: coordinator.userId, details: { name: 'Cabine 3', msapSiteId: ids.pithiviersId } },
      ]);
      const dup = await send(coordinator, 'post', `/api/msap-sites/${ids.pithiviersId}/booths`, { name: 'cabine 1' }).expect(409);
      expect(dup.body).toMatchObject({ code: 'NAME_TAKEN', errors: { name: ['NAME_TAKEN'] } });
      // The same name at another MSAP is fine.
      await send(admin, 'post', `/api/msap-sites/${ids.sullyId}/booths`, { name: 'Cabine 3' }).expect(201);

      const [paris] = await t.dataSource.query(`SELECT id FROM msap_sites WHERE departement = '75' LIMIT 1`);
      await send(coordinator, 'post', `/api/msap-sites/${paris.id}/booths`, { name: 'Cabine 1' }).expect(403);
      await send(coordinator, 'post', `/api/msap-sites/${UNKNOWN_ID}/booths`, { name: 'Cabine 1' }).expect(404);
      expect((await send(coordinator, 'post', `/api/msap-sites/${ids.pithiviersId}/booths`, { name: '' }).expect(422)).body.errors).toHaveProperty('name');
      expect((await send(coordinator, 'post', `/api/msap-sites/${ids.pithiviersId}/booths`, { name: 'x'.repeat(61) }).expect(422)).body.errors).toHaveProperty('name');
    });

    it('a facilitator renames the booths of their own MSAP, not others’, and creates none', async () => {
      const [booth] = await t.dataSource.query(`SELECT id, name FROM booths WHERE msap_site_id = $1 AND name = 'Cabine 2'`, [ids.pithiviersId]);
      const res = await send(facilitator, 'patch', `/api/booths/${booth.id}`, { name: 'Cabine 2 (salle B)' }).expect(200);
      expect(res.body).toMatchObject({ id: booth.id, name: 'Cabine 2 (salle B)' });
      const [event] = await audit('booth.renamed', booth.id);
      expect(event).toEqual({ actor_user_id: facilitator.userId, details: { changes: { name: { from: 'Cabine 2', to: 'Cabine 2 (salle B)' } } } });
      await send(facilitator, 'patch', `/api/booths/${booth.id}`, { name: 'CABINE 1' }).expect(409);
      await send(facilitator, 'patch', `/api/booths/${ids.sullyBoothId}`, { name: 'Cabine X' }).expect(403);
      await send(facilitator, 'post', `/api/msap-sites/${ids.pithiviersId}/booths`, { name: 'Cabine 9' }).expect(403);
      await send(agentCaller, 'patch', `/api/booths/${booth.id}`, { name: 'Cabine Y' }).expect(403);
      await send(facilitator, 'patch', `/api/booths/${UNKNOWN_ID}`, { name: 'Cabine Y' }).expect(404);
      // Changing only the case of its own name is not a duplicate.
      await send(facilitator, 'patch', `/api/booths/${booth.id}`, { name: 'cabine 2 (salle b)' }).expect(200);
    });
  });

  describe('retiring a booth', () => {
    let boothId: string;
    let pastId: string;
    let staleCode: string;
    const book = (boothIdToBook: string, startsAt: string) =>
      send(coordinator, 'post', '/api/consultations', {
        boothId: boothIdToBook,
        agentId: ids.demoAgentId,
        consultationTypeId: ids.incomeTaxTypeId,
        startsAt,
        citizen: { name: 'Jeanne Martin', phone: '06 12 34 56 78' },
      });

    beforeAll(async () => {
      const created = await send(coordinator, 'post', `/api/msap-sites/${ids.pithiviersId}/booths`, { name: 'Cabine à retirer' }).expect(201);
      boothId = created.body.id;
      // A consultation already held there: history that must survive the retirement.
      const [past] = await t.dataSource.query(
        `INSERT INTO consultations (booth_id, agent_id, administration_id, consultation_type_id, starts_at, ends_at, status, citizen_name)
         VALUES ($1, $2, $3, $4, now() - interval '2 days', now() - interval '2 days' + interval '30 minutes', 'done', 'Paul Durand') RETURNING id`,
        [boothId, ids.demoAgentId, ids.ddfipId, ids.incomeTaxTypeId],
      );
      pastId = past.id;
    });

    it('is refused while a consultation is booked on it ahead, and allowed once that one is cancelled', async () => {
      const booked = await book(boothId, at(week, '09:00')).expect(201);
      const refused = await send(coordinator, 'post', `/api/booths/${boothId}/retire`).expect(409);
      expect(refused.body.message).toMatch(/1 scheduled consultation/);
      expect((await t.dataSource.query(`SELECT retired_at FROM booths WHERE id = $1`, [boothId]))[0].retired_at).toBeNull();
      await send(coordinator, 'post', `/api/consultations/${booked.body.id}/cancel`, { reason: 'Cabine fermée' }).expect(200);
    });

    it('revokes its terminals, keeps its consultations, and is audited; facilitators and agents may not retire', async () => {
      const terminal = await pairDevice(t.baseUrl, boothId);
      await terminal.agent.get('/api/auth/me').expect(200);
      staleCode = (await send(admin, 'post', `/api/booths/${boothId}/pairing-codes`).expect(201)).body.code;
      await send(facilitator, 'post', `/api/booths/${boothId}/retire`).expect(403);
      await send(agentCaller, 'post', `/api/booths/${boothId}/retire`).expect(403);

      const res = await send(coordinator, 'post', `/api/booths/${boothId}/retire`).expect(200);
      expect(res.body).toMatchObject({ id: boothId, name: 'Cabine à retirer', retiredAt: PARIS_TIME });
      expect((await terminal.agent.get('/api/auth/me').expect(401)).body.code).toBe('DEVICE_REVOKED');
      expect(await audit('booth.retired', boothId)).toEqual([{ actor_user_id: coordinator.userId, details: { name: 'Cabine à retirer', revokedDevices: 1 } }]);
      expect(await audit('device.revoked', terminal.deviceId)).toHaveLength(1);

      // History: the booth row, its past consultation and its cancelled one are all there.
      const past = await coordinator.agent.get(`/api/consultations/${pastId}`).expect(200);
      expect(past.body).toMatchObject({ boothId, boothName: 'Cabine à retirer', status: 'done' });
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM consultations WHERE booth_id = $1`, [boothId]);
      expect(count).toBe(2);

      // A code made before the retirement no longer pairs; no new code is given.
      const pair = await request(t.baseUrl).post('/api/devices/pair').send({ code: staleCode }).expect(400);
      expect(pair.body.code).toBe('PAIRING_CODE_INVALID');
      const code = await send(admin, 'post', `/api/booths/${boothId}/pairing-codes`).expect(409);
      expect(code.body.errors).toHaveProperty('boothId');

      await send(coordinator, 'post', `/api/booths/${boothId}/retire`).expect(409);
      await send(coordinator, 'post', `/api/booths/${UNKNOWN_ID}/retire`).expect(404);
    });

    it('takes no new booking and no consultation moved onto it, whatever the code path', async () => {
      const refused = await book(boothId, at(week, '11:00')).expect(422);
      expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { boothId: ['RETIRED'] } });
      const elsewhere = await book(ids.pithiviersBoothId, at(week, '11:00')).expect(201);
      const move = await send(coordinator, 'patch', `/api/consultations/${elsewhere.body.id}`, { boothId }).expect(422);
      expect(move.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { boothId: ['RETIRED'] } });
      // Straight SQL is refused by the database too.
      await expect(
        t.dataSource.query(
          `INSERT INTO consultations (booth_id, agent_id, administration_id, starts_at, ends_at) VALUES ($1, $2, $3, now() + interval '30 days', now() + interval '30 days 30 minutes')`,
          [boothId, ids.demoAgentId, ids.ddfipId],
        ),
      ).rejects.toMatchObject({ driverError: { code: '23514', constraint: 'booth_in_service' } });
      // Recording the outcome of its past consultation still works (status only).
      await t.dataSource.query(`UPDATE consultations SET status = 'no_show' WHERE id = $1`, [pastId]);
    });

    it('is not offered by the slot search', async () => {
      const window = { consultationTypeId: ids.incomeTaxTypeId, from: at(week, '08:00'), to: at(week.plus({ days: 1 }), '08:00') };
      const search = await coordinator.agent.get('/api/slots').query({ ...window, msapSiteId: ids.pithiviersId }).expect(200);
      const offered = search.body.booths.map((b: { id: string }) => b.id);
      expect(offered).toContain(ids.pithiviersBoothId);
      expect(offered).not.toContain(boothId);
      const one = await coordinator.agent.get('/api/slots').query({ ...window, boothId }).expect(422);
      expect(one.body.errors).toEqual({ boothId: ['RETIRED'] });
    });

    it('is listed with its retirement date only when asked; it can still be renamed', async () => {
      const active = await coordinator.agent.get(`/api/msap-sites/${ids.pithiviersId}/booths`).expect(200);
      expect(active.body.map((b: { id: string }) => b.id)).not.toContain(boothId);
      const all = await coordinator.agent.get(`/api/msap-sites/${ids.pithiviersId}/booths?includeRetired=true`).expect(200);
      expect(all.body.find((b: { id: string }) => b.id === boothId)).toMatchObject({ retiredAt: PARIS_TIME, createdAt: PARIS_TIME });
      await coordinator.agent.get(`/api/msap-sites/${ids.pithiviersId}/booths?includeRetired=yes`).expect(422);
      // Its name stays taken: history keeps telling the booths apart.
      const dup = await send(coordinator, 'post', `/api/msap-sites/${ids.pithiviersId}/booths`, { name: 'Cabine à retirer' }).expect(409);
      expect(dup.body.errors).toEqual({ name: ['NAME_OF_RETIRED_BOOTH'] });
      await send(coordinator, 'patch', `/api/booths/${boothId}`, { name: 'Cabine retirée' }).expect(200);
    });

    it('can be put back in service: bookable, searchable and pairable again, audited; its old terminals stay revoked', async () => {
      await send(facilitator, 'post', `/api/booths/${boothId}/reinstate`).expect(403);
      await send(coordinator, 'post', `/api/booths/${UNKNOWN_ID}/reinstate`).expect(404);
      const res = await send(coordinator, 'post', `/api/booths/${boothId}/reinstate`).expect(200);
      expect(res.body).toEqual({ id: boothId, msapSiteId: ids.pithiviersId, name: 'Cabine retirée', createdAt: PARIS_TIME, retiredAt: null });
      expect(await audit('booth.reinstated', boothId)).toEqual([{ actor_user_id: coordinator.userId, details: { name: 'Cabine retirée', retiredAt: expect.any(String) } }]);
      await send(coordinator, 'post', `/api/booths/${boothId}/reinstate`).expect(409);

      const window = { consultationTypeId: ids.incomeTaxTypeId, from: at(week, '08:00'), to: at(week.plus({ days: 1 }), '08:00') };
      const search = await coordinator.agent.get('/api/slots').query({ ...window, msapSiteId: ids.pithiviersId }).expect(200);
      expect(search.body.booths.map((b: { id: string }) => b.id)).toContain(boothId);
      await book(boothId, at(week, '14:00')).expect(201);
      const [{ live }] = await t.dataSource.query(`SELECT count(*) FILTER (WHERE revoked_at IS NULL)::int AS live FROM devices WHERE booth_id = $1`, [boothId]);
      expect(live).toBe(0);
      // A code made before the retirement stays dead: only a new one pairs.
      const pair = await request(t.baseUrl).post('/api/devices/pair').send({ code: staleCode }).expect(400);
      expect(pair.body.code).toBe('PAIRING_CODE_EXPIRED');
      const terminal = await pairDevice(t.baseUrl, boothId);
      await terminal.agent.get('/api/auth/me').expect(200);
    });
  });
});
