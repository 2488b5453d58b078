import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../server/src/seed/demo-seed.service';
import { RetentionService } from '../../server/src/retention/retention.service';
import { startTestApp, TestApp } from '../support/app';
import { launchChromium, TestBrowser } from '../support/browser';
import { insertCitizenConsultations } from '../support/citizen-consultations';
import { demoIds } from '../support/demo-data';
import { ROOT } from '../support/process';

const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;

describe('retention panel on the admin home page, in Chromium', () => {
  let t: TestApp;
  let chrome: TestBrowser;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'client', 'index.html'))) {
      throw new Error("dist/client is missing: run 'npm run build:client' first");
    }
    t = await startTestApp({ RETENTION_ENABLED: 'false', CITIZEN_DATA_RETENTION_DAYS: '60', OUTBOX_RETENTION_DAYS: '20', RETENTION_DISABLED_ACCOUNT_DAYS: '400' });
    chrome = await launchChromium();
    const ids = await demoIds(t.dataSource);
    const [first] = await insertCitizenConsultations(t.dataSource, {
      count: 3, boothId: ids.pithiviersBoothId, agentUserEmail: 'agent@demo.visio-msap.fr', firstStart: new Date(Date.now() - 70 * 86_400_000),
    });
    await t.dataSource.query(
      `INSERT INTO notification_outbox (consultation_id, event, channel, recipient, body, departement, status, created_at, updated_at, sent_at)
       VALUES ($1, 'booked', 'sms', '+33612345678', 'Bonjour Usager 0', '45', 'sent', now() - interval '80 days', now() - interval '80 days', now() - interval '80 days')`,
      [first],
    );
    await t.dataSource.query(
      `INSERT INTO msap_closures (msap_site_id, starts_at, ends_at, reason) VALUES ($1, now() - interval '71 days', now() - interval '70 days', 'Deuil')`,
      [ids.pithiviersId],
    );
    await t.app.get(RetentionService).run();
  });
  afterAll(async () => {
    await chrome?.close();
    await t?.close();
  });

  it('shows the policy in force and what the last sweep erased, in French', async () => {
    const page = await (await chrome.browser.newContext({ timezoneId: 'Pacific/Noumea' })).newPage();
    await page.goto(`${t.baseUrl}/connexion`);
    await page.getByLabel('Adresse électronique').fill(admin.email);
    await page.getByLabel('Mot de passe').fill(admin.password);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/admin');
    const panel = page.getByTestId('retention');
    await panel.getByRole('heading', { name: 'Conservation des données personnelles' }).waitFor();
    const policy = panel.getByTestId('retention-policy');
    await expectText(policy, /effacés 60 jours après la fin ou l’annulation du rendez-vous \(le nom devient « Usager \(effacé\) »/);
    await expectText(policy, /effacés 20 jours après l’envoi/);
    await expectText(policy, /Journal d’audit : conservé 365 jours/);
    await expectText(policy, /message des annulations groupées : remplacés par « \(effacé\) » 60 jours après la fin/);
    await expectText(policy, /Comptes désactivés depuis plus de 400 jours : pseudonymisés \(le nom devient « Compte \(effacé\) »/);
    await expectText(panel, /L’effacement automatique est désactivé sur ce serveur/);
    // The run's time is shown in Paris time whatever the browser's zone.
    const [run] = await t.dataSource.query(`SELECT to_char(finished_at AT TIME ZONE 'Europe/Paris', 'DD/MM/YYYY HH24:MI') AS paris FROM retention_runs`);
    await expectText(panel.getByTestId('retention-last'), new RegExp(`Dernier passage : ${run.paris.replace(/\//g, '\\/')}:\\d\\d\\.`));
    const row = panel.getByTestId('retention-runs').locator('tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').first().textContent()).toBe('3');
    expect(await panel.getByRole('columnheader', { name: 'Rendez-vous anonymisés' }).count()).toBe(1);
    const headers = await panel.getByTestId('retention-runs').locator('thead th').allTextContents();
    const cells = await row.locator('td').allTextContents();
    expect(cells[headers.indexOf('Motifs de fermeture effacés') - 1]).toBe('1');
    expect(cells[headers.indexOf('Comptes pseudonymisés') - 1]).toBe('0');

    // The outbox page still lists the message, saying it was erased instead of whom it reached.
    await page.goto(`${t.baseUrl}/coordination/messages`);
    const erased = page.getByText(/^Destinataire et texte effacés le .+ \(durée de conservation\)$/);
    await erased.waitFor();
    expect(await page.getByText('+33612345678').count()).toBe(0);
  });
});

async function expectText(locator: Locator, pattern: RegExp): Promise<void> {
  expect(await locator.textContent()).toMatch(pattern);
}
