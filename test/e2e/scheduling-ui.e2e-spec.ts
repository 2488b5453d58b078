import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DateTime } from 'luxon';
import { startTestApp, TestApp } from '../support/app';
import { launchChromium, TestBrowser, waitFor } from '../support/browser';
import { ROOT } from '../support/process';
import { isFocused, signInUi } from '../support/ui';
import { at, createAgent, everyDay, mondayIn, putWeekly, schedulingIds, SchedulingIds } from '../support/scheduling';
import { signIn, SignedIn } from '../support/session';

const SCREENSHOTS = join(ROOT, 'test-results');

/**
 * A zone far from Paris for the browser: a date shown in the browser's zone instead of Paris's would
 * be ten hours off (a day off at night), so a wrong zone fails the assertions on times.
 */
const FAR_ZONE = 'Pacific/Noumea';

/** "vendredi 4 décembre 2026 à 9 h" for a Paris instant, the way pages and messages say it. */
function frenchWhen(instant: DateTime): string {
  const d = instant.setZone('Europe/Paris').setLocale('fr');
  const day = d.day === 1 ? '1er' : String(d.day);
  const time = d.minute === 0 ? `${d.hour} h` : `${d.hour} h ${d.toFormat('mm')}`;
  return `${d.toFormat('cccc')} ${day} ${d.toFormat('LLLL yyyy')} à ${time}`;
}

/** Fills the slot search (type, MSAP/booth, one Paris day) and runs it. */
async function searchDay(page: Page, day: string, options: { site?: string; booth?: string } = {}): Promise<void> {
  await page.getByLabel('Objet du rendez-vous').selectOption({ label: 'Impôt sur le revenu : déclaration, avis (30 min)' });
  if (options.site) await page.getByLabel('France Services *').selectOption({ label: options.site });
  if (options.booth) await page.getByLabel('Cabine', { exact: true }).selectOption({ label: options.booth });
  await page.getByLabel('Du', { exact: true }).fill(day);
  await page.getByLabel('Au', { exact: true }).fill(day);
  await page.getByRole('button', { name: 'Rechercher les créneaux libres' }).click();
  await page.getByRole('heading', { name: /^\d+ créneaux libres$/ }).waitFor();
}

describe('scheduling screens in Chromium', () => {
  let t: TestApp;
  let chrome: TestBrowser;
  let ids: SchedulingIds;
  let coordinatorApi: SignedIn;
  let pithiviersId: string;
  const monday = mondayIn(1);
  const day = (offset: number) => monday.plus({ days: offset }).toISODate()!;

  beforeAll(async () => {
    const dist = process.env.CLIENT_DIST_DIR ?? join(ROOT, 'dist', 'client');
    if (!existsSync(join(dist, 'index.html'))) {
      throw new Error(`${dist} is missing: run 'npm run build:client' first`);
    }
    t = await startTestApp({ NOTIFICATIONS_INTERVAL_MS: '200' });
    chrome = await launchChromium();
    ids = await schedulingIds(t.dataSource);
    coordinatorApi = await signIn(t.baseUrl, 'coordinator');
    const [site] = await t.dataSource.query(`SELECT id FROM msap_sites WHERE name = 'France Services de Pithiviers'`);
    pithiviersId = site.id;
  });
  afterAll(async () => {
    await chrome?.close();
    await t?.close();
  });

  it('a coordinator finds a free slot, books it with the keyboard only, then sees, moves and cancels it on the week board', async () => {
    const context = await chrome.browser.newContext();
    const page = await context.newPage();
    await signInUi(page, t.baseUrl, 'coordinator', '/coordination');
    await page.getByRole('link', { name: 'Trouver un créneau' }).click();
    await page.waitForURL('**/coordination/creneaux');
    const tuesday = day(1);
    await searchDay(page, tuesday, { site: 'France Services de Pithiviers', booth: 'Cabine 1' });

    // The first free slot of the day is at 09:00 (opening and availability start then).
    const book = page.getByRole('button', { name: /^Réserver le mardi .* à 9 h$/ });
    await book.focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { name: /^Réserver le mardi .* à 9 h$/ });
    await heading.waitFor();
    expect(await isFocused(heading)).toBe(true);

    // Keyboard only: Tab through agent, booth, name, phone, e-mail; Enter submits.
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByLabel('Agent du rendez-vous'))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByLabel('Cabine du rendez-vous'))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByLabel('Nom de l’usager *'))).toBe(true);
    await page.keyboard.type('Jeanne Martin');
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByLabel(/Téléphone portable/))).toBe(true);
    await page.keyboard.type('06 12 34 56 78');
    await page.keyboard.press('Tab');
    await page.keyboard.type('jeanne.martin@example.fr');
    await page.keyboard.press('Enter');

    const done = page.getByTestId('booking-done');
    await done.getByText(/^Rendez-vous réservé pour Jeanne Martin le mardi .* à 9 h \(Cabine 1, Antoine Agent\)\.$/).waitFor();
    expect(await isFocused(done)).toBe(true);
    const [stored] = await t.dataSource.query(`SELECT id, starts_at, citizen_phone, citizen_email, status FROM consultations WHERE citizen_name = 'Jeanne Martin'`);
    expect(stored).toMatchObject({ citizen_phone: '+33612345678', citizen_email: 'jeanne.martin@example.fr', status: 'scheduled' });
    expect(new Date(stored.starts_at).toISOString()).toBe(new Date(at(monday.plus({ days: 1 }), '09:00')).toISOString());
    await page.screenshot({ path: join(SCREENSHOTS, 'scheduling-booked.png'), fullPage: true });

    // The week board, by MSAP and booth.
    await page.getByRole('link', { name: 'Voir le planning de la semaine' }).click();
    await page.getByLabel('France Services', { exact: true }).selectOption({ label: 'France Services de Pithiviers' });
    await page.getByRole('button', { name: 'Semaine suivante' }).click();
    const board = page.getByTestId('week-board');
    const block = board.getByRole('button', { name: '09:00–09:30 Jeanne Martin · Antoine Agent' });
    await block.waitFor();
    await expect(block.locator('xpath=..').getByText('Prévu').textContent()).resolves.toBe('Prévu');
    expect(await board.getByRole('row', { name: /Cabine 1/ }).getByRole('button', { name: /Jeanne Martin/ }).count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'scheduling-board.png'), fullPage: true });

    // Moving onto a taken interval is refused with the 409, in French, and the consultation stays put.
    const [booth1] = await t.dataSource.query(`SELECT id FROM booths WHERE msap_site_id = $1 AND name = 'Cabine 1'`, [pithiviersId]);
    await coordinatorApi.agent
      .post('/api/consultations')
      .set('X-CSRF-Token', coordinatorApi.csrf)
      .send({ boothId: booth1.id, agentId: ids.demoAgentId, consultationTypeId: ids.incomeTaxTypeId, startsAt: at(monday.plus({ days: 1 }), '11:00'), citizen: { name: 'Déjà Là' } })
      .expect(201);
    await block.click();
    expect(await isFocused(page.getByRole('heading', { name: /^Détails du rendez-vous/ }))).toBe(true);
    await page.getByLabel('Heure').fill('11:00');
    await page.getByRole('button', { name: 'Déplacer le rendez-vous' }).click();
    const refused = page.getByTestId('form-error');
    await refused.getByText(/^Conflit de réservation\. (Cette cabine est déjà réservée|Cet agent a déjà un rendez-vous) sur ce créneau\.$/).waitFor();
    expect(await isFocused(refused)).toBe(true);
    const [notMoved] = await t.dataSource.query(`SELECT starts_at FROM consultations WHERE id = $1`, [stored.id]);
    expect(new Date(notMoved.starts_at).toISOString()).toBe(new Date(at(monday.plus({ days: 1 }), '09:00')).toISOString());

    // Move to 10:00 the same day.
    await page.getByLabel('Heure').fill('10:00');
    await page.getByRole('button', { name: 'Déplacer le rendez-vous' }).click();
    await page.getByTestId('board-message').getByText(/^Rendez-vous déplacé au mardi .* à 10 h\.$/).waitFor();
    const moved = board.getByRole('button', { name: '10:00–10:30 Jeanne Martin · Antoine Agent' });
    await moved.waitFor();
    const [afterMove] = await t.dataSource.query(`SELECT starts_at FROM consultations WHERE id = $1`, [stored.id]);
    expect(new Date(afterMove.starts_at).toISOString()).toBe(new Date(at(monday.plus({ days: 1 }), '10:00')).toISOString());

    // Cancel (the panel opened with the keyboard): a reason is required, then the block says "Annulé" (text, not only colour).
    await moved.focus();
    await page.keyboard.press('Enter');
    expect(await isFocused(page.getByRole('heading', { name: /^Détails du rendez-vous/ }))).toBe(true);
    await page.getByRole('button', { name: 'Annuler ce rendez-vous' }).click();
    await page.getByText('Indiquez un motif (3 caractères au moins).').first().waitFor();
    await page.getByLabel('Motif *').fill('Usager empêché');
    await page.getByRole('button', { name: 'Annuler ce rendez-vous' }).click();
    // A second, explicit yes: the question takes the focus; "no" keeps the booking.
    const confirm = page.getByRole('alertdialog', { name: /^Annuler le rendez-vous du mardi/ });
    expect(await isFocused(confirm.getByText(/^Annuler le rendez-vous du mardi/))).toBe(true);
    await confirm.getByRole('button', { name: 'Non, le garder' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await t.dataSource.query(`SELECT status FROM consultations WHERE id = $1`, [stored.id]))[0].status).toBe('scheduled');
    await page.getByRole('button', { name: 'Annuler ce rendez-vous' }).click();
    await page.getByRole('button', { name: 'Oui, annuler le rendez-vous' }).click();
    await page.getByTestId('board-message').getByText(/^Rendez-vous annulé\./).waitFor();
    await board.getByRole('listitem').filter({ hasText: '10:00–10:30 Jeanne Martin' }).getByText('Annulé').waitFor();
    // From the agenda: the service's own cause, as the statistics count it.
    const [afterCancel] = await t.dataSource.query(`SELECT status, cancellation_reason, cancellation_cause FROM consultations WHERE id = $1`, [stored.id]);
    expect(afterCancel).toEqual({ status: 'cancelled', cancellation_reason: 'Usager empêché', cancellation_cause: 'service' });

    // By agent: the same week, one row per agent; a free cell opens the slot search for that agent and day.
    await page.getByText('Par agent', { exact: true }).click();
    const agentRow = board.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Antoine Agent' }) });
    await agentRow.getByRole('button', { name: /10:00–10:30 Jeanne Martin · Cabine 1/ }).waitFor();
    await agentRow.getByRole('link', { name: /^Voir les créneaux libres : Antoine Agent, mardi/ }).click();
    await page.waitForURL('**/coordination/creneaux?**');
    // The agent is chosen once the list of agents has loaded.
    await page.getByLabel('Agent', { exact: true }).locator('option:checked', { hasText: 'Antoine Agent' }).waitFor({ state: 'attached' });
    expect(await page.getByLabel('Du', { exact: true }).inputValue()).toBe(tuesday);
    await page.getByLabel('Objet du rendez-vous').selectOption({ label: 'Impôt sur le revenu : déclaration, avis (30 min)' });
    await page.getByLabel('France Services *').selectOption({ label: 'France Services de Pithiviers' });
    await page.getByRole('button', { name: 'Rechercher les créneaux libres' }).click();
    // The cancelled booking freed 10:00 again.
    await page.getByRole('button', { name: /^Réserver le mardi .* à 10 h$/ }).waitFor();
    await context.close();
  });

  it('a slot taken meanwhile answers 409: the form says which resource is taken, and nothing more is stored', async () => {
    const context = await chrome.browser.newContext();
    const page = await context.newPage();
    await signInUi(page, t.baseUrl, 'coordinator', '/coordination');
    await page.goto(`${t.baseUrl}/coordination/creneaux`);
    const wednesday = day(2);
    await searchDay(page, wednesday, { site: 'France Services de Pithiviers', booth: 'Cabine 2' });

    // Someone else books the 09:00 slot through the API after our search.
    const [booth2] = await t.dataSource.query(`SELECT id FROM booths WHERE msap_site_id = $1 AND name = 'Cabine 2'`, [pithiviersId]);
    await coordinatorApi.agent
      .post('/api/consultations')
      .set('X-CSRF-Token', coordinatorApi.csrf)
      .send({ boothId: booth2.id, agentId: ids.demoAgentId, consultationTypeId: ids.incomeTaxTypeId, startsAt: at(monday.plus({ days: 2 }), '09:00'), citizen: { name: 'Autre Usager' } })
      .expect(201);

    await page.getByRole('button', { name: /^Réserver le mercredi .* à 9 h$/ }).click();
    await page.getByLabel('Nom de l’usager *').fill('Usager En Retard');
    await page.getByRole('button', { name: 'Confirmer la réservation' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Conflit de réservation.' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Cette cabine est déjà réservée sur ce créneau\.|Cet agent a déjà un rendez-vous sur ce créneau\./);
    expect(await isFocused(page.getByTestId('form-error'))).toBe(true);
    // The message also sits under the field(s) concerned (booth and/or agent select, as the API names them).
    const underFields = page.locator('.fr-select-group--error .fr-error-text');
    await underFields.first().waitFor();
    for (const text of await underFields.allTextContents()) {
      expect(text).toMatch(/^(cette cabine est déjà réservée|cet agent a déjà un rendez-vous) sur ce créneau$/);
    }
    await page.getByRole('button', { name: 'Actualiser les créneaux' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'scheduling-conflict.png'), fullPage: true });
    const rows = await t.dataSource.query(`SELECT citizen_name FROM consultations WHERE citizen_name IN ('Autre Usager', 'Usager En Retard')`);
    expect(rows).toEqual([{ citizen_name: 'Autre Usager' }]);

    // Searching again no longer offers 09:00 on a booth that the agent cannot use.
    await page.getByRole('button', { name: 'Actualiser les créneaux' }).click();
    await page.getByRole('button', { name: /^Réserver le mercredi .* à 9 h$/ }).waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: /^\d+ créneaux libres$/ }).waitFor();
    await page.getByRole('button', { name: /^Réserver le mercredi .* à 9 h 30$/ }).waitFor();
    expect(await page.getByRole('button', { name: /^Réserver le mercredi .* à 9 h$/ }).count()).toBe(0);
    await context.close();
  });

  it('a facilitator books for a citizen at their MSAP, and the agent sees it in the week agenda with the link to join', async () => {
    // On a tablet, by touch: facilitators work at the booth.
    const staff = await chrome.browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });
    const page = await staff.newPage();
    await signInUi(page, t.baseUrl, 'facilitator', '/animation');
    await page.getByRole('navigation', { name: 'Animation France Services' }).getByRole('link', { name: 'Prendre rendez-vous' }).tap();
    await page.waitForURL('**/animation/reserver');
    // Their MSAP is implied: no MSAP to choose, and only its booths are offered.
    expect(await page.getByLabel('France Services *').count()).toBe(0);
    await page.getByLabel('Cabine', { exact: true }).locator('option', { hasText: 'Cabine 2' }).waitFor({ state: 'attached' });
    expect((await page.getByLabel('Cabine', { exact: true }).locator('option').allTextContents()).sort()).toEqual(['Cabine 1', 'Cabine 2', 'Toute cabine']);
    await searchDay(page, day(3));
    await page.getByRole('button', { name: /^Réserver le jeudi .* à 14 h$/ }).tap();
    await page.getByLabel('Nom de l’usager *').fill('Paul Durand');
    // A 422 from the server lands under the field concerned, in French, and nothing is stored.
    await page.getByLabel(/Téléphone portable/).fill('12345');
    await page.getByRole('button', { name: 'Confirmer la réservation' }).click();
    await page.getByTestId('form-error').getByText('Certains champs sont à corriger. Téléphone : numéro invalide : 06 12 34 56 78 ou format international (+…).').waitFor();
    await page.locator('.fr-input-group--error').getByText('numéro invalide : 06 12 34 56 78 ou format international (+…)', { exact: true }).waitFor();
    expect(await t.dataSource.query(`SELECT id FROM consultations WHERE citizen_name = 'Paul Durand'`)).toEqual([]);
    // The citizen has no phone: left empty, the booking goes through.
    await page.getByLabel(/Téléphone portable/).fill('');
    await page.getByRole('button', { name: 'Confirmer la réservation' }).tap();
    await page.getByTestId('booking-done').getByText(/^Rendez-vous réservé pour Paul Durand le jeudi .* à 14 h/).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'facilitator-booking-tablet.png'), fullPage: true });
    // Their week board: the booths of their MSAP only, nothing to choose.
    await page.getByRole('link', { name: 'Voir le planning de la semaine' }).tap();
    await page.waitForURL('**/animation/planning');
    expect(await page.getByLabel('France Services', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Semaine suivante' }).tap();
    await page.getByTestId('week-board').getByRole('button', { name: '14:00–14:30 Paul Durand · Antoine Agent' }).waitFor();
    expect(await page.getByTestId('week-board').getByRole('rowheader').allTextContents()).toEqual(['Cabine 1', 'Cabine 2']);
    await staff.close();

    const agentContext = await chrome.browser.newContext();
    const agent = await agentContext.newPage();
    await signInUi(agent, t.baseUrl, 'agent', '/agent');
    await agent.getByRole('link', { name: 'Mes téléconsultations' }).click();
    await agent.waitForURL('**/agent/agenda');
    await agent.getByRole('button', { name: 'Suivant' }).click();
    const item = agent.getByTestId('agenda-day').getByRole('listitem').filter({ hasText: 'Paul Durand' });
    await item.waitFor();
    const text = await item.textContent();
    expect(text).toMatch(/^14:00 – 14:30 Paul Durand · Impôt sur le revenu/);
    expect(text).toContain('France Services de Pithiviers');
    expect(text).toContain('Prévu');
    // Days ahead, "Rejoindre" says when the room opens rather than failing (JOIN_MARGIN_MINUTES before).
    const waiting = item.getByTestId('join-waiting');
    expect(await waiting.getByRole('button', { name: 'Rejoindre la téléconsultation' }).getAttribute('aria-disabled')).toBe('true');
    expect(await waiting.textContent()).toContain(`${monday.plus({ days: 3 }).setLocale('fr').toFormat('cccc d LLLL')} à 13 h 45`);
    // The day view of that Thursday shows it too (from today, "Suivant" day by day).
    await agent.getByText('Jour', { exact: true }).click();
    await agent.getByRole('button', { name: 'Aujourd’hui' }).click();
    const daysAhead = Math.round(monday.plus({ days: 3 }).diff(DateTime.now().setZone('Europe/Paris').startOf('day'), 'days').days);
    for (let i = 0; i < daysAhead; i++) await agent.getByRole('button', { name: 'Suivant' }).click();
    await agent.getByRole('heading', { level: 2, name: monday.plus({ days: 3 }).setLocale('fr').toFormat('cccc d LLLL') }).waitFor();
    await agent.getByTestId('agenda-day').getByRole('listitem').filter({ hasText: 'Paul Durand' }).waitFor();
    expect(await agent.getByTestId('agenda-day').count()).toBe(1);
    await agent.screenshot({ path: join(SCREENSHOTS, 'agent-agenda.png'), fullPage: true });

    // The ICS feed: none yet; created, readable without a session; still known after a reload (its
    // URL is not: only its hash is kept); revoked.
    const feedStatus = agent.getByTestId('ics-status');
    await feedStatus.getByText('Aucun lien d’abonnement actif.').waitFor();
    expect(await agent.getByRole('button', { name: 'Révoquer le lien' }).count()).toBe(0);
    await agent.getByRole('button', { name: 'Obtenir un lien d’abonnement' }).click();
    const url = await agent.getByLabel('Lien d’abonnement').inputValue();
    expect(url).toMatch(/\/api\/ics\/.+/);
    const [token] = await t.dataSource.query(`SELECT created_at FROM ics_feed_tokens`);
    const created = frenchWhen(DateTime.fromJSDate(token.created_at));
    await feedStatus.getByText(`Un lien d’abonnement est actif depuis le ${created} ; aucun agenda ne l’a encore lu.`).waitFor();
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    await agent.reload();
    await feedStatus.getByText(new RegExp(`^Un lien d’abonnement est actif depuis le ${created} ; dernière lecture par un agenda le .+\\. Par sécurité`)).waitFor();
    expect(await agent.getByLabel('Lien d’abonnement').count()).toBe(0);
    await agent.getByRole('button', { name: 'Remplacer le lien (l’ancien ne marchera plus)' }).waitFor();
    await agent.getByRole('button', { name: 'Révoquer le lien' }).click();
    await agent.getByTestId('ics-message').getByText(/^Lien révoqué/).waitFor();
    await feedStatus.getByText('Aucun lien d’abonnement actif.').waitFor();
    expect((await fetch(url)).status).toBe(404);
    await agentContext.close();
  });

  it('an absence lists the bookings it affects: one goes to a free colleague, the other is cancelled with notice', async () => {
    const admin = await signIn(t.baseUrl, 'admin');
    const colleagueId = await createAgent(admin, t.dataSource, 'collegue@demo.visio-msap.fr', ids.ddfipId);
    await putWeekly(admin, `/api/agents/${colleagueId}/availability`, everyDay('09:00', '17:00'));
    const mondayNext = monday;
    const [booth1] = await t.dataSource.query(`SELECT id FROM booths WHERE msap_site_id = $1 AND name = 'Cabine 1'`, [pithiviersId]);
    for (const [time, name] of [['09:00', 'Alain Confie'], ['10:00', 'Berthe Annulee']]) {
      await coordinatorApi.agent
        .post('/api/consultations')
        .set('X-CSRF-Token', coordinatorApi.csrf)
        .send({ boothId: booth1.id, agentId: ids.demoAgentId, consultationTypeId: ids.incomeTaxTypeId, startsAt: at(mondayNext, time!), citizen: { name, phone: '0611111111' } })
        .expect(201);
    }

    const context = await chrome.browser.newContext();
    const page = await context.newPage();
    await signInUi(page, t.baseUrl, 'coordinator', '/coordination');
    await page.getByRole('link', { name: 'Absences', exact: true }).click();
    await page.getByLabel('Agent *').selectOption({ label: 'Antoine Agent' });
    await page.getByLabel('Début de l’absence').fill(mondayNext.toISODate()!);
    await page.getByLabel('Fin de l’absence').fill(mondayNext.toISODate()!);
    await page.getByLabel('Motif', { exact: true }).fill('Formation');
    await page.getByRole('button', { name: 'Déclarer l’absence' }).click();
    const result = page.getByRole('heading', { name: 'Absence enregistrée. 2 rendez-vous concernés.' });
    await result.waitFor();
    expect(await isFocused(result)).toBe(true);

    const first = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Alain Confie$/ }) });
    // Each booking says what and where, so the coordinator can tell them apart before settling them.
    expect(await first.getByTestId('affected-place').textContent()).toMatch(/^Impôt sur le revenu.* · Cabine 1, France Services de Pithiviers$/);
    expect(await first.getByLabel('Confier à').locator('option').allTextContents()).toEqual(['collegue']);
    await first.getByRole('button', { name: 'Confier à ce collègue' }).click();
    await first.getByRole('status').getByText('Confié à collegue.').waitFor();
    const second = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Berthe Annulee$/ }) });
    await second.getByRole('button', { name: 'Annuler et prévenir l’usager' }).click();
    // Asked first, with where the reason goes (the citizen's mobile).
    const asked = second.getByRole('alertdialog');
    await asked.getByText('Ce motif sera envoyé à Berthe Annulee par SMS au 06 11 11 11 11.').waitFor();
    await asked.getByRole('button', { name: 'Oui, annuler le rendez-vous' }).click();
    await second.getByRole('status').getByText('Rendez-vous annulé. Usager prévenu par SMS.').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'absence.png'), fullPage: true });

    const rows = await t.dataSource.query(
      `SELECT citizen_name, agent_id, status, cancellation_reason, cancellation_cause FROM consultations WHERE citizen_name IN ('Alain Confie', 'Berthe Annulee') ORDER BY starts_at`,
    );
    expect(rows).toEqual([
      { citizen_name: 'Alain Confie', agent_id: colleagueId, status: 'scheduled', cancellation_reason: null, cancellation_cause: null },
      { citizen_name: 'Berthe Annulee', agent_id: ids.demoAgentId, status: 'cancelled', cancellation_reason: 'Absence de l’agent', cancellation_cause: 'agent_absence' },
    ]);
    await context.close();
  });

  it('the mass-cancellation wizard previews, counts SMS segments live, runs with a progress bar and ends with the report; the outbox shows the messages', async () => {
    const friday = monday.plus({ days: 4 });
    const [booth1] = await t.dataSource.query(`SELECT id FROM booths WHERE msap_site_id = $1 AND name = 'Cabine 1'`, [pithiviersId]);
    const citizens = [
      { name: 'Lucie Sms', phone: '06 11 22 33 44' },
      { name: 'Marc Courriel', email: 'marc@example.fr' },
      { name: 'Rose Sanscontact' },
    ];
    for (const [i, citizen] of citizens.entries()) {
      await coordinatorApi.agent
        .post('/api/consultations')
        .set('X-CSRF-Token', coordinatorApi.csrf)
        .send({ boothId: booth1.id, agentId: ids.demoAgentId, consultationTypeId: ids.incomeTaxTypeId, startsAt: at(friday, ['09:00', '10:00', '11:00'][i]!), citizen })
        .expect(201);
    }

    // Times are Paris times whatever the coordinator's computer is set to.
    const context = await chrome.browser.newContext({ timezoneId: FAR_ZONE });
    const page = await context.newPage();
    await signInUi(page, t.baseUrl, 'coordinator', '/coordination');
    await page.getByRole('link', { name: 'Annulation groupée' }).click();
    await page.getByLabel('Agent *').selectOption({ label: 'Antoine Agent' });
    await page.getByLabel('Du', { exact: true }).fill(friday.toISODate()!);
    await page.getByLabel('Au', { exact: true }).fill(friday.toISODate()!);
    await page.getByRole('button', { name: 'Voir les rendez-vous concernés' }).click();
    const count = page.getByTestId('mass-preview-count');
    await count.getByText('3 rendez-vous seront annulés.').waitFor();
    expect(await isFocused(page.getByRole('heading', { level: 2, name: /Aperçu/ }))).toBe(true);
    expect(await count.textContent()).toContain('dont 1 usager sans portable ni adresse électronique');
    for (const c of citizens) await page.getByRole('rowheader', { name: c.name }).waitFor();
    const lucieRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Lucie Sms' }) });
    expect(await lucieRow.getByRole('cell').first().textContent()).toBe(frenchWhen(friday.set({ hour: 9 })));
    await page.getByRole('button', { name: 'Suivant' }).click();

    // The message: an unknown placeholder is flagged; the counter follows the text (the server's
    // rendering for the first citizen with a mobile, once the typing pauses).
    const message = page.getByLabel('Message aux usagers');
    const counter = page.getByTestId('sms-counter');
    await message.fill('Bonjour {nom}, {inconnu}');
    await page.getByText('Champs inconnus dans le message : {inconnu}.').waitFor();
    await message.fill('Bonjour {nom}, votre rendez-vous du {date} est annulé. Appelez la France Services.');
    // The length in plain words: no "GSM-7" nor "UCS-2" jargon.
    await counter.getByText(/^\d+ caractères pour Lucie Sms : 1 SMS\.$/).waitFor();
    await message.fill(`Bonjour {nom}, ${'votre rendez-vous est annulé, nous vous rappellerons. '.repeat(4)}`);
    await counter.getByText(/ : 2 SMS\.$/).waitFor();
    await message.fill('Bonjour {nom}, votre rendez-vous du {date} est annulé 🙏');
    await counter.getByText(/ : \d SMS, accents conservés\. Pour les garder, un SMS compte 70 caractères au lieu de 160\.$/).waitFor();
    // Long, with characters plain SMS lack: those lose their accent, and the counter says so.
    await message.fill(`Bonjour {nom}, ${'votre rendez-vous est annulé ; être rappelé reste possible. '.repeat(3)}`);
    await counter.getByText(/ : \d SMS, sans certains accents\. Pour ne pas multiplier les SMS/).waitFor();
    expect(await page.getByTestId('sms-sample').textContent()).toContain('etre rappelé');
    await message.fill('Bonjour {nom}, votre rendez-vous du {date} est annulé. Appelez la France Services.');
    await counter.getByText(/^\d+ caractères pour Lucie Sms : 1 SMS\.$/).waitFor();
    const sample = (await page.getByTestId('sms-sample').textContent())!;
    expect(sample).toMatch(/^Bonjour Lucie Sms, votre rendez-vous du vendredi .* à 9 h est annulé\. Appelez la France Services\.$/);
    const counted = /^(\d+) caractères pour/.exec((await counter.textContent())!)![1];
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('button', { name: 'Annuler 3 rendez-vous' }).click();

    await page.locator('#mass-progress-bar').waitFor();
    await page.getByTestId('mass-progress-text').getByText('3 sur 3 rendez-vous traités — Annulation terminée.').waitFor({ timeout: 30_000 });
    const figures = await page.getByTestId('mass-figures').textContent();
    expect(figures).toContain('Rendez-vous annulés : 3');
    expect(figures).toContain('Usagers prévenus : 2');
    expect(figures).toContain('Envois échoués : 0');
    expect(figures).toContain('Usagers sans contact : 1');
    const toCall = page.getByTestId('to-call');
    await toCall.getByRole('rowheader', { name: 'Rose Sanscontact' }).waitFor();
    expect(await toCall.getByRole('row').count()).toBe(2);
    const roseRow = toCall.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Rose Sanscontact' }) });
    expect(await roseRow.getByRole('cell').first().textContent()).toBe(frenchWhen(friday.set({ hour: 11 })));
    await page.screenshot({ path: join(SCREENSHOTS, 'mass-cancellation-report.png'), fullPage: true });
    const statuses = await t.dataSource.query(`SELECT DISTINCT status FROM consultations WHERE citizen_name = ANY($1)`, [citizens.map((c) => c.name)]);
    expect(statuses).toEqual([{ status: 'cancelled' }]);

    // The outbox lists what was written: the personalised SMS and e-mail, sent to the local outbox.
    await page.getByRole('link', { name: 'Messages envoyés' }).click();
    const outbox = page.getByTestId('outbox');
    const sms = outbox.getByRole('row').filter({ hasText: '+33611223344' }).filter({ hasText: 'Annulation' });
    await sms.first().waitFor();
    expect(await sms.count()).toBe(1);
    const smsText = await sms.textContent();
    expect(smsText).toContain('SMS');
    // The wizard measured exactly the text the citizen gets.
    expect(smsText).toContain(sample);
    expect(smsText).toContain('1 SMS');
    expect(smsText).not.toMatch(/GSM-7|UCS-2/);
    expect([...sample].length).toBe(Number(counted));
    expect(smsText).toContain('Envoyé');
    // The date column: when the message was written, in Paris.
    const [written] = await t.dataSource.query(`SELECT created_at FROM notification_outbox WHERE recipient = '+33611223344' AND event = 'cancelled'`);
    expect(await sms.getByRole('cell').first().textContent()).toBe(frenchWhen(DateTime.fromJSDate(written.created_at)));
    await outbox.getByRole('row').filter({ hasText: 'marc@example.fr' }).filter({ hasText: 'Annulation' }).first().waitFor();
    // Rose has neither phone nor e-mail: nothing sent to her, a call to make instead.
    const rose = outbox.getByRole('row').filter({ hasText: 'Rose Sanscontact' }).filter({ hasText: 'Annulation' }).filter({ hasNotText: 'Courriel agent' });
    expect(await rose.count()).toBe(1);
    expect(await rose.textContent()).toContain('À appeler');
    // Filtering by channel keeps only SMS (the fourth column, after the state).
    await page.getByLabel('Canal').selectOption({ label: 'SMS' });
    // A function, not a string: the app's CSP forbids eval.
    await waitFor('only SMS rows', async () =>
      (await outbox.locator('tbody tr td:nth-child(4)').allTextContents()).every((text) => text.startsWith('SMS')) ? true : undefined,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'outbox.png'), fullPage: true });
    await context.close();
  });
});
