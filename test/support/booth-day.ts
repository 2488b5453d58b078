import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { signIn, SignedIn } from './session';

/** Everything a booking needs, found through the API as a coordinator would. */
export interface DemoCatalogue {
  coordinator: SignedIn;
  siteId: string;
  boothId: string;
  boothName: string;
  agentId: string;
  typeId: string;
}

/**
 * The demo coordinator, the Pithiviers site and its first booth, the demo agent and a DDFIP
 * consultation type, looked up through the public API.
 */
export async function demoCatalogue(baseUrl: string): Promise<DemoCatalogue> {
  const coordinator = await signIn(baseUrl, 'coordinator');
  const sites = (await coordinator.agent.get('/api/msap-sites').expect(200)).body as Array<{ id: string; name: string }>;
  const site = sites.find((s) => s.name.includes('Pithiviers'))!;
  const booths = (await coordinator.agent.get(`/api/msap-sites/${site.id}/booths`).expect(200)).body as Array<{ id: string; name: string }>;
  const booth = booths.find((b) => b.name === 'Cabine 1')!;
  const agents = (await coordinator.agent.get('/api/agents').expect(200)).body as Array<{ id: string; displayName: string; administrationId: string }>;
  const agent = agents.find((a) => a.displayName === 'Antoine Agent')!;
  const types = (await coordinator.agent.get(`/api/consultation-types?administrationId=${agent.administrationId}`).expect(200)).body as Array<{ id: string }>;
  return { coordinator, siteId: site.id, boothId: booth.id, boothName: booth.name, agentId: agent.id, typeId: types[0]!.id };
}

/**
 * Opens the site and the agent all day, every day, through the same API the back office uses: the
 * test books "now", whatever the hour the suite runs at.
 */
export async function openAllWeek(c: DemoCatalogue): Promise<void> {
  const ranges = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
  await c.coordinator.agent.put(`/api/msap-sites/${c.siteId}/opening-hours`).set('X-CSRF-Token', c.coordinator.csrf).send({ ranges }).expect(200);
  await c.coordinator.agent.put(`/api/agents/${c.agentId}/availability`).set('X-CSRF-Token', c.coordinator.csrf).send({ ranges }).expect(200);
}

/** Books a consultation through POST /api/consultations; returns its id. */
export async function book(c: DemoCatalogue, startsAt: DateTime, minutes: number, citizen: string): Promise<string> {
  const res = await c.coordinator.agent
    .post('/api/consultations')
    .set('X-CSRF-Token', c.coordinator.csrf)
    .send({
      boothId: c.boothId,
      agentId: c.agentId,
      consultationTypeId: c.typeId,
      startsAt: startsAt.toISO(),
      endsAt: startsAt.plus({ minutes }).toISO(),
      citizen: { name: citizen },
    });
  if (res.status !== 201) throw new Error(`booking refused: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** The next whole minute from now, in Paris time (bookings must not start in the past). */
export const nextMinute = (): DateTime => DateTime.now().setZone('Europe/Paris').plus({ minutes: 1 }).startOf('minute');

/** The facilitator's page makes a pairing code for the booth; returns its 8 digits. */
export async function pairingCodeFromFacilitator(page: Page, boothName: string): Promise<string> {
  await page.getByRole('navigation', { name: 'Animation France Services' }).getByRole('link', { name: 'Cabines' }).click();
  await page.getByRole('button', { name: `${boothName} — Générer un code d’appairage` }).click();
  const shown = await page.getByTestId('pairing-code').textContent();
  return (shown ?? '').replace(/\s/g, '');
}

/** The booth terminal's pairing page, typed into as a person would. */
export async function pairBoothByTyping(page: Page, baseUrl: string, code: string): Promise<void> {
  await page.goto(`${baseUrl}/borne/appairage`);
  await page.getByLabel('Code d’appairage').pressSequentially(code);
  await page.getByRole('button', { name: 'Appairer l’écran' }).click();
}
