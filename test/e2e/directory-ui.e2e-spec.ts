import { DateTime } from 'luxon';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { auditPage, blocking, describeViolations } from '../support/a11y';
import { startTestApp, TestApp } from '../support/app';
import { launchChromium, TestBrowser } from '../support/browser';
import { ROOT } from '../support/process';
import { isFocused, signInUi } from '../support/ui';

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = blocking(await auditPage(page));
  expect(`${what}: ${describeViolations(violations)}`).toBe(`${what}: `);
}

describe('directory page in Chromium', () => {
  let t: TestApp;
  let chrome: TestBrowser;

  beforeAll(async () => {
    const dist = process.env.CLIENT_DIST_DIR ?? join(ROOT, 'dist', 'client');
    if (!existsSync(join(dist, 'index.html'))) {
      throw new Error(`${dist} is missing: run 'npm run build:client' first`);
    }
    t = await startTestApp({ LOGIN_RATE_LIMIT: '100' });
    chrome = await launchChromium();
  });
  afterAll(async () => {
    await chrome?.close();
    await t?.close();
  });

  it('a coordinator adds, renames and retires a booth and adds a site, with errors shown and focused, by keyboard', async () => {
    const context = await chrome.browser.newContext();
    const page = await context.newPage();
    await signInUi(page, t.baseUrl, 'coordinator', '/coordination');
    await page.goto(`${t.baseUrl}/coordination/planning`);
    await page.getByRole('link', { name: 'Annuaire' }).click();
    await page.getByRole('heading', { level: 1, name: 'Annuaire' }).waitFor();
    // Administrations are read-only for a coordinator: listed, no form.
    await page.getByText('Seule l’administration technique crée et renomme les administrations.').waitFor();
    await page.getByRole('cell', { name: 'DDFIP du Loiret' }).waitFor();
    expect(await page.getByRole('button', { name: 'Créer l’administration' }).count()).toBe(0);

    const pithiviers = page.getByTestId('site-France Services de Pithiviers');
    const newBooth = pithiviers.getByLabel('Nom de la nouvelle cabine *');

    // A duplicate name (another case) is refused: the summary takes the focus and names the field.
    await newBooth.fill('cabine 1');
    await newBooth.press('Enter');
    const summary = pithiviers.getByTestId('form-error');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Ce nom est déjà utilisé.');
    await pithiviers.getByText('ce nom est déjà utilisé', { exact: true }).waitFor();
    expect(await isFocused(summary)).toBe(true);

    await newBooth.fill('Cabine 4');
    await newBooth.press('Enter');
    await pithiviers.getByText('Cabine « Cabine 4 » ajoutée.').waitFor();
    await pithiviers.getByTestId('booth-Cabine 4').waitFor();

    // Rename in place: the field opens focused, Enter saves.
    await pithiviers.getByRole('button', { name: 'Renommer « Cabine 4 »' }).press('Enter');
    const rename = pithiviers.getByLabel('Nouveau nom de « Cabine 4 »');
    expect(await isFocused(rename)).toBe(true);
    await rename.fill('Cabine 4 bis');
    await rename.press('Enter');
    await pithiviers.getByText('Cabine renommée en « Cabine 4 bis ».').waitFor();

    // Retire asks first; Escape goes back to the button, the confirmation retires it.
    const retire = pithiviers.getByRole('button', { name: 'Retirer « Cabine 4 bis »' });
    await retire.press('Enter');
    const dialog = pithiviers.getByRole('alertdialog', { name: 'Retirer « Cabine 4 bis » ?' });
    await dialog.waitFor();
    expect(await isFocused(dialog)).toBe(true);
    await page.keyboard.press('Escape');
    await retire.waitFor();
    await page.waitForFunction(() => {
      const active = (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement;
      return active?.getAttribute('aria-label') === 'Retirer « Cabine 4 bis »';
    });
    await retire.press('Enter');
    await dialog.getByRole('button', { name: 'Confirmer le retrait' }).click();
    await pithiviers.getByText('Cabine « Cabine 4 bis » retirée du service.').waitFor();
    await pithiviers.getByTestId('booth-Cabine 4 bis').getByText(/^Retirée le \d\d\/\d\d\/\d{4}$/).waitFor();
    expect(await pithiviers.getByRole('button', { name: 'Retirer « Cabine 4 bis »' }).count()).toBe(0);
    const [row] = await t.dataSource.query(`SELECT retired_at FROM booths WHERE name = 'Cabine 4 bis'`);
    expect(row.retired_at).toBeInstanceOf(Date);

    // The week board keeps a retired booth's row while it holds consultations of the week (history),
    // marked as retired and with no link to book in it; booths in service keep theirs.
    const monday = DateTime.now().setZone('Europe/Paris').startOf('week');
    const [held] = await t.dataSource.query(
      `SELECT b.id AS booth, b.msap_site_id AS site, a.id AS agent, a.administration_id AS administration
         FROM booths b, agents a JOIN users u ON u.id = a.user_id WHERE b.name = 'Cabine 4 bis' AND u.email = 'agent@demo.visio-msap.fr'`,
    );
    await t.dataSource.query(
      `INSERT INTO consultations (booth_id, agent_id, administration_id, starts_at, ends_at, status, citizen_name) VALUES ($1, $2, $3, $4, $5, 'done', 'Historique')`,
      [held.booth, held.agent, held.administration, monday.set({ hour: 9 }).toJSDate(), monday.set({ hour: 9, minute: 30 }).toJSDate()],
    );
    await page.goto(`${t.baseUrl}/coordination/planning?site=${held.site}&semaine=${monday.toISODate()}`);
    const rowOf = (name: string) => page.getByTestId('week-board').getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    await rowOf('Cabine 4 bis (retirée du service)').getByText(/Historique/).waitFor();
    expect(await rowOf('Cabine 4 bis (retirée du service)').getByRole('link').count()).toBe(0);
    expect(await rowOf('Cabine 1').getByRole('link').count()).toBe(6);
    await page.goto(`${t.baseUrl}/coordination/annuaire`);

    // A retirement can be undone: back in service, the retire button returns.
    const back = page.getByTestId('site-France Services de Pithiviers');
    await back.getByRole('button', { name: 'Remettre « Cabine 4 bis » en service' }).click();
    await back.getByText('Cabine « Cabine 4 bis » remise en service. Ses anciens écrans restent désappairés : appairez-en un nouveau.').waitFor();
    await back.getByTestId('booth-Cabine 4 bis').getByText('En service', { exact: true }).waitFor();
    await back.getByRole('button', { name: 'Retirer « Cabine 4 bis »' }).waitFor();
    expect((await t.dataSource.query(`SELECT retired_at FROM booths WHERE name = 'Cabine 4 bis'`))[0].retired_at).toBeNull();

    // A new site: empty required fields are named in the summary; the département is the coordinator's.
    const createSite = page.getByRole('button', { name: 'Créer le site' });
    await createSite.click();
    const siteSummary = page.getByTestId('form-error').last();
    await siteSummary.waitFor();
    expect(await siteSummary.textContent()).toMatch(/Nom : à renseigner ; Adresse : à renseigner ; Code postal : à renseigner ; Commune : à renseigner/);
    expect(await isFocused(siteSummary)).toBe(true);
    const form = page.locator('form').filter({ has: createSite });
    expect(await form.getByLabel('Département *').inputValue()).toBe('45');
    expect(await form.getByLabel('Département *').isDisabled()).toBe(true);
    await form.getByLabel('Nom *').fill('France Services de Montargis');
    await form.getByLabel('Adresse *').fill('1 rue du Port');
    await form.getByLabel('Code postal *').fill('4520');
    await form.getByLabel('Commune *').fill('Montargis');
    await createSite.click();
    await form.getByText('5 chiffres', { exact: true }).waitFor();
    await form.getByLabel('Code postal *').fill('45200');
    // The position is optional, typed with a French decimal comma; not a number, or one half alone, is refused and named.
    const latitude = form.getByLabel(/^Latitude/);
    const longitude = form.getByLabel(/^Longitude/);
    await latitude.fill('47°59′');
    await createSite.click();
    await form.getByText('nombre en degrés décimaux attendu, ex. 47,9029', { exact: true }).waitFor();
    await latitude.fill('47,9975');
    await createSite.click();
    await form.getByTestId('form-error').getByText(/Longitude : à renseigner/).waitFor();
    await longitude.fill('2,7330');
    await createSite.click();
    await page.getByText('Site « France Services de Montargis » créé.').waitFor();
    const montargis = page.getByTestId('site-France Services de Montargis');
    await montargis.getByText('1 rue du Port, 45200 Montargis (45)').waitFor();
    await montargis.getByText('latitude 47,9975 · longitude 2,733').waitFor();
    expect((await t.dataSource.query(`SELECT latitude, longitude FROM msap_sites WHERE name = 'France Services de Montargis'`))[0]).toEqual({ latitude: 47.9975, longitude: 2.733 });
    // Edited, the form shows it back the same way.
    await montargis.getByRole('button', { name: 'Modifier le site « France Services de Montargis »' }).click();
    expect(await montargis.getByLabel(/^Latitude/).inputValue()).toBe('47,9975');
    await montargis.getByLabel(/^Longitude/).fill('2,7331');
    await montargis.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Site « France Services de Montargis » enregistré.').waitFor();
    await montargis.getByText('latitude 47,9975 · longitude 2,7331').waitFor();
    await context.close();
  });

  it('an admin creates and renames an administration from the admin home', async () => {
    const context = await chrome.browser.newContext();
    const page = await context.newPage();
    await signInUi(page, t.baseUrl, 'admin', '/admin');
    await page.getByRole('link', { name: 'Gérer l’annuaire (administrations, sites, cabines)' }).click();
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Administrations', level: 2 }) });
    await section.getByLabel('Nom *').fill('DDETS du Loiret');
    await section.getByLabel(/^Département \*/).fill('99');
    await section.getByRole('button', { name: 'Créer l’administration' }).click();
    await section.getByText('code de département inconnu (par exemple 45, 2A ou 974)', { exact: true }).waitFor();
    await section.getByLabel(/^Département \*/).fill('45');
    await section.getByRole('button', { name: 'Créer l’administration' }).click();
    await section.getByText('Administration « DDETS du Loiret » créée.').waitFor();
    await section.getByRole('button', { name: 'Renommer « DDETS du Loiret »' }).click();
    await section.getByLabel('Nouveau nom de « DDETS du Loiret »').fill('DDETS du Loiret (Orléans)');
    await section.getByRole('button', { name: 'Enregistrer' }).click();
    await section.getByRole('cell', { name: 'DDETS du Loiret (Orléans)', exact: true }).waitFor();
    const [event] = await t.dataSource.query(`SELECT details FROM audit_events WHERE action = 'administration.updated'`);
    expect(event.details.changes.name).toEqual({ from: 'DDETS du Loiret', to: 'DDETS du Loiret (Orléans)' });

    // Its office's position, for the travel avoided: the form opens on the latitude; out of range is named.
    const ddets = section.getByRole('row').filter({ has: page.getByRole('cell', { name: 'DDETS du Loiret (Orléans)', exact: true }) });
    await ddets.getByText('position non renseignée (trajets évités non estimés)').waitFor();
    await section.getByRole('button', { name: 'Modifier la position du bureau de « DDETS du Loiret (Orléans) »' }).click();
    const place = section.getByRole('form', { name: 'Position du bureau de « DDETS du Loiret (Orléans) »' });
    const officeLatitude = place.getByLabel(/^Latitude/);
    expect(await isFocused(officeLatitude)).toBe(true);
    await officeLatitude.fill('479,06');
    await place.getByLabel(/^Longitude/).fill('1,9180');
    await expectAccessible(page, 'directory (office position)');
    await place.getByRole('button', { name: 'Enregistrer' }).click();
    await place.getByTestId('form-error').getByText(/Latitude : trop grand/).waitFor();
    await page.setViewportSize({ width: 800, height: 1280 });
    await page.screenshot({ path: '/tmp/foundations-office-tablet.png', fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await officeLatitude.fill('47,9060');
    await place.getByRole('button', { name: 'Enregistrer' }).click();
    await section.getByText('Position du bureau de « DDETS du Loiret (Orléans) » enregistrée.').waitFor();
    await ddets.getByText('latitude 47,906 · longitude 1,918').waitFor();
    const [office] = await t.dataSource.query(`SELECT office_latitude, office_longitude FROM administrations WHERE name = 'DDETS du Loiret (Orléans)'`);
    expect(office).toEqual({ office_latitude: 47.906, office_longitude: 1.918 });
    await page.screenshot({ path: '/tmp/foundations-office.png', fullPage: true });
    await context.close();
  });

  it('a facilitator renames a booth of their MSAP from their home, and may neither add nor retire one', async () => {
    const context = await chrome.browser.newContext();
    const page = await context.newPage();
    await signInUi(page, t.baseUrl, 'facilitator', '/animation');
    await page.getByRole('navigation', { name: 'Animation France Services' }).getByRole('link', { name: 'Cabines' }).click();
    await page.getByRole('heading', { level: 1, name: 'Les cabines de mon site' }).waitFor();
    const booths = page.getByTestId('booths-France Services de Pithiviers');
    await booths.getByTestId('booth-Cabine 2').waitFor();
    // Headings in order (RGAA 9.1): the site's booths come right under the page's h1.
    await page.getByRole('heading', { level: 2, name: 'Cabines de France Services de Pithiviers' }).waitFor();
    // Only their own MSAP; no form to add a booth, no retire button.
    expect(await page.getByTestId(/^booths-/).count()).toBe(1);
    expect(await page.getByLabel('Nom de la nouvelle cabine *').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Retirer/ }).count()).toBe(0);

    await booths.getByRole('button', { name: 'Renommer « Cabine 2 »' }).click();
    const rename = booths.getByLabel('Nouveau nom de « Cabine 2 »');
    expect(await isFocused(rename)).toBe(true);
    await rename.fill('Cabine 2 (salle B)');
    await rename.press('Enter');
    await booths.getByText('Cabine renommée en « Cabine 2 (salle B) ».').waitFor();
    await booths.getByTestId('booth-Cabine 2 (salle B)').waitFor();
    const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM booths WHERE name = 'Cabine 2 (salle B)'`);
    expect(row.n).toBe(1);
    await context.close();
  });
});
