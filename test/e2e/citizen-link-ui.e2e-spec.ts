import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { auditPage, blocking, describeViolations } from '../support/a11y';
import { startTestApp, TestApp } from '../support/app';
import { closeSuite, launchChromium, TestBrowser } from '../support/browser';
import { pdfPagesText } from '../support/pdf-text';
import { ROOT } from '../support/process';
import { demoIds } from '../support/demo-data';
import { at, mondayIn, schedulingIds } from '../support/scheduling';
import { signIn } from '../support/session';
import { isFocused, signInUi } from '../support/ui';

const SHOTS = '/tmp/shots-citizen';
const PHONE = { width: 390, height: 844 };
const LINK = /https?:\/\/[^\s]+\/rdv\/[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])/;
/** A printed slip's link: its token has no look-alike characters and comes in groups of four. */
const PRINTED_LINK = /https?:\/\/[^\s]+\/rdv\/(?:[a-hj-km-np-z2-9]{4}-){6}[a-hj-km-np-z2-9]{4}(?![a-z0-9-])/;

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

  it('a facilitator books through the form and opens the printable slip in a new tab, to print it from the viewer', async () => {
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

    // A new tab (a tablet shows the PDF viewer there, to print), said in the link's name.
    const print = page.getByRole('link', { name: 'Imprimer la convocation de Jeanne Martin, en PDF (nouvelle fenêtre)' });
    expect(await print.getAttribute('target')).toBe('_blank');
    expect(await print.getAttribute('rel')).toBe('noopener');
    expect(await print.getAttribute('download')).toBeNull();
    await page.screenshot({ path: join(SHOTS, '01-booked-print-button.png'), fullPage: true });
    const [tab] = await Promise.all([page.waitForEvent('popup'), print.click()]);
    expect(tab.url()).toBe(`${t.baseUrl}/api/consultations/${consultationId}/slip.pdf`);
    await tab.close();
    // What that tab shows: the PDF, shown inline, in the same session.
    const res = await page.request.get(`${t.baseUrl}/api/consultations/${consultationId}/slip.pdf`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-disposition']).toMatch(/^inline; filename="convocation-\d{4}-\d{2}-\d{2}\.pdf"$/);
    const file = join(SHOTS, 'convocation.pdf');
    await writeFile(file, await res.body());
    const [text] = await pdfPagesText(await readFile(file));
    expect(text!.split('\n')[0]).toBe('France Services de Pithiviers');
    expect(text).toContain('Pour : Jeanne Martin');
    expect(text!.replace(/\n/g, '')).toMatch(PRINTED_LINK);
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
    // No sign-in link, no account: the header offers nothing to the citizen; its logo leads back here, not to the staff's sign-in.
    expect(await page.getByRole('link', { name: /connexion|se connecter/i }).count()).toBe(0);
    const home = page.getByRole('banner').getByRole('link', { name: /^Visio MSAP/ }).first();
    expect(new URL((await home.getAttribute('href'))!, t.baseUrl).pathname).toBe(new URL(link).pathname);
    expect(await page.getByRole('banner').locator('a[href="/"]').count()).toBe(0);
    await page.getByText('Venez 10 minutes avant l’heure.', { exact: false }).waitFor();
    // The page fits the phone: nothing wider than the screen.
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: join(SHOTS, '02-citizen-appointment.png'), fullPage: true });
    await expectAccessible(page);

    // Opening the form takes the focus to its heading; "Ne pas envoyer" gives it back to the button.
    const ask = page.getByRole('button', { name: 'Être rappelé pour changer l’horaire' });
    await ask.tap();
    const form = page.getByTestId('callback-form');
    expect(await isFocused(form.getByRole('heading', { name: 'Être rappelé pour changer l’horaire' }))).toBe(true);
    await form.getByRole('button', { name: 'Ne pas envoyer' }).tap();
    await form.waitFor({ state: 'detached' });
    expect(await isFocused(ask)).toBe(true);
    await ask.tap();
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
    // The request's "sent" gives way to the cancellation being asked; a mobile was given: a confirmation is promised.
    expect(await page.getByText('Votre demande est envoyée. La France Services va vous rappeler.').count()).toBe(0);
    await confirm.getByText('La France Services et l’agent seront prévenus. Vous recevrez un message de confirmation.').waitFor();
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
    // Nothing left to come to: no "come early", no papers to bring.
    expect(await page.getByText('Venez 10 minutes avant', { exact: false }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Papiers à apporter' }).count()).toBe(0);
    expect(await page.getByTestId('citizen-papers').count()).toBe(0);
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
    // Each request leads to its booking, open in the week's planning (to move it while on the phone).
    const open = card.getByRole('link', { name: 'Voir le rendez-vous de Jeanne Martin dans le planning de la semaine' });
    // Its words are shown, not an icon alone (so is the button beside it).
    for (const control of [open, card.getByRole('button', { name: /^Marquer comme traitée/ })]) expect((await control.boundingBox())!.width).toBeGreaterThan(120);
    const target = new URL((await open.getAttribute('href'))!, t.baseUrl);
    expect(target.pathname).toBe('/coordination/planning');
    expect(Object.fromEntries(target.searchParams)).toEqual({ site: expect.any(String), semaine: nextWeek.toISODate(), rendezvous: consultationId });
    await open.click();
    await home.getByRole('heading', { name: /^Détails du rendez-vous : mardi .* à 9 h$/ }).waitFor();
    await home.getByText('Usager : Jeanne Martin').waitFor();
    await home.screenshot({ path: join(SHOTS, '08b-coordinator-booking-from-request.png'), fullPage: true });

    // A portrait tablet at the France Services.
    const desk = await newPage({ viewport: { width: 800, height: 1280 }, hasTouch: true });
    await signInUi(desk, t.baseUrl, 'facilitator', '/animation');
    const deskCard = desk.getByTestId('callback-requests').getByTestId('callback-request').filter({ hasText: 'Jeanne Martin' });
    await deskCard.getByText('06 12 34 56 78').waitFor();
    await desk.screenshot({ path: join(SHOTS, '09-facilitator-desk.png'), fullPage: true });
    await expectAccessible(desk);
    // The facilitator's link opens their own planning, the booking's panel open; back to the desk to close the request.
    const deskOpen = deskCard.getByRole('link', { name: 'Voir le rendez-vous de Jeanne Martin dans le planning de la semaine' });
    expect(new URL((await deskOpen.getAttribute('href'))!, t.baseUrl).pathname).toBe('/animation/planning');
    await deskOpen.tap();
    await desk.getByRole('heading', { name: /^Détails du rendez-vous : mardi .* à 9 h$/ }).waitFor();
    await desk.screenshot({ path: join(SHOTS, '09b-facilitator-booking-from-request.png'), fullPage: true });
    await desk.goBack();
    await deskCard.getByRole('button', { name: 'Marquer comme traitée la demande de Jeanne Martin' }).tap();
    await desk.getByTestId('callback-handled').getByText('Demande de Jeanne Martin marquée comme traitée.').waitFor();
    await desk.getByTestId('callback-requests').getByText('Aucune demande en attente.').waitFor();
    const [handled] = await t.dataSource.query(`SELECT action, actor_user_id FROM audit_events WHERE action = 'callback.handled' AND subject_id = $1`, [consultationId]);
    expect(handled).toBeDefined();
    await desk.screenshot({ path: join(SHOTS, '10-facilitator-desk-handled.png'), fullPage: true });
  });

  it('a citizen with neither mobile nor e-mail is promised no message; a callback after the start says to call', async () => {
    const coordinator = await signIn(t.baseUrl, 'coordinator');
    const ids = { ...(await schedulingIds(t.dataSource)), ...(await demoIds(t.dataSource)) };
    const book = async (time: string, citizen: object) =>
      (
        await coordinator.agent
          .post('/api/consultations')
          .set('X-CSRF-Token', coordinator.csrf)
          .send({ boothId: ids.pithiviersBoothId, agentId: ids.demoAgentId, consultationTypeId: ids.incomeTaxTypeId, startsAt: at(nextWeek.plus({ days: 2 }), time), citizen })
          .expect(201)
      ).body.id as string;
    /** The printed slip's link: the only one a citizen without contact has. */
    const printedLink = async (id: string) => {
      const res = await coordinator.agent.get(`/api/consultations/${id}/slip.pdf`).buffer(true).parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      });
      return PRINTED_LINK.exec((await pdfPagesText(res.body as Buffer))[0]!.replace(/\n/g, ''))![0];
    };

    const unreachable = await book('10:00', { name: 'Paul Sanscontact' });
    const page = await newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto(await printedLink(unreachable));
    await page.getByRole('heading', { level: 1, name: 'Votre rendez-vous' }).waitFor();
    await page.getByRole('button', { name: 'Annuler le rendez-vous' }).tap();
    const confirm = page.getByTestId('confirm-panel');
    await confirm.getByText('La France Services et l’agent seront prévenus.', { exact: true }).waitFor();
    expect(await confirm.textContent()).not.toContain('Vous recevrez');
    await confirm.getByRole('button', { name: 'Oui, annuler le rendez-vous' }).tap();
    await page.getByTestId('citizen-status').getByText('Votre rendez-vous est annulé. La France Services est prévenue.', { exact: true }).waitFor();
    await page.screenshot({ path: join(SHOTS, '14-citizen-no-contact-cancelled.png'), fullPage: true });

    // The page was read before the start; the request is sent after it.
    const late = await book('11:00', { name: 'Lea Entard', phone: '06 55 44 33 22' });
    const phone = await newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await phone.goto(await printedLink(late));
    await phone.getByRole('button', { name: 'Être rappelé pour changer l’horaire' }).tap();
    await t.dataSource.query(`UPDATE consultations SET starts_at = now() - interval '5 minutes', ends_at = now() + interval '25 minutes' WHERE id = $1`, [late]);
    await phone.getByTestId('callback-form').getByRole('button', { name: 'Envoyer ma demande' }).tap();
    const refusal = phone.getByTestId('form-error');
    await refusal.getByText('Le rendez-vous a commencé : appelez la France Services au 02 38 30 12 34.', { exact: true }).waitFor();
    expect(await isFocused(refusal)).toBe(true);
    expect(await phone.textContent('body')).not.toContain('ne peut plus être annulé');
    await phone.getByTestId('citizen-state').getByText('Votre rendez-vous a commencé.').waitFor();
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM callback_requests WHERE consultation_id = $1`, [late]))[0].n).toBe(0);
    await phone.screenshot({ path: join(SHOTS, '15-citizen-callback-too-late.png'), fullPage: true });
    await expectAccessible(phone);
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
