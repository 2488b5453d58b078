import type { BrowserContext, Page } from 'playwright-core';
import { book, demoCatalogue, DemoCatalogue, nextMinute, openAllWeek, pairBoothByTyping, pairingCodeFromFacilitator } from '../support/booth-day';
import { auditPage, blocking, describeViolations } from '../support/a11y';
import { closeSuite, launchChromium, TestBrowser } from '../support/browser';
import { serveBuilt, ServedApp } from '../support/process';
import { signIn } from '../support/session';
import { signInUi } from '../support/ui';

/** Counts the chimes the page plays (each is a new AudioContext): a sound cannot be heard by a test, its cause can. */
async function countChimes(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const g = globalThis as unknown as { AudioContext: new (...args: unknown[]) => object; chimes: number };
    const Original = g.AudioContext;
    g.chimes = 0;
    g.AudioContext = class extends (Original as new (...args: unknown[]) => object) {
      constructor(...args: unknown[]) {
        super(...args);
        g.chimes += 1;
      }
    } as typeof g.AudioContext;
  });
}
const chimes = (page: Page) => page.evaluate(() => (globalThis as unknown as { chimes: number }).chimes);

/**
 * The desk's alerts, with the lobby alert delay shortened (DESK_LOBBY_ALERT_MINUTES=0.1, six
 * seconds: this suite is about that setting): a citizen left waiting without the agent, and a booth
 * due for a consultation that is offline. From an alert the facilitator writes to the agent, who
 * reads it on their home page, or opens the booking on the week board to move it.
 */
describe('the desk’s alerts, in real browsers', () => {
  let served: ServedApp;
  let chrome: TestBrowser;
  const contexts: BrowserContext[] = [];
  let desk: Page;
  let booth: Page;
  let agent: Page;
  let catalogue: DemoCatalogue;
  let waiting: string;
  let offline: string;

  beforeAll(async () => {
    served = await serveBuilt({ DESK_LOBBY_ALERT_MINUTES: '0.1' });
    chrome = await launchChromium([], { asUsersHaveIt: true });
    const open = async () => {
      const context = await chrome.browser.newContext({ viewport: { width: 1280, height: 720 } });
      contexts.push(context);
      return context;
    };
    const deskContext = await open();
    await countChimes(deskContext);
    desk = await deskContext.newPage();
    booth = await (await open()).newPage();
    agent = await (await open()).newPage();
    catalogue = await demoCatalogue(served.baseUrl);
    await openAllWeek(catalogue);
  });

  afterAll(() => closeSuite(contexts, chrome, served));

  it('a booth due for a consultation but offline raises an alert at once; “Déplacer” opens that booking on the board', async () => {
    await signInUi(desk, served.baseUrl, 'facilitator', '/animation');
    const cabine2 = (await catalogue.coordinator.agent.get(`/api/msap-sites/${catalogue.siteId}/booths`).expect(200)).body.find((b: { name: string }) => b.name === 'Cabine 2');
    offline = await book({ ...catalogue, boothId: cabine2.id }, nextMinute().plus({ minutes: 40 }), 30, 'Paul Durand');
    // 40 minutes ahead: not yet within the 15 minutes before its start, so no alert.
    await desk.locator(`[data-testid="desk-row"][data-consultation="${offline}"]`).waitFor();
    expect(await desk.getByTestId('desk-alert').count()).toBe(0);
    await catalogue.coordinator.agent
      .patch(`/api/consultations/${offline}`)
      .set('X-CSRF-Token', catalogue.coordinator.csrf)
      .send({ startsAt: nextMinute().plus({ minutes: 5 }).toISO(), endsAt: nextMinute().plus({ minutes: 35 }).toISO() })
      .expect(200);
    const alert = desk.locator(`[data-testid="desk-alert"][data-kind="booth_offline"][data-consultation="${offline}"]`);
    await alert.waitFor({ timeout: 5_000 });
    expect(await alert.getAttribute('role')).toBe('alert');
    await alert.getByText('Cabine 2 est hors ligne').waitFor();
    expect(await chimes(desk)).toBe(1);

    await alert.getByRole('link', { name: 'Déplacer le rendez-vous' }).click();
    await desk.waitForURL(`**/animation/planning?**rendezvous=${offline}`);
    await desk.getByRole('button', { name: /^Déplacer/ }).first().waitFor();
    await desk.getByRole('navigation', { name: 'Animation France Services' }).getByRole('link', { name: 'Ma journée' }).click();
    // Cancelled (the citizen will come another day): the alert goes, the row says so.
    await catalogue.coordinator.agent.post(`/api/consultations/${offline}/cancel`).set('X-CSRF-Token', catalogue.coordinator.csrf).send({ reason: 'Cabine en panne' }).expect(200);
    await desk.locator(`[data-testid="desk-row"][data-consultation="${offline}"][data-live="cancelled"]`).waitFor({ timeout: 5_000 });
    expect(await desk.getByTestId('desk-alert').count()).toBe(0);
  });

  it('a citizen waiting beyond the delay without the agent: the alert rings, the facilitator writes to the agent, who reads it', async () => {
    await signInUi(booth, served.baseUrl, 'facilitator', '/animation');
    const code = await pairingCodeFromFacilitator(booth, catalogue.boothName);
    await booth.context().clearCookies();
    await pairBoothByTyping(booth, served.baseUrl, code);
    await booth.waitForURL('**/borne');
    waiting = await book(catalogue, nextMinute(), 30, 'Jeanne Martin');
    await booth.waitForURL(`**/borne/consultation/${waiting}`, { timeout: 30_000 });
    const row = desk.locator(`[data-testid="desk-row"][data-consultation="${waiting}"][data-live="lobby"]`);
    await row.waitFor({ timeout: 5_000 });
    const before = await chimes(desk);

    // Six seconds in the lobby with no agent: the alert comes by itself (the desk reads its day again at the threshold).
    const alert = desk.locator(`[data-testid="desk-alert"][data-kind="lobby_wait"][data-consultation="${waiting}"]`);
    await alert.waitFor({ timeout: 15_000 });
    await alert.getByText(/^Cabine 1 : l’usager attend depuis \d+ min, Antoine Agent n’est pas connecté$/).waitFor();
    expect(await chimes(desk)).toBe(before + 1);

    await signInUi(agent, served.baseUrl, 'agent', '/agent');
    await alert.getByRole('button', { name: 'Écrire à Antoine Agent' }).click();
    await alert.getByLabel('Message à Antoine Agent').waitFor();
    expect(describeViolations(blocking(await auditPage(desk)))).toBe('');
    await alert.getByRole('button', { name: 'Envoyer' }).click();
    await desk.getByTestId('desk-message-sent').getByText('Message envoyé à Antoine Agent.').waitFor();

    // The agent's home, left open, shows it at once.
    await agent.getByTestId('agent-desk-message').getByText(/^Message de Fatou Animatrice \(France Services\) à \d\d:\d\d : L’usager vous attend en Cabine 1/).waitFor({ timeout: 5_000 });
  });

  it('the agent comes: the alert goes, and a message sent during the call shows in it at once', async () => {
    await agent.getByRole('link', { name: 'Rejoindre la téléconsultation' }).first().click();
    await agent.waitForURL(`**/consultation/${waiting}`);
    await desk.locator(`[data-testid="desk-alert"][data-kind="lobby_wait"]`).waitFor({ state: 'detached', timeout: 5_000 });
    const f = await signIn(served.baseUrl, 'facilitator');
    await f.agent.post(`/api/consultations/${waiting}/desk-messages`).set('X-CSRF-Token', f.csrf).send({ body: 'Mme Martin a oublié ses lunettes, parlez lentement.' }).expect(201);
    await agent.getByTestId('desk-message').getByText('Message de Fatou Animatrice (France Services) : Mme Martin a oublié ses lunettes, parlez lentement.').waitFor({ timeout: 5_000 });
  });
});
