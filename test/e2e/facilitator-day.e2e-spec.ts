import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { blocking, auditPage, describeViolations } from '../support/a11y';
import { book, demoCatalogue, DemoCatalogue, nextMinute, openAllWeek, pairBoothByTyping } from '../support/booth-day';
import { closeSuite, launchChromium, TestBrowser } from '../support/browser';
import { ROOT, serveBuilt, ServedApp } from '../support/process';
import { signIn } from '../support/session';
import { signInUi } from '../support/ui';

const SCREENSHOTS = join(ROOT, 'test-results');
const TABLET = { width: 800, height: 1280 };
const DESK_PC = { width: 1280, height: 720 };

/** Records, in the page, every value a desk row's live state and a booth's state take (nothing missed between two polls). */
async function recordDesk(page: Page): Promise<void> {
  await page.evaluate(() => {
    const g = globalThis as unknown as { deskSeen: Record<string, string[]>; document: { querySelectorAll(s: string): ArrayLike<{ getAttribute(n: string): string | null }>; body: unknown }; MutationObserver: new (cb: () => void) => { observe(n: unknown, o: object): void } };
    g.deskSeen = {};
    const note = () => {
      const rows = Array.from(g.document.querySelectorAll('[data-testid="desk-row"]'));
      const booths = Array.from(g.document.querySelectorAll('[data-testid="desk-booth"]'));
      for (const [key, value] of [
        ...rows.map((r) => [`row:${r.getAttribute('data-consultation')}`, r.getAttribute('data-live')]),
        ...booths.map((b, i) => [`booth:${i}`, b.getAttribute('data-state')]),
      ] as Array<[string, string | null]>) {
        const seen = (g.deskSeen[key] ??= []);
        if (value && seen[seen.length - 1] !== value) seen.push(value);
      }
    };
    note();
    new g.MutationObserver(note).observe(g.document.body, { subtree: true, childList: true, attributes: true });
  });
}

const deskSeen = (page: Page) => page.evaluate(() => (globalThis as unknown as { deskSeen: Record<string, string[]> }).deskSeen);

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = blocking(await auditPage(page));
  expect(`${what}: ${describeViolations(violations)}`).toBe(`${what}: `);
}

/**
 * The facilitator's day on the default settings, on the server as `npm start` runs it: the desk PC
 * shows the site's day live while the facilitator prepares the booth and fills the checklist on a
 * tablet; the citizen waits in the lobby, the agent sees the checklist in one line before admitting.
 */
describe('the facilitator’s day desk and checklist, in real browsers', () => {
  const PORT = 3000;
  const baseUrl = `http://localhost:${PORT}`;
  let served: ServedApp;
  let chrome: TestBrowser;
  const contexts: BrowserContext[] = [];
  let desk: Page;
  let tablet: Page;
  let booth: Page;
  let agent: Page;
  let catalogue: DemoCatalogue;
  let consultationId: string;

  beforeAll(async () => {
    served = await serveBuilt({}, { asStarted: true, port: PORT });
    chrome = await launchChromium([], { asUsersHaveIt: true });
    const open = async (viewport: { width: number; height: number }, touch = false) => {
      const context = await chrome.browser.newContext({ viewport, hasTouch: touch });
      contexts.push(context);
      return context.newPage();
    };
    [desk, tablet, booth, agent] = await Promise.all([open(DESK_PC), open(TABLET, true), open(DESK_PC, true), open(DESK_PC)]);
    catalogue = await demoCatalogue(baseUrl);
    await openAllWeek(catalogue);
  });

  afterAll(() => closeSuite(contexts, chrome, served));

  it('the desk opens on the site’s day: booths offline, nothing booked yet; one navigation for every page', async () => {
    await signInUi(desk, baseUrl, 'facilitator', '/animation');
    await desk.getByRole('heading', { level: 1, name: 'Ma journée – France Services de Pithiviers' }).waitFor();
    await desk.getByText('Aucun rendez-vous aujourd’hui dans votre France Services.').waitFor();
    expect(await desk.getByTestId('desk-booth').evaluateAll((els) => els.map((e) => (e as unknown as { dataset: { state: string } }).dataset.state))).toEqual(['offline', 'offline']);
    const nav = desk.getByRole('navigation', { name: 'Animation France Services' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Ma journée', 'Prendre rendez-vous', 'Planning de la semaine', 'À appeler', 'Cabines', 'Statistiques']);
    expect(await nav.getByRole('link', { name: 'Ma journée' }).getAttribute('aria-current')).toBe('page');
    await expectAccessible(desk, 'desk (empty day)');
    await recordDesk(desk);
  });

  it('the facilitator pairs the booth from the tablet; the desk sees it come online, then its check done', async () => {
    await signInUi(tablet, baseUrl, 'facilitator', '/animation');
    await tablet.getByRole('navigation', { name: 'Animation France Services' }).getByRole('link', { name: 'Cabines' }).tap();
    await tablet.getByRole('button', { name: `${catalogue.boothName} — Générer un code d’appairage` }).tap();
    const code = ((await tablet.getByTestId('pairing-code').textContent()) ?? '').replace(/\s/g, '');
    await pairBoothByTyping(booth, baseUrl, code);
    await booth.waitForURL('**/borne');
    await desk.locator('[data-testid="desk-booth"][data-state="online"]').first().waitFor({ timeout: 5_000 });

    // The facilitator runs the booth's equipment check; its result reaches the desk.
    await booth.getByRole('link', { name: 'Vérifier la caméra, le micro et le son' }).tap();
    await booth.waitForURL('**/borne/verification');
    await desk.locator('[data-testid="desk-booth"][data-state="checked"]').first().waitFor({ timeout: 30_000 });
    await desk.getByText(/^Vérification (réussie|à \d\d:\d\d : connexion moyenne) /).first().waitFor();
  });

  it('a consultation booked by the coordinator appears on the desk at once, its checklist empty', async () => {
    consultationId = await book(catalogue, nextMinute(), 30, 'Jeanne Martin');
    const row = desk.locator(`[data-testid="desk-row"][data-consultation="${consultationId}"]`);
    await row.waitFor({ timeout: 5_000 });
    await row.getByText('Jeanne Martin').waitFor();
    expect(await row.getAttribute('data-agent')).toBe('away');
    expect(await row.getByTestId('desk-support-line').textContent()).toBe('Pièces à compléter · consentement non recueilli');
  });

  it('on the tablet the facilitator collects consent and fills the checklist, saved as they tap and type', async () => {
    await tablet.getByRole('navigation', { name: 'Animation France Services' }).getByRole('link', { name: 'Ma journée' }).tap();
    await tablet.getByRole('link', { name: /^Fiche : 0 sur \d+ : rendez-vous de \d\d:\d\d en Cabine 1$/ }).tap();
    await tablet.waitForURL(`**/animation/accompagnement/${consultationId}`);
    await tablet.getByRole('heading', { level: 1, name: 'Fiche d’accompagnement' }).waitFor();
    await tablet.getByTestId('support-consultation').getByText(/Jeanne Martin · Cabine 1 · Antoine Agent/).waitFor();

    const video = tablet.getByTestId('consent-video');
    await video.getByRole('button', { name: 'L’usager est d’accord' }).tap();
    await video.getByText(/^Accord donné le .* recueilli par Fatou Animatrice\.$/).waitFor();
    await tablet.getByTestId('consent-documents').getByRole('button', { name: 'L’usager est d’accord' }).tap();
    await tablet.locator('[data-testid="consent-documents"][data-given="yes"]').waitFor();

    // Every "before" item done but the online account, to be ready later.
    const before = tablet.getByTestId('checklist-before');
    const items = before.locator('[data-testid^="item-"]');
    const count = await items.count();
    expect(count).toBeGreaterThan(3);
    for (let i = 0; i < count - 1; i++) await items.nth(i).getByText('Fait', { exact: true }).tap();
    await tablet.getByText('Oui, je reste').tap();
    await tablet.getByText('Partiellement autonome').tap();
    await tablet.getByText('Tablette', { exact: true }).tap();
    // The theme comes from the consultation type's checklist (impôts): already ticked.
    expect(await tablet.getByLabel('Argent – impôts').isChecked()).toBe(true);
    await tablet.getByLabel('Notes').fill('Mme Martin a son avis d’imposition 2025, pas encore son numéro fiscal.');
    await tablet.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 10_000 });
    await tablet.screenshot({ path: join(SCREENSHOTS, 'facilitator-support-tablet.png'), fullPage: true });
    await expectAccessible(tablet, 'support form');

    const row = desk.locator(`[data-testid="desk-row"][data-consultation="${consultationId}"]`);
    await row.getByTestId('desk-support-line').getByText('Pièces à compléter · consentement recueilli · animateur présent').waitFor({ timeout: 5_000 });
  });

  it('the booth enters the lobby by itself; the agent sees who waits and what is not ready, before admitting', async () => {
    await booth.waitForURL(`**/borne/consultation/${consultationId}`, { timeout: 45_000 });
    const row = desk.locator(`[data-testid="desk-row"][data-consultation="${consultationId}"]`);
    await desk.locator(`[data-testid="desk-row"][data-consultation="${consultationId}"][data-live="lobby"]`).waitFor({ timeout: 5_000 });
    expect(await row.getByTestId('desk-live').textContent()).toBe('En salle d’attente');

    await signInUi(agent, baseUrl, 'agent', '/agent');
    await agent.getByRole('link', { name: 'Rejoindre la téléconsultation' }).first().click();
    await agent.waitForURL(`**/consultation/${consultationId}`);
    const banner = agent.getByTestId('lobby-banner');
    await banner.getByTestId('support-line').getByText('Pièces à compléter · consentement recueilli · animateur présent').waitFor();
    await banner.getByTestId('support-not-ready').getByText(/^Pas encore prêt : .+\.$/).waitFor();
    await desk.locator(`[data-testid="desk-row"][data-consultation="${consultationId}"][data-agent="connected"]`).waitFor({ timeout: 5_000 });

    // The facilitator finishes the last item on the tablet: the agent's banner says so without a reload.
    const before = tablet.getByTestId('checklist-before');
    const items = before.locator('[data-testid^="item-"]');
    await items.nth((await items.count()) - 1).getByText('Fait', { exact: true }).tap();
    await banner.getByTestId('support-line').getByText('Pièces prêtes · consentement recueilli · animateur présent').waitFor({ timeout: 5_000 });
    expect(await banner.getByTestId('support-not-ready').count()).toBe(0);
    await agent.screenshot({ path: join(SCREENSHOTS, 'agent-lobby-support.png') });
  });

  it('the agent admits the citizen, then ends the call: the desk follows, in call then ended', async () => {
    await agent.getByTestId('lobby-banner').getByRole('button', { name: 'Faire entrer' }).click();
    await desk.locator(`[data-testid="desk-row"][data-consultation="${consultationId}"][data-live="in_call"]`).waitFor({ timeout: 5_000 });
    await agent.locator('[data-testid="support-summary"][data-place="call"]').getByText('Préparation par la France Services').waitFor();
    await desk.screenshot({ path: join(SCREENSHOTS, 'facilitator-desk.png') });
    await expectAccessible(desk, 'desk (in call)');

    await agent.getByRole('button', { name: 'Terminer pour tous' }).click();
    await agent.getByRole('button', { name: 'Oui, terminer' }).click();
    await desk.locator(`[data-testid="desk-row"][data-consultation="${consultationId}"][data-live="ended"]`).waitFor({ timeout: 5_000 });

    const seen = await deskSeen(desk);
    expect(seen['booth:0']!.slice(0, 3)).toEqual(['offline', 'online', 'checked']);
    const row = seen[`row:${consultationId}`]!;
    expect(row.slice(row.indexOf('lobby'))).toEqual(['lobby', 'in_call', 'ended']);
  });

  it('the activity export: the CSV the facilitator downloads holds the consultation as the API’s JSON does', async () => {
    const [download] = await Promise.all([desk.waitForEvent('download'), desk.getByTestId('export-csv').click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, ...lines] = csv.slice(1).trim().split('\r\n');
    const columns = header!.split(';');
    const line = lines.map((l) => l.split(';')).find((cells) => cells[0] === consultationId)!;
    const record = Object.fromEntries(columns.map((c, i) => [c, line[i]]));
    const f = await signIn(baseUrl, 'facilitator');
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
    const json = (await f.agent.get(`/api/support-activity?from=${today}&to=${today}`).expect(200)).body as Array<Record<string, unknown>>;
    const same = json.find((r) => r.consultationId === consultationId)!;
    expect(record).toMatchObject({
      type: 'demarche',
      typeLieu: 'lieu_activite',
      lieu: 'France Services de Pithiviers',
      codePostal: '45300',
      autonomie: 'partiellement_autonome',
      materiel: 'tablette',
      thematiques: 'argent_impots',
      animateurPresent: 'true',
      date: same.date,
      dureeMinutes: String(same.dureeMinutes),
    });
    expect(same).toMatchObject({ autonomie: 'partiellement_autonome', materiel: ['tablette'], thematiques: ['argent_impots'], animateurPresent: true });
    expect(record.notes).toBe(same.notes);
  });
});
