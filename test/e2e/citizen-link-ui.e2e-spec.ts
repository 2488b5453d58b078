import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { auditPage, blocking, describeViolations } from '../support/a11y';
import { startTestApp, TestApp } from '../support/app';
import { closeSuite, launchChromium, TestBrowser } from '../support/browser';
import { pdfPagesText } from '../support/pdf-text';
import { ROOT } from '../support/process';
import { mondayIn } from '../support/scheduling';
import { signIn } from '../support/session';
import { signInUi } from '../support/ui';

const SHOTS = '/tmp/shots-citizen';
const PHONE = { width: 390, height: 844 };
const LINK = /https?:\/\/[^\s]+\/rdv\/[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])/;

/** No serious or critical axe violation, and the page titled "<its h1> — Visio MSAP" (RGAA 8.6). */
async function expectAccessible(page: Page): Promise<void> {
  expect(describeViolations(blocking(await auditPage(page)))).toBe('');
  const heading = (await page.locator('main h1').first().textContent())?.replace(/\s+/g, ' ').trim();
  expect(await page.title()).toBe(`${heading} — Visio MSAP`);
}

/**
 * The citizen's link end to end in Chromium: a facilitator books through the form and prints the
 * slip; the citizen opens the link from the confirmation on a phone, asks to be called back, then
 * cancels after confirming; the request shows on the coordinator's home and the facilitator's desk,
 * which closes it; the footer's legal pages open. Screenshots in /tmp/shots-citizen.
 */
describe('the citizen’s link in Chromium', () => {
  let t: TestApp;
  let chrome: TestBrowser;
  const contexts: BrowserContext[] = [];
  const nextWeek = mondayIn(1);

  async function newPage(options: Parameters<TestBrowser['browser']['newContext']>[0] = {}): Promise<Page> {
    const context = await chrome.browser.newContext({ acceptDownloads: true, ...options });
    contexts.push(context);
    return context.newPage();
  }

  beforeAll(async () => {
    const dist = process.env.CLIENT_DIST_DIR ?? join(ROOT, 'dist', 'client');
    if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} is missing: build the client first`);
    await mkdir(SHOTS, { recursive: true });
    t = await startTestApp({ NOTIFICATIONS_ENABLED: 'false' });
    chrome = await launchChromium();
    // The site's phone, as its coordinator sets it in the directory: the citizen's page gives it.
    const coordinator = await signIn(t.baseUrl, 'coordinator');
    const [site] = await t.dataSource.query(`SELECT id FROM msap_sites WHERE name = 'France Services de Pithiviers'`);
    await coordinator.agent.patch(`/api/msap-sites/${site.id}`).set('X-CSRF-Token', coordinator.csrf).send({ phone: '02 38 30 12 34' }).expect(200);
  });
  afterAll(() => closeSuite(contexts, chrome, t));

  let link: string;
  let consultationId: string;

  it('a facilitator books through the form and downloads the printable slip', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 720 } });
    await signInUi(page, t.baseUrl, 'facilitator', '/animation');
    await page.goto(`${t.baseUrl}/animation/reserver`);
    await page.getByRole('heading', { level: 1, name: 'Prendre rendez-vous pour un usager' }).waitFor();
    const day = nextWeek.plus({ days: 1 }).toISODate()!;
    await page.getByLabel('Objet du rendez-vous').selectOption({ label: 'Impôt sur le revenu : déclaration, avis (30 min)' });
    await page.getByLabel('Du', { exact: true }).fill(day);
    await page.getByLabel('Au', { exact: true }).fill(day);
    await page.getByRole('button', { name: 'Rechercher les créneaux libres' }).click();
    await page.getByRole('button', { name: /^Réserver le mardi .* à 9 h$/ }).first().click();
    await page.getByRole('heading', { name: /^Réserver le mardi .* à 9 h$/ }).waitFor();
    await page.getByLabel('Nom de l’usager *').fill('Jeanne Martin');
    await page.getByLabel(/Téléphone portable/).fill('06 12 34 56 78');
    await page.getByRole('button', { name: 'Confirmer la réservation' }).click();
    await page.getByTestId('booking-done').getByText(/^Rendez-vous réservé pour Jeanne Martin/).waitFor();
    const [row] = await t.dataSource.query(`SELECT id FROM consultations WHERE citizen_name = 'Jeanne Martin'`);
    consultationId = row.id;

    const print = page.getByRole('link', { name: 'Imprimer la convocation de Jeanne Martin (PDF)' });
    await page.screenshot({ path: join(SHOTS, '01-booked-print-button.png'), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), print.click()]);
    expect(download.suggestedFilename()).toMatch(/^convocation-\d{4}-\d{2}-\d{2}\.pdf$/);
    const file = join(SHOTS, 'convocation.pdf');
    await download.saveAs(file);
    const [text] = await pdfPagesText(await readFile(file));
    expect(text).toContain('France Services — France Services de Pithiviers');
    expect(text).toContain('Pour : Jeanne Martin');
    expect(text).toMatch(LINK);
  });

  it('the confirmation in the local outbox holds the link, read through the coordinator’s API', async () => {
    const coordinator = await signIn(t.baseUrl, 'coordinator');
    const res = await coordinator.agent.get(`/api/notifications/outbox?consultationId=${consultationId}&channel=sms`).expect(200);
    const sms = res.body.items.find((m: { event: string }) => m.event === 'booked');
    link = LINK.exec(sms.text)![0];
    expect(link.startsWith(t.baseUrl)).toBe(true);
  });

  it('the citizen opens it on a phone, asks to be called back, then cancels after confirming', async () => {
    const page = await newPage({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Votre rendez-vous' }).waitFor();
    const appointment = page.getByTestId('citizen-appointment');
    await appointment.getByText(/^Mardi .* à 9 h$/).waitFor();
    await appointment.getByText('France Services de Pithiviers', { exact: true }).waitFor();
    await appointment.getByText(/45300 Pithiviers/).waitFor();
    await appointment.getByText('En visioconférence avec : DDFIP du Loiret').waitFor();
    expect(await page.getByTestId('citizen-papers').getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await appointment.getByRole('link', { name: '02 38 30 12 34' }).getAttribute('href')).toBe('tel:+33238301234');
    // Each action is a button as wide as the screen, its words shown (not an icon alone).
    for (const name of ['Être rappelé pour changer l’horaire', 'Annuler le rendez-vous']) {
      const box = (await page.getByRole('button', { name }).boundingBox())!;
      expect(box.width).toBeGreaterThan(PHONE.width * 0.8);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    // No sign-in link, no account: the header offers nothing to the citizen.
    expect(await page.getByRole('link', { name: /connexion|se connecter/i }).count()).toBe(0);
    // The page fits the phone: nothing wider than the screen.
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: join(SHOTS, '02-citizen-appointment.png'), fullPage: true });
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Être rappelé pour changer l’horaire' }).tap();
    const form = page.getByTestId('callback-form');
    expect(await form.getByLabel(/Votre numéro de téléphone/).inputValue()).toBe('06 12 34 56 78');
    await form.getByLabel(/Un mot pour la France Services/).fill('Plutôt le matin, après 10 h');
    await page.screenshot({ path: join(SHOTS, '03-citizen-callback-form.png'), fullPage: true });
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Envoyer ma demande' }).tap();
    await page.getByTestId('citizen-status').getByText('Votre demande est envoyée. La France Services va vous rappeler.').waitFor();
    await page.getByTestId('citizen-callback').getByText(/^Vous avez demandé à être rappelé le /).waitFor();
    expect(await page.getByRole('button', { name: 'Être rappelé pour changer l’horaire' }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, '04-citizen-callback-sent.png'), fullPage: true });

    await page.getByRole('button', { name: 'Annuler le rendez-vous' }).tap();
    const confirm = page.getByTestId('confirm-panel');
    await confirm.getByText(/^Annuler votre rendez-vous du mardi .* à 9 h \?$/).waitFor();
    await page.screenshot({ path: join(SHOTS, '05-citizen-cancel-confirm.png'), fullPage: true });
    await expectAccessible(page);
    // The safe answer keeps it.
    await confirm.getByRole('button', { name: 'Non, garder le rendez-vous' }).tap();
    expect(await page.getByTestId('confirm-panel').count()).toBe(0);
    const [{ status: kept }] = await t.dataSource.query(`SELECT status FROM consultations WHERE id = $1`, [consultationId]);
    expect(kept).toBe('scheduled');
    await page.getByRole('button', { name: 'Annuler le rendez-vous' }).tap();
    await page.getByTestId('confirm-panel').getByRole('button', { name: 'Oui, annuler le rendez-vous' }).tap();
    await page.getByTestId('citizen-status').getByText('Votre rendez-vous est annulé. Vous allez recevoir un message de confirmation.').waitFor();
    await page.getByTestId('citizen-state').getByText('Ce rendez-vous est annulé.').waitFor();
    expect(await page.getByRole('button', { name: 'Annuler le rendez-vous' }).count()).toBe(0);
    const [{ status }] = await t.dataSource.query(`SELECT status FROM consultations WHERE id = $1`, [consultationId]);
    expect(status).toBe('cancelled');
    await page.screenshot({ path: join(SHOTS, '06-citizen-cancelled.png'), fullPage: true });
    await expectAccessible(page);
    // Opened again later: the page says so, with no action.
    await page.reload();
    await page.getByTestId('citizen-state').getByText('Ce rendez-vous est annulé.').waitFor();
    expect(await page.getByRole('button').filter({ hasText: /Annuler le rendez-vous|Être rappelé/ }).count()).toBe(0);
    // The citizen's page leaves no cookie behind.
    expect(await page.context().cookies()).toEqual([]);
  });

  it('a forged link says so in plain words', async () => {
    const page = await newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto(`${t.baseUrl}/rdv/AAAAAAAAAAAAAAAAAAAAAA`);
    await page.getByRole('heading', { level: 1, name: 'Lien inconnu ou expiré' }).waitFor();
    await page.screenshot({ path: join(SHOTS, '07-citizen-unknown-link.png'), fullPage: true });
    await expectAccessible(page);
  });

  it('the request shows on the coordinator’s home and the facilitator’s desk, which marks it handled', async () => {
    const home = await newPage({ viewport: { width: 1280, height: 720 } });
    await signInUi(home, t.baseUrl, 'coordinator', '/coordination');
    const requests = home.getByTestId('callback-requests');
    const card = requests.getByTestId('callback-request').filter({ hasText: 'Jeanne Martin' });
    await card.getByText('06 12 34 56 78').waitFor();
    await card.getByText('Mot de l’usager : « Plutôt le matin, après 10 h »').waitFor();
    await card.getByText('Rendez-vous annulé').waitFor();
    await home.screenshot({ path: join(SHOTS, '08-coordinator-home.png'), fullPage: true });
    await expectAccessible(home);

    // A portrait tablet at the France Services.
    const desk = await newPage({ viewport: { width: 800, height: 1280 }, hasTouch: true });
    await signInUi(desk, t.baseUrl, 'facilitator', '/animation');
    const deskCard = desk.getByTestId('callback-requests').getByTestId('callback-request').filter({ hasText: 'Jeanne Martin' });
    await deskCard.getByText('06 12 34 56 78').waitFor();
    await desk.screenshot({ path: join(SHOTS, '09-facilitator-desk.png'), fullPage: true });
    await expectAccessible(desk);
    await deskCard.getByRole('button', { name: 'Marquer comme traitée la demande de Jeanne Martin' }).tap();
    await desk.getByTestId('callback-handled').getByText('Demande de Jeanne Martin marquée comme traitée.').waitFor();
    await desk.getByTestId('callback-requests').getByText('Aucune demande en attente.').waitFor();
    const [handled] = await t.dataSource.query(`SELECT action, actor_user_id FROM audit_events WHERE action = 'callback.handled' AND subject_id = $1`, [consultationId]);
    expect(handled).toBeDefined();
    await desk.screenshot({ path: join(SHOTS, '10-facilitator-desk-handled.png'), fullPage: true });
  });

  it('the footer’s legal pages open and are accessible', async () => {
    const page = await newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Votre rendez-vous' }).waitFor();
    const footer = page.getByRole('contentinfo');
    for (const [name, heading, shot] of [
      ['Mentions légales', 'Mentions légales', '11-mentions-legales.png'],
      ['Données personnelles', 'Données personnelles', '12-donnees-personnelles.png'],
      ['Accessibilité : partiellement conforme', 'Déclaration d’accessibilité', '13-accessibilite.png'],
    ] as const) {
      await footer.getByRole('link', { name }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.screenshot({ path: join(SHOTS, shot), fullPage: true });
      await expectAccessible(page);
    }
    expect(page.url()).toBe(`${t.baseUrl}/accessibilite`);
    await page.getByText('Audit automatisé seulement, pas d’audit manuel complet', { exact: false }).waitFor();
    await page.getByText(/Défenseur des droits, Libre réponse 71120/).waitFor();
  });
});
