import { existsSync } from 'node:fs';
import { DateTime } from 'luxon';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/app';
import { launchChromium, TestBrowser } from '../support/browser';
import { ROOT } from '../support/process';
import { signInUi } from '../support/ui';
import { signIn } from '../support/session';

const SCREENSHOTS = join(ROOT, 'test-results');

describe('client shell in Chromium', () => {
  let t: TestApp;
  let chrome: TestBrowser;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'client', 'index.html'))) {
      throw new Error("dist/client is missing: run 'npm run build' (npm test does it)");
    }
    t = await startTestApp();
    chrome = await launchChromium();
  });
  afterAll(async () => {
    await chrome?.close();
    await t?.close();
  });

  it('is in French, sends a visitor to the sign-in page, and signs in with the keyboard only', async () => {
    const page = await chrome.browser.newPage();
    await page.goto(`${t.baseUrl}/`);
    await page.waitForURL('**/connexion');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    // RGAA: the first Tab stop is the skip link to the main content.
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Aller au contenu');
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await page.getByLabel('Adresse électronique').fill('agent@demo.visio-msap.fr');
    await page.getByLabel('Mot de passe').fill('demo-agent-2026');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/agent');
    await page.getByRole('heading', { level: 1, name: 'Mes téléconsultations du jour' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'agent-home.png') });
    await page.close();
  });

  it('an agent’s home lists the consultations of the Paris day, whatever zone the computer is set to', async () => {
    const today = DateTime.now().setZone('Europe/Paris').startOf('day');
    const [agent] = await t.dataSource.query(
      `SELECT a.id, a.administration_id FROM agents a JOIN users u ON u.id = a.user_id WHERE u.email = 'agent@demo.visio-msap.fr'`,
    );
    const [booth] = await t.dataSource.query(
      `SELECT b.id FROM booths b JOIN msap_sites s ON s.id = b.msap_site_id WHERE s.name = 'France Services de Pithiviers' AND b.name = 'Cabine 1'`,
    );
    // Half an hour inside each end of the Paris day, and just outside it: a "today" taken in
    // another zone misses some of the first or takes some of the last.
    const starts = [
      today.minus({ days: 1 }).set({ hour: 23 }),
      today.set({ hour: 0, minute: 30 }),
      today.set({ hour: 23 }),
      today.plus({ days: 1 }).set({ hour: 0, minute: 30 }),
    ];
    // Written directly: the API refuses times in the past and outside opening hours, which these are.
    for (const start of starts) {
      await t.dataSource.query(
        `INSERT INTO consultations (booth_id, agent_id, administration_id, starts_at, ends_at, citizen_name) VALUES ($1, $2, $3, $4, $5, 'Usager')`,
        [booth.id, agent.id, agent.administration_id, start.toJSDate(), start.plus({ minutes: 30 }).toJSDate()],
      );
    }
    const context = await chrome.browser.newContext({ timezoneId: 'Pacific/Noumea' });
    const page = await context.newPage();
    await signInUi(page, t.baseUrl, { email: 'agent@demo.visio-msap.fr', password: 'demo-agent-2026' }, '/agent');
    await page.getByText(today.setLocale('fr').toFormat('cccc d LLLL'), { exact: true }).waitFor();
    const items = page.locator('main ul.fr-raw-list > li');
    await items.first().waitFor();
    expect((await items.allTextContents()).map((text) => text.slice(0, 13))).toEqual(['00:30 – 01:00', '23:00 – 23:30']);
    await t.dataSource.query(`DELETE FROM consultations WHERE citizen_name = 'Usager' AND agent_id = $1`, [agent.id]);
    await context.close();
  });

  it('shows a clear error for a wrong password', async () => {
    const page = await chrome.browser.newPage();
    await page.goto(`${t.baseUrl}/connexion`);
    await page.getByLabel('Adresse électronique').fill('agent@demo.visio-msap.fr');
    await page.getByLabel('Mot de passe').fill('mauvais');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').getByText('Adresse électronique ou mot de passe incorrect.').waitFor();
    expect(page.url()).toMatch(/\/connexion$/);
    await page.close();
  });

  it('a facilitator generates a code and a booth terminal pairs with it, through the UI', async () => {
    const staff = await chrome.browser.newContext();
    const page = await staff.newPage();
    await signInUi(page, t.baseUrl, { email: 'animation@demo.visio-msap.fr', password: 'demo-anim-2026' }, '/animation');
    // The booths are one tap away in the facilitator's navigation.
    await page.getByRole('navigation', { name: 'Animation France Services' }).getByRole('link', { name: 'Cabines' }).click();
    await page.waitForURL('**/animation/cabines');
    await page.getByRole('button', { name: /Cabine 1 — Générer un code/ }).click();
    const code = (await page.getByTestId('pairing-code').textContent())!.trim();
    expect(code).toMatch(/^\d{4} \d{4}$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'facilitator-home.png') });

    // The terminal is another browser with no account.
    const booth = await chrome.browser.newContext();
    const terminal = await booth.newPage();
    await terminal.goto(`${t.baseUrl}/borne/appairage`);
    await terminal.getByLabel('Code d’appairage').fill(code);
    await terminal.getByRole('button', { name: 'Appairer l’écran' }).click();
    await terminal.waitForURL('**/borne');
    await terminal.getByRole('heading', { name: 'Bienvenue' }).waitFor();
    await terminal.screenshot({ path: join(SCREENSHOTS, 'booth-home.png') });

    // The facilitator preparing the booth can run the equipment check from there.
    await terminal.getByRole('link', { name: 'Vérifier la caméra, le micro et le son' }).click();
    await terminal.waitForURL('**/borne/verification');
    await terminal.getByRole('heading', { level: 1, name: 'Vérification avant l’appel' }).waitFor();
    await terminal.getByTestId('precall-camera-video').or(terminal.locator('video')).first().waitFor();

    // The terminal stays paired across a reload (httpOnly device cookie), and lands on its page.
    await terminal.goto(`${t.baseUrl}/`);
    await terminal.waitForURL('**/borne');

    await page.reload();
    // One word for one thing: the booth is a "cabine", the device in it its "écran".
    await page.getByTestId('paired-screen').getByText(/^Écran de Cabine 1, appairé le /).first().waitFor();
    expect(await page.getByText(/[Tt]erminal|[Bb]orne/).count()).toBe(0);
    await staff.close();
    await booth.close();
  });

  it('a booth terminal left on overnight turns to the new Paris day by itself and opens its first consultation', async () => {
    const tomorrow = DateTime.now().setZone('Europe/Paris').startOf('day').plus({ days: 1 });
    const [booth] = await t.dataSource.query(
      `SELECT b.id FROM booths b JOIN msap_sites s ON s.id = b.msap_site_id WHERE s.name = 'France Services de Pithiviers' AND b.name = 'Cabine 2'`,
    );
    const [agent] = await t.dataSource.query(`SELECT a.id, a.administration_id FROM agents a JOIN users u ON u.id = a.user_id WHERE u.email = 'agent@demo.visio-msap.fr'`);
    // Five minutes past midnight: outside opening hours, so written directly.
    const [early] = await t.dataSource.query(
      `INSERT INTO consultations (booth_id, agent_id, administration_id, starts_at, ends_at, citizen_name) VALUES ($1, $2, $3, $4, $5, 'Usager de nuit') RETURNING id`,
      [booth.id, agent.id, agent.administration_id, tomorrow.plus({ minutes: 5 }).toJSDate(), tomorrow.plus({ minutes: 35 }).toJSDate()],
    );
    const admin = await signIn(t.baseUrl, 'admin');
    const { body } = await admin.agent.post(`/api/booths/${booth.id}/pairing-codes`).set('X-CSRF-Token', admin.csrf).expect(201);

    // The terminal's clock says 23:58, Paris time, the day before.
    const context = await chrome.browser.newContext();
    await context.clock.install({ time: tomorrow.minus({ minutes: 2 }).toJSDate() });
    const terminal = await context.newPage();
    await terminal.goto(`${t.baseUrl}/borne/appairage`);
    await terminal.getByLabel('Code d’appairage').fill(String(body.code));
    await terminal.getByRole('button', { name: 'Appairer l’écran' }).click();
    await terminal.waitForURL('**/borne');
    await terminal.getByRole('heading', { name: 'Bienvenue' }).waitFor();
    expect(terminal.url()).toMatch(/\/borne$/);

    // Three minutes later it is the next day: the 30-second check asks for the new day's list,
    // finds the consultation of 00:05 and opens it, with nobody touching the screen.
    await terminal.clock.fastForward(3 * 60_000);
    await terminal.waitForURL(`**/borne/consultation/${early.id}`);
    await context.close();
    await t.dataSource.query(`DELETE FROM consultations WHERE id = $1`, [early.id]);
  });

  it('a deep link to another role’s page sends the user back to their own home', async () => {
    const context = await chrome.browser.newContext();
    const page = await context.newPage();
    await signInUi(page, t.baseUrl, { email: 'agent@demo.visio-msap.fr', password: 'demo-agent-2026' }, '/agent');
    await page.goto(`${t.baseUrl}/admin`);
    await page.waitForURL('**/agent');
    await context.close();
  });
});
