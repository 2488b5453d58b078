import { DateTime } from 'luxon';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { auditPage, blocking, describeViolations } from '../support/a11y';
import { startTestApp, TestApp } from '../support/app';
import { closeSuite, launchChromium, TestBrowser, waitFor } from '../support/browser';
import { snapshot } from '../support/call-page';
import { demoIds } from '../support/demo-data';
import { ROOT } from '../support/process';
import { at, everyDay, mondayIn, PARIS, putWeekly, schedulingIds } from '../support/scheduling';
import { signIn, SignedIn } from '../support/session';
import { demoAccount, isFocused } from '../support/ui';

const SHOTS = '/tmp/shots-absences';
const DESK_PC = { width: 1280, height: 720 };
/** "mardi 7 avril 2026": the day as the page words it. */
const dayWords = (d: DateTime) => `${d.setLocale('fr').toFormat('cccc')} ${d.day === 1 ? '1er' : d.day} ${d.setLocale('fr').toFormat('LLLL yyyy')}`;

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = blocking(await auditPage(page));
  expect(`${what}: ${describeViolations(violations)}`).toBe(`${what}: `);
}

/** Signs in through the form of the page the browser is on (the sign-in page a deep link led to). */
async function signInHere(page: Page, role: string): Promise<void> {
  const { email, password } = demoAccount(role);
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.keyboard.press('Enter');
}

/**
 * A coordinator handles an agent's absence in the browser as they would: the page opened from a
 * link while signed out, a part-day absence declared over a booking, the booking moved to the next
 * free slot, an overlapping absence refused, the list read and an absence deleted. Then the agent's
 * "Rejoindre" before the call opens. Each step runs on the page the previous one left.
 */
describe('absences page in Chromium', () => {
  let t: TestApp;
  let chrome: TestBrowser;
  const contexts: BrowserContext[] = [];
  let coordinator: SignedIn;
  let ids: Awaited<ReturnType<typeof demoIds>> & Awaited<ReturnType<typeof schedulingIds>>;
  let page: Page;
  /** Tuesday next week: the MSAP opens 09:00–12:30 and 13:30–17:30, the demo agent works 09:00–12:00 and 13:30–17:00. */
  const tuesday = mondayIn(1).plus({ days: 1 });
  let bookingId: string;
  let unreachableId: string;

  beforeAll(async () => {
    const dist = process.env.CLIENT_DIST_DIR ?? join(ROOT, 'dist', 'client');
    if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} has no client build: build one (see helper notes) or run 'npm run build:client'`);
    mkdirSync(SHOTS, { recursive: true });
    // The call opens a minute before its start: the agent's page is seen turning "Rejoindre" on by itself.
    t = await startTestApp({ LOGIN_RATE_LIMIT: '100', JOIN_MARGIN_MINUTES: '1' });
    ids = { ...(await demoIds(t.dataSource)), ...(await schedulingIds(t.dataSource)) };
    coordinator = await signIn(t.baseUrl, 'coordinator');
    const booked = await coordinator.agent
      .post('/api/consultations')
      .set('X-CSRF-Token', coordinator.csrf)
      .send({
        boothId: ids.pithiviersBoothId,
        agentId: ids.demoAgentId,
        consultationTypeId: ids.incomeTaxTypeId,
        startsAt: at(tuesday, '09:00'),
        citizen: { name: 'Jeanne Déplacée', phone: '06 12 34 56 78' },
      })
      .expect(201);
    bookingId = booked.body.id;
    // A second booking hit by the same absence, of a citizen who left no contact: cancelled from the page.
    const unreachable = await coordinator.agent
      .post('/api/consultations')
      .set('X-CSRF-Token', coordinator.csrf)
      .send({ boothId: ids.pithiviersBoothId, agentId: ids.demoAgentId, consultationTypeId: ids.incomeTaxTypeId, startsAt: at(tuesday, '10:30'), citizen: { name: 'Marc Sanscontact' } })
      .expect(201);
    unreachableId = unreachable.body.id;
    chrome = await launchChromium();
    const context = await chrome.browser.newContext({ viewport: DESK_PC, locale: 'fr-FR', timezoneId: PARIS });
    contexts.push(context);
    page = await context.newPage();
  }, 120_000);
  afterAll(() => closeSuite(contexts, chrome, t));

  it('a link to the absences page opened while signed out comes back to it after signing in', async () => {
    await page.goto(`${t.baseUrl}/coordination/absences`);
    await page.waitForURL(`${t.baseUrl}/connexion?retour=%2Fcoordination%2Fabsences`);
    await page.getByText('Connectez-vous pour accéder à la page demandée').waitFor();
    await signInHere(page, 'coordinator');
    await page.waitForURL(`${t.baseUrl}/coordination/absences`);
    await page.getByRole('heading', { level: 1, name: 'Absences des agents' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Coordination' }).getByRole('link', { name: 'Absences' }).getAttribute('aria-current')).toBe('page');
  });

  it('declares a part-day absence over a booking and moves the booking to the next free slot, the citizen told', async () => {
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Déclarer l’absence' }) });
    await form.getByLabel('Agent *').selectOption({ label: 'Antoine Agent' });
    // Whole days is the default; a part of a day takes a time each side.
    expect(await form.getByLabel('Journées entières').isChecked()).toBe(true);
    await form.getByText('Journées entières').click();
    await form.getByLabel('Début de l’absence').fill(tuesday.toISODate()!);
    await form.getByLabel('Heure de début').fill('08:00');
    await form.getByLabel('Fin de l’absence').fill(tuesday.toISODate()!);
    await form.getByLabel('Heure de fin').fill('12:00');
    await form.getByLabel('Motif', { exact: true }).fill('Formation');
    await form.getByRole('button', { name: 'Déclarer l’absence' }).click();
    const result = page.getByRole('heading', { name: 'Absence enregistrée. 2 rendez-vous concernés.' });
    await result.waitFor();
    expect(await isFocused(result)).toBe(true);
    // The list says how many bookings the absence leaves to settle, and follows as they are.
    const toSettle = page.getByTestId('absence-row').filter({ hasText: `le ${dayWords(tuesday)} de 8 h à 12 h` }).getByTestId('absence-to-settle');
    await toSettle.getByText('2 à traiter', { exact: true }).waitFor();
    const booking = page.getByTestId('affected-booking').filter({ has: page.getByRole('heading', { name: /Jeanne Déplacée$/ }) });
    await booking.getByRole('heading', { name: `${dayWords(tuesday)} à 9 h — Jeanne Déplacée` }).waitFor();
    await booking.getByText('Aucun collègue libre à cette heure.').waitFor();

    // The proposal is shown before anything is booked.
    await booking.getByRole('button', { name: 'Proposer un autre créneau' }).click();
    const proposal = booking.getByTestId('slot-proposal');
    await proposal.getByText(`Prochain créneau libre : ${dayWords(tuesday)} à 13 h 30, avec Antoine Agent, Cabine 1.`).waitFor();
    expect(await isFocused(proposal.getByText(/^Prochain créneau libre/))).toBe(true);
    expect((await t.dataSource.query(`SELECT starts_at FROM consultations WHERE id = $1`, [bookingId]))[0].starts_at.toISOString()).toBe(new Date(at(tuesday, '09:00')).toISOString());
    await expectAccessible(page, 'absences (proposal)');
    await page.screenshot({ path: join(SHOTS, '1-proposal.png') });

    await proposal.getByRole('button', { name: 'Réserver ce créneau et prévenir l’usager' }).click();
    await booking.getByRole('status').getByText(`Déplacé au ${dayWords(tuesday)} à 13 h 30, avec Antoine Agent. Usager prévenu par SMS.`).waitFor();
    const [moved] = await t.dataSource.query(`SELECT starts_at, agent_id, booth_id FROM consultations WHERE id = $1`, [bookingId]);
    expect(moved).toEqual({ starts_at: new Date(at(tuesday, '13:30')), agent_id: ids.demoAgentId, booth_id: ids.pithiviersBoothId });
    const sms = await t.dataSource.query(`SELECT recipient, body FROM notification_outbox WHERE consultation_id = $1 AND event = 'rescheduled' AND channel = 'sms'`, [bookingId]);
    expect(sms).toHaveLength(1);
    expect(sms[0].recipient).toBe('+33612345678');
    expect(sms[0].body).toContain('13 h 30');
    await toSettle.getByText('1 à traiter', { exact: true }).waitFor();
    await page.screenshot({ path: join(SHOTS, '2-moved.png'), fullPage: true });
  });

  it('cancels a booking only once asked, showing where the reason goes and its exact text, and says who is told', async () => {
    const booking = page.getByTestId('affected-booking').filter({ has: page.getByRole('heading', { name: /Marc Sanscontact$/ }) });
    await booking.getByText('Ce motif ne sera pas envoyé : pas de coordonnées. Le rendez-vous ira dans la liste « À appeler ».').first().waitFor();
    await booking.getByRole('button', { name: 'Annuler et prévenir l’usager' }).click();
    const dialog = booking.getByRole('alertdialog', { name: `Annuler le rendez-vous de Marc Sanscontact du ${dayWords(tuesday)} à 10 h 30 ?` });
    await dialog.waitFor();
    expect(await isFocused(dialog.getByText(/^Annuler le rendez-vous de Marc Sanscontact/))).toBe(true);
    // Nothing is cancelled yet; the dialog says where the reason goes and shows what would be said.
    expect((await t.dataSource.query(`SELECT status FROM consultations WHERE id = $1`, [unreachableId]))[0].status).toBe('scheduled');
    await dialog.getByText('Ce motif ne sera pas envoyé : pas de coordonnées. Le rendez-vous ira dans la liste « À appeler ».').waitFor();
    const notice = dialog.getByTestId('cancel-notice');
    await notice.locator('figure[data-channel="call"]').getByText('À dire au téléphone').waitFor();
    expect(await notice.locator('blockquote').textContent()).toMatch(/est annulé\. Motif : Absence de l’agent$/);
    // Only the one-sentence summary is a live region, not the text itself.
    expect(await notice.getByRole('status').textContent()).toBe('Le motif ne sera pas envoyé : l’usager sera dans la liste « À appeler ».');
    expect(await notice.locator('[aria-live] blockquote, [role="status"] blockquote').count()).toBe(0);
    await expectAccessible(page, 'absences (cancellation asked)');
    await page.screenshot({ path: join(SHOTS, '2b-cancel-asked.png') });
    await page.setViewportSize({ width: 800, height: 1280 });
    await page.screenshot({ path: join(SHOTS, '2b-cancel-asked-tablet.png') });
    await page.setViewportSize(DESK_PC);

    // The safe answer keeps it; the other cancels, and the result does not claim the citizen was told.
    await dialog.getByRole('button', { name: 'Garder le rendez-vous' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await t.dataSource.query(`SELECT status FROM consultations WHERE id = $1`, [unreachableId]))[0].status).toBe('scheduled');
    await booking.getByRole('button', { name: 'Annuler et prévenir l’usager' }).click();
    await booking.getByRole('alertdialog').getByRole('button', { name: 'Oui, annuler le rendez-vous' }).click();
    const done = booking.getByRole('status').filter({ hasText: 'Rendez-vous annulé.' });
    await done.getByText('Rendez-vous annulé. Usager sans portable ni courriel : il est dans la liste « À appeler », appelez-le pour le prévenir.').waitFor();
    expect(await done.textContent()).not.toContain('Usager prévenu');
    // Counted by the statistics as cancelled for the agent's absence.
    const [cancelled] = await t.dataSource.query(`SELECT status, cancellation_reason, cancellation_cause FROM consultations WHERE id = $1`, [unreachableId]);
    expect(cancelled).toEqual({ status: 'cancelled', cancellation_reason: 'Absence de l’agent', cancellation_cause: 'agent_absence' });
    const [audited] = await t.dataSource.query(`SELECT actor_user_id, request_id FROM audit_events WHERE action = 'consultation.cancelled' AND subject_id = $1`, [unreachableId]);
    expect(audited).toMatchObject({ actor_user_id: coordinator.userId, request_id: expect.stringMatching(/\S/) });
    await page
      .getByTestId('absence-row')
      .filter({ hasText: `le ${dayWords(tuesday)} de 8 h à 12 h` })
      .getByTestId('absence-to-settle')
      .getByText('Aucun', { exact: true })
      .waitFor();
    await page.screenshot({ path: join(SHOTS, '2c-cancelled.png'), fullPage: true });
  });

  it('lists the absence, refuses one over it with its French reason, and deletes it after asking', async () => {
    const period = `le ${dayWords(tuesday)} de 8 h à 12 h`;
    const row = page.getByTestId('absence-row').filter({ hasText: period });
    await row.getByRole('rowheader', { name: /Antoine Agent/ }).waitFor();
    await row.getByRole('cell', { name: 'Formation' }).waitFor();

    // An overlapping absence: refused, the summary says why and names the one already there.
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Déclarer l’absence' }) });
    await form.getByLabel('Heure de début').fill('10:00');
    await form.getByLabel('Heure de fin').fill('11:00');
    await form.getByRole('button', { name: 'Déclarer l’absence' }).click();
    const summary = page.getByTestId('form-error').first();
    await summary.getByText(`Cette absence chevauche une absence déjà déclarée pour cet agent. Absence déjà déclarée : ${period}.`).waitFor();
    expect(await isFocused(summary)).toBe(true);
    // The previous declaration's answer is gone: it would read as if this one had been saved.
    expect(await page.getByRole('heading', { name: /^Absence enregistrée/ }).count()).toBe(0);
    expect(await form.getByText('chevauche une absence déjà déclarée', { exact: true }).count()).toBe(2);
    await expectAccessible(page, 'absences (overlap refused)');
    await page.screenshot({ path: join(SHOTS, '3-overlap.png') });
    // An end before the start: named in French, under the end.
    await form.getByLabel('Heure de début').fill('15:00');
    await form.getByLabel('Heure de fin').fill('14:00');
    await form.getByRole('button', { name: 'Déclarer l’absence' }).click();
    await summary.getByText('Certains champs sont à corriger. Fin : la fin doit être après le début.').waitFor();
    // Within one day, under the end time (the field to correct), not under the date.
    const timeGroup = form.locator('.fr-input-group').filter({ has: page.getByLabel('Heure de fin') });
    await timeGroup.getByText('la fin doit être après le début', { exact: true }).waitFor();
    expect(await form.getByText('la fin doit être après le début', { exact: true }).count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, '3b-end-before-start.png') });
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM agent_absences`))[0].n).toBe(1);

    // "Journées entières" again: a whole day is listed as such.
    await form.getByText('Journées entières').click();
    await form.getByLabel('Début de l’absence').fill(tuesday.plus({ days: 1 }).toISODate()!);
    await form.getByLabel('Fin de l’absence (jour inclus)').fill(tuesday.plus({ days: 1 }).toISODate()!);
    await form.getByRole('button', { name: 'Déclarer l’absence' }).click();
    await page.getByRole('heading', { name: 'Absence enregistrée. Aucun rendez-vous concerné.' }).waitFor();
    await page.getByTestId('absence-row').filter({ hasText: `le ${dayWords(tuesday.plus({ days: 1 }))} (journée entière)` }).waitFor();
    await page.screenshot({ path: join(SHOTS, '4-list.png'), fullPage: true });
    await page.setViewportSize({ width: 800, height: 1280 });
    await page.screenshot({ path: join(SHOTS, '4-list-tablet.png'), fullPage: true });
    await page.setViewportSize(DESK_PC);

    // The bookings an absence still hits, from the list: the one moved away no longer is.
    await row.getByRole('button', { name: `Rendez-vous concernés par l’absence de Antoine Agent, ${period}` }).click();
    const impact = page.getByRole('heading', { name: `Rendez-vous concernés par l’absence de Antoine Agent (${period})` });
    await impact.waitFor();
    expect(await isFocused(impact)).toBe(true);
    await page.locator('section').filter({ has: impact }).getByText('Aucun rendez-vous prévu pendant cette absence.').waitFor();

    // Delete asks first; "Garder" keeps it, the confirmation deletes it.
    const remove = row.getByRole('button', { name: `Supprimer l’absence de Antoine Agent, ${period}` });
    await remove.click();
    const dialog = page.getByRole('alertdialog', { name: `Supprimer l’absence de Antoine Agent, ${period} ?` });
    await dialog.waitFor();
    await expectAccessible(page, 'absences (delete asked)');
    await page.screenshot({ path: join(SHOTS, '5-delete-asked.png') });
    await dialog.getByRole('button', { name: 'Garder' }).click();
    await remove.click();
    await dialog.getByRole('button', { name: 'Supprimer l’absence' }).click();
    await page.getByRole('status').getByText(`Absence de Antoine Agent supprimée (${period}).`).waitFor();
    await row.waitFor({ state: 'detached' });
    const left = (await t.dataSource.query(`SELECT starts_at FROM agent_absences`)) as Array<{ starts_at: Date }>;
    expect(left.map((a) => a.starts_at.toISOString())).toEqual([new Date(at(tuesday.plus({ days: 1 }), '00:00')).toISOString()]);
    const [audited] = await t.dataSource.query(`SELECT actor_user_id, details, request_id FROM audit_events WHERE action = 'absence.deleted'`);
    expect(audited).toMatchObject({ actor_user_id: coordinator.userId, details: { agentId: ids.demoAgentId, startsAt: new Date(at(tuesday, '08:00')).toISOString() } });
    expect(audited.request_id).toMatch(/\S/);
  });

  it("the agent's Rejoindre says when the call opens, does nothing when pressed early, and opens on time without a reload", async () => {
    // Every day, all day: the test runs at any hour.
    await putWeekly(coordinator, `/api/agents/${ids.demoAgentId}/availability`, everyDay('00:00', '24:00'));
    await putWeekly(coordinator, `/api/msap-sites/${ids.pithiviersId}/opening-hours`, everyDay('00:00', '24:00'));

    const context = await chrome.browser.newContext({ viewport: DESK_PC, locale: 'fr-FR', timezoneId: PARIS });
    contexts.push(context);
    const agentPage = await context.newPage();
    // The agent's link to their day, opened signed out, also comes back after signing in.
    await agentPage.goto(`${t.baseUrl}/agent/agenda`);
    await agentPage.waitForURL('**/connexion?retour=%2Fagent%2Fagenda');
    await signInHere(agentPage, 'agent');
    await agentPage.waitForURL(`${t.baseUrl}/agent/agenda`);

    // Booked on a whole minute, the call opening one minute before (JOIN_MARGIN_MINUTES=1): at the
    // first whole minute at least OPENS_AFTER_S seconds away, time enough to see the page before it
    // opens (the wait is then 20 to 80 s, not 60 to 120).
    const OPENS_AFTER_S = 20;
    const start = DateTime.now().setZone(PARIS).plus({ minutes: 2, seconds: OPENS_AFTER_S }).startOf('minute');
    const booked = await coordinator.agent
      .post('/api/consultations')
      .set('X-CSRF-Token', coordinator.csrf)
      .send({ boothId: ids.pithiviersBoothId, agentId: ids.demoAgentId, consultationTypeId: ids.incomeTaxTypeId, startsAt: start.toISO(), citizen: { name: 'Paul Bientôt' } })
      .expect(201);
    const opens = start.minus({ minutes: 1 });
    const time = opens.minute === 0 ? `${opens.hour} h` : `${opens.hour} h ${opens.toFormat('mm')}`;
    await agentPage.goto(`${t.baseUrl}/agent`);
    const item = agentPage.getByRole('listitem').filter({ hasText: 'Paul Bientôt' });
    // Today's page when the call is today (always, but for a run a few minutes before midnight).
    const waiting = item.getByTestId('join-waiting');
    if (!start.hasSame(DateTime.now().setZone(PARIS), 'day')) return;
    await waiting.getByText(new RegExp(`^La salle ouvre à ${time} \\(dans (\\d min|moins d’une minute)\\)$`)).waitFor();
    const early = waiting.getByRole('button', { name: 'Rejoindre la téléconsultation' });
    expect(await early.getAttribute('aria-disabled')).toBe('true');
    expect(await early.getAttribute('aria-describedby')).toBeTruthy();
    await expectAccessible(agentPage, 'agent home (call not open yet)');
    await agentPage.screenshot({ path: join(SHOTS, '6-agent-before.png') });
    // Pressed early, by keyboard (it stays focusable) or by pointer: nothing happens, no error.
    await early.focus();
    await agentPage.keyboard.press('Enter');
    await early.click({ force: true });
    expect(agentPage.url()).toBe(`${t.baseUrl}/agent`);
    expect(await agentPage.getByRole('alert').count()).toBe(0);

    // On time, by itself: the link, which the server accepts.
    const enter = item.getByRole('link', { name: 'Rejoindre la téléconsultation' });
    await enter.waitFor({ timeout: 200_000 });
    expect(Date.now()).toBeGreaterThanOrEqual(opens.toMillis() - 2_000);
    await agentPage.screenshot({ path: join(SHOTS, '7-agent-open.png') });
    await enter.click();
    await agentPage.waitForURL(`**/consultation/${booked.body.id}`);
    const state = await waitFor('the agent to be in the call', async () => {
      const s = await snapshot(agentPage);
      return s.status === 'lobby' || s.status === 'call' || s.status === 'refused' ? s.status : undefined;
    });
    expect(state).not.toBe('refused');
  }, 300_000);
});
