import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { BrowserContext, Page } from 'playwright-core';
import { auditPage, describeViolations } from '../support/a11y';
import { startTestApp, TestApp } from '../support/app';
import { closeSuite, launchChromium, TestBrowser, waitFor } from '../support/browser';
import { ROOT } from '../support/process';
import { at, mondayIn, PARIS, schedulingIds, SchedulingIds } from '../support/scheduling';
import { signIn, SignedIn } from '../support/session';
import { isFocused, signInUi } from '../support/ui';

const SHOTS = '/tmp/shots-schedules';
const DESK_PC = { width: 1280, height: 720 };
const TABLET = { width: 800, height: 1280 };
const PITHIVIERS = 'France Services de Pithiviers';
const INCOME_TAX = 'Impôt sur le revenu : déclaration, avis (30 min)';

/** axe-core finds nothing at all on the page as it is now (WCAG 2.1 A and AA). */
async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await auditPage(page);
  expect(`${what}: ${describeViolations(violations)}`).toBe(`${what}: `);
}

/** The page at both sizes, whole: a desk's screen and a portrait tablet. */
async function screenshots(page: Page, name: string): Promise<void> {
  for (const [size, viewport] of [
    ['1280x720', DESK_PC],
    ['800x1280', TABLET],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(SHOTS, `${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize(DESK_PC);
}

/**
 * A coordinator sets the schedules from the screens, as they would: signed in through the form,
 * each page opened from the coordination home or navigation, every value typed in its field. Each
 * step runs on the page the previous one left; the database and the slot search say what changed.
 */
describe('schedule settings in Chromium', () => {
  let t: TestApp;
  let chrome: TestBrowser;
  let context: BrowserContext;
  let page: Page;
  let ids: SchedulingIds;
  let coordinator: SignedIn;
  let pithiviersId: string;
  let boothId: string;
  /** A Monday two weeks ahead: every slot of it is in the future. */
  const monday = mondayIn(2);
  const mondayDate = monday.toISODate()!;
  const nextYear = DateTime.now().setZone(PARIS).year + 1;

  const nav = () => page.getByRole('navigation', { name: 'Coordination' });
  const searchMonday = async () => {
    await page.getByLabel('Objet du rendez-vous *').selectOption({ label: INCOME_TAX });
    await page.getByLabel('France Services *').selectOption({ label: PITHIVIERS });
    await page.getByLabel('Du', { exact: true }).fill(mondayDate);
    await page.getByLabel('Au', { exact: true }).fill(mondayDate);
    await page.getByRole('button', { name: 'Rechercher les créneaux libres' }).click();
    await page.getByRole('heading', { name: /^\d+ créneaux libres$/ }).waitFor();
  };
  const firstSlot = async () => (await page.getByRole('button', { name: /^Réserver le lundi / }).first().getAttribute('aria-label')) ?? '';
  const book = async (hhmm: string, citizen: string): Promise<string> => {
    const res = await coordinator.agent
      .post('/api/consultations')
      .set('X-CSRF-Token', coordinator.csrf)
      .send({ boothId, agentId: ids.demoAgentId, consultationTypeId: ids.incomeTaxTypeId, startsAt: at(monday, hhmm), citizen: { name: citizen, phone: '06 12 34 56 78' } })
      .expect(201);
    return res.body.id as string;
  };
  const stored = async (path: string) => (await coordinator.agent.get(path).expect(200)).body;

  beforeAll(async () => {
    const dist = process.env.CLIENT_DIST_DIR ?? join(ROOT, 'dist', 'client');
    if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} has no index.html: build the client first (see README)`);
    mkdirSync(SHOTS, { recursive: true });
    t = await startTestApp({ LOGIN_RATE_LIMIT: '100' });
    chrome = await launchChromium();
    ids = await schedulingIds(t.dataSource);
    coordinator = await signIn(t.baseUrl, 'coordinator');
    [{ id: pithiviersId }] = await t.dataSource.query(`SELECT id FROM msap_sites WHERE name = $1`, [PITHIVIERS]);
    [{ id: boothId }] = await t.dataSource.query(`SELECT id FROM booths WHERE msap_site_id = $1 AND name = 'Cabine 1'`, [pithiviersId]);
    // A French desk. (The test machine's Chromium has only its en-US resources: its time fields still
    // show "01:30 PM" in the screenshots, where a French browser shows 13:30.)
    context = await chrome.browser.newContext({ viewport: DESK_PC, locale: 'fr-FR' });
    page = await context.newPage();
  });
  afterAll(() => closeSuite([context], chrome, t));

  it('opens from the coordination home; a France Services’ hours show in a week grid and a preview of the week', async () => {
    await signInUi(page, t.baseUrl, 'coordinator', '/coordination');
    await page.getByRole('link', { name: 'Horaires et fermetures des France Services' }).click();
    await page.waitForURL('**/coordination/horaires');
    await page.getByRole('heading', { level: 1, name: 'Horaires et fermetures' }).waitFor();
    await page.getByLabel('France Services', { exact: true }).selectOption({ label: `${PITHIVIERS} (Pithiviers)` });
    const mondayStart = page.getByLabel('Début (Lundi, plage 1)');
    await mondayStart.waitFor();
    expect(await mondayStart.inputValue()).toBe('09:00');
    expect(await page.getByLabel('Fin (Lundi, plage 2)').inputValue()).toBe('17:30');
    await page.getByTestId('opening-day-6').getByText('Fermé').waitFor();
    const preview = page.getByTestId('week-preview');
    expect(await preview.getByRole('row', { name: /^lundi/ }).getByRole('cell').last().textContent()).toBe('09:00–12:30, 13:30–17:30');
    expect(await preview.getByRole('row', { name: /^samedi/ }).getByRole('cell').last().textContent()).toBe('Fermé');
    // The preview starts today, and sits beside the hours: in sight without scrolling on a desk's screen.
    const today = DateTime.now().setZone(PARIS).setLocale('fr');
    expect(await preview.getByRole('rowheader').allTextContents()).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => today.plus({ days: i }).toFormat('cccc d LLLL')));
    const previewHeading = page.getByRole('heading', { level: 2, name: 'Aperçu de la semaine' });
    const box = (await previewHeading.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(DESK_PC.height);
    expect(box.x).toBeGreaterThan(DESK_PC.width / 2);
    await expectAccessible(page, 'opening hours');
    await screenshots(page, 'horaires');
  });

  it('typing key by key after adding a range: every key lands in the field typed into, not in the new range', async () => {
    await page.getByRole('button', { name: 'Ajouter une plage le Mardi' }).click();
    const added = page.getByLabel('Début (Mardi, plage 3)');
    expect(await isFocused(added)).toBe(true);
    // The new range starts where the day's last one ends.
    expect(await added.inputValue()).toBe('17:30');
    // Monday's closing time, typed as a person does (this Chromium shows hh:mm AM/PM: 04, 15, PM).
    const mondayEnd = page.getByLabel('Fin (Lundi, plage 2)');
    await mondayEnd.focus();
    await page.keyboard.type('0415P');
    expect(await mondayEnd.inputValue()).toBe('16:15');
    expect(await isFocused(mondayEnd)).toBe(true);
    expect(await added.inputValue()).toBe('17:30');
    // And again in another day's field: the focus stays where the person is.
    const thursdayStart = page.getByLabel('Début (Jeudi, plage 1)');
    await thursdayStart.focus();
    await page.keyboard.type('0830A');
    expect(await thursdayStart.inputValue()).toBe('08:30');
    expect(await mondayEnd.inputValue()).toBe('16:15');
    const preview = page.getByTestId('week-preview');
    await preview.getByRole('row', { name: /^lundi/ }).getByRole('cell', { name: '09:00–12:30, 13:30–16:15' }).waitFor();
    await page.getByRole('button', { name: 'Annuler les modifications' }).click();
    await page.getByText('Modifications non enregistrées.').waitFor({ state: 'detached' });
    expect(await page.getByLabel('Fin (Lundi, plage 2)').inputValue()).toBe('17:30');
  });

  it('mistakes show as they are typed, and nothing is saved while one remains', async () => {
    await page.getByRole('button', { name: 'Ajouter une plage le Mardi' }).click();
    const start = page.getByLabel('Début (Mardi, plage 3)');
    expect(await isFocused(start)).toBe(true);
    await start.fill('12:00');
    await page.getByLabel('Fin (Mardi, plage 3)').fill('13:00');
    await page.getByTestId('opening-day-2').getByText('cette plage chevauche une autre plage du même jour').waitFor();
    await page.getByText('Modifications non enregistrées.').waitFor();
    await page.getByLabel('Fin (Mardi, plage 3)').fill('11:00');
    await page.getByText('la fin doit être après le début').waitFor();
    await page.getByRole('button', { name: 'Enregistrer les heures d’ouverture' }).click();
    const summary = page.getByTestId('form-error');
    await summary.getByText('1 plage est à corriger.').waitFor();
    expect(await isFocused(summary)).toBe(true);
    // The summary says which range, and takes the person to its field (RGAA 11.10).
    const link = summary.getByRole('link', { name: 'Mardi, plage 3 : la fin doit être après le début' });
    await link.click();
    expect(await isFocused(page.getByLabel('Fin (Mardi, plage 3)'))).toBe(true);
    await screenshots(page, 'horaires-erreur');
    expect((await stored(`/api/msap-sites/${pithiviersId}/opening-hours`)).filter((r: { weekday: number }) => r.weekday === 2)).toHaveLength(2);
    await page.getByRole('button', { name: 'Retirer la plage (Mardi, plage 3)' }).click();
    expect(await isFocused(page.getByRole('button', { name: 'Ajouter une plage le Mardi' }))).toBe(true);
    await page.getByText('Modifications non enregistrées.').waitFor({ state: 'detached' });
  });

  it('opening at 10:00 on Mondays: saved, and the slot search stops offering 9 h', async () => {
    await nav().getByRole('link', { name: 'Trouver un créneau' }).click();
    await page.waitForURL('**/coordination/creneaux');
    await searchMonday();
    expect(await firstSlot()).toMatch(/ à 9 h$/);

    await nav().getByRole('link', { name: 'Horaires et fermetures' }).click();
    await page.getByLabel('France Services', { exact: true }).selectOption({ label: `${PITHIVIERS} (Pithiviers)` });
    await page.getByLabel('Début (Lundi, plage 1)').fill('10:00');
    const preview = page.getByTestId('week-preview');
    await preview.getByRole('row', { name: /^lundi/ }).getByRole('cell', { name: '10:00–12:30, 13:30–17:30' }).first().waitFor();
    await page.getByRole('button', { name: 'Enregistrer les heures d’ouverture' }).click();
    await page.getByTestId('hours-saved').getByText(`Heures d’ouverture de ${PITHIVIERS} enregistrées.`).waitFor();
    const mondays = (await stored(`/api/msap-sites/${pithiviersId}/opening-hours`)).filter((r: { weekday: number }) => r.weekday === 1);
    expect(mondays).toEqual([
      { weekday: 1, start: '10:00', end: '12:30' },
      { weekday: 1, start: '13:30', end: '17:30' },
    ]);

    await nav().getByRole('link', { name: 'Trouver un créneau' }).click();
    await searchMonday();
    expect(await firstSlot()).toMatch(/ à 10 h$/);
    expect(await page.getByRole('button', { name: /^Réserver le lundi .* à 9 h/ }).count()).toBe(0);
  });

  it('hours that leave bookings outside list them before saving; saved anyway, they stay listed until each is cancelled, moved or given another slot', async () => {
    const cancelled = await book('16:00', 'Louise Bernard');
    const moved = await book('16:30', 'Paul Petit');
    const proposed = await book('15:30', 'Marie Curie');
    await nav().getByRole('link', { name: 'Horaires et fermetures' }).click();
    await page.getByLabel('France Services', { exact: true }).selectOption({ label: `${PITHIVIERS} (Pithiviers)` });
    await page.getByLabel('Fin (Lundi, plage 2)').fill('15:00');
    await page.getByRole('button', { name: 'Enregistrer les heures d’ouverture' }).click();

    const review = page.getByTestId('impact-review');
    const question = review.getByText('Ces horaires laissent 3 rendez-vous déjà pris en dehors de l’ouverture. Enregistrer quand même ?');
    await question.waitFor();
    // The question has the focus and comes first: a screen reader reads it, then the bookings it is about.
    expect(await isFocused(question)).toBe(true);
    const list = review.getByRole('list', { name: 'Rendez-vous concernés par la modification' });
    const following = await question.evaluate((q, l) => Boolean((q as unknown as { compareDocumentPosition(other: unknown): number }).compareDocumentPosition(l) & 4), await list.elementHandle());
    expect(following).toBe(true);
    expect(await list.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/ à 15 h 30 — Marie Curie/),
      expect.stringMatching(/ à 16 h — Louise Bernard/),
      expect.stringMatching(/ à 16 h 30 — Paul Petit/),
    ]);
    // Nothing is saved before the yes.
    expect((await stored(`/api/msap-sites/${pithiviersId}/opening-hours`)).find((r: { weekday: number; start: string }) => r.weekday === 1 && r.start === '13:30').end).toBe('17:30');
    await screenshots(page, 'horaires-avant-enregistrement');
    await review.getByRole('button', { name: 'Enregistrer quand même' }).click();

    const affected = page.getByTestId('affected-bookings');
    const heading = affected.getByRole('heading', { name: '3 rendez-vous hors horaires ou pendant une fermeture à traiter' });
    await heading.waitFor();
    expect(await isFocused(heading)).toBe(true);
    await page.getByTestId('hours-saved').getByText(/enregistrées\.$/).waitFor();

    // Touching the form again does not hide them.
    await page.getByLabel('Début (Mardi, plage 1)').fill('08:30');
    await page.getByText('Modifications non enregistrées.').waitFor();
    expect(await heading.isVisible()).toBe(true);

    // Unsaved changes: leaving asks first. The browser's own question on closing or reloading…
    const leaving = () => page.evaluate<boolean>(`(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    })()`);
    expect(await leaving()).toBe(true);
    // … the same for a link of the application (answered "no": the page stays) …
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await nav().getByRole('link', { name: 'Trouver un créneau' }).click();
    expect(asked).toEqual(['confirm: Vos modifications ne sont pas enregistrées. Quitter la page et les abandonner ?']);
    expect(page.url()).toContain('/coordination/horaires');
    // … and, in the page, for another France Services: staying keeps the changes and goes back to the choice.
    const chooser = page.getByLabel('France Services', { exact: true });
    const other = (await chooser.locator('option').evaluateAll((options) => options.map((o) => (o as unknown as { label: string }).label))).find((l) => l.startsWith('France Services') && !l.startsWith(PITHIVIERS))!;
    await chooser.selectOption({ label: other });
    const switching = page.getByRole('alertdialog', { name: `Les heures d’ouverture modifiées de ${PITHIVIERS} ne sont pas enregistrées. Changer de France Services et abandonner ces modifications ?` });
    await switching.waitFor();
    await screenshots(page, 'horaires-changer-de-site');
    await switching.getByRole('button', { name: `Rester sur ${PITHIVIERS}` }).click();
    expect(await isFocused(chooser)).toBe(true);
    expect(await chooser.inputValue()).toBe(pithiviersId);
    expect(await page.getByLabel('Début (Mardi, plage 1)').inputValue()).toBe('08:30');
    await page.getByRole('button', { name: 'Annuler les modifications' }).click();
    await page.getByText('Modifications non enregistrées.').waitFor({ state: 'detached' });
    expect(await leaving()).toBe(false);

    // Coming back later, they are still there: the server lists the bookings the stored hours leave outside.
    await page.reload();
    await heading.waitFor();
    expect(await affected.getByTestId('affected-booking').count()).toBe(3);

    const louise = affected.getByTestId('affected-booking').filter({ hasText: 'Louise Bernard' });
    expect(await louise.getByLabel(/^Motif d’annulation/).inputValue()).toBe('Changement des horaires de la France Services');
    await louise.getByRole('button', { name: 'Annuler le rendez-vous' }).click();
    await louise.getByRole('button', { name: 'Oui, annuler le rendez-vous' }).click();
    await louise.getByText('Rendez-vous annulé. L’usager est prévenu.').waitFor();
    await affected.getByRole('heading', { name: '2 rendez-vous hors horaires ou pendant une fermeture à traiter' }).waitFor();

    // The old time, which no longer fits, is not offered again.
    const paul = affected.getByTestId('affected-booking').filter({ hasText: 'Paul Petit' });
    expect(await paul.getByLabel('Nouveau jour').inputValue()).toBe(mondayDate);
    expect(await paul.getByLabel('Nouvelle heure').inputValue()).toBe('');
    await paul.getByLabel('Nouvelle heure').fill('11:00');
    await paul.getByRole('button', { name: 'Déplacer', exact: true }).click();
    await paul.getByText(/^Rendez-vous déplacé au lundi .* à 11 h\. L’usager est prévenu\.$/).waitFor();

    // "Proposer un autre créneau": the nearest free slot at the booth, shown, then booked.
    const marie = affected.getByTestId('affected-booking').filter({ hasText: 'Marie Curie' });
    await marie.getByRole('button', { name: 'Proposer un autre créneau' }).click();
    const proposal = marie.getByTestId('slot-proposal');
    const proposalText = proposal.getByText(/^Prochain créneau libre : /);
    await proposalText.waitFor();
    expect(await proposalText.textContent()).toMatch(/^Prochain créneau libre : mardi .* à 9 h, avec Antoine Agent, Cabine 1\.$/);
    expect(await isFocused(proposalText)).toBe(true);
    await screenshots(page, 'horaires-proposition');
    await proposal.getByRole('button', { name: 'Réserver ce créneau et prévenir l’usager' }).click();
    const movedText = marie.getByText(/^Rendez-vous déplacé au mardi .* à 9 h, avec Antoine Agent\. Usager prévenu par SMS\.$/);
    await movedText.waitFor();
    await affected.getByRole('heading', { name: 'Tous les rendez-vous hors horaires ou pendant une fermeture sont traités.' }).waitFor();
    await screenshots(page, 'horaires-rendez-vous-traites');

    const rows = await t.dataSource.query(`SELECT id, status, starts_at FROM consultations WHERE id = ANY($1::uuid[])`, [[cancelled, moved, proposed]]);
    // Left outside the France Services' opening: counted by the statistics with the site's closures.
    const [cause] = await t.dataSource.query(`SELECT cancellation_cause FROM consultations WHERE id = $1`, [cancelled]);
    expect(cause.cancellation_cause).toBe('site_closure');
    expect(Object.fromEntries(rows.map((r: { id: string; status: string; starts_at: Date }) => [r.id, [r.status, r.starts_at.toISOString()]]))).toEqual({
      [cancelled]: ['cancelled', new Date(at(monday, '16:00')).toISOString()],
      [moved]: ['scheduled', new Date(at(monday, '11:00')).toISOString()],
      [proposed]: ['scheduled', new Date(at(monday.plus({ days: 1 }), '09:00')).toISOString()],
    });
    // The audit trail says where the proposed move came from.
    const [audit] = await t.dataSource.query(`SELECT actor_user_id, details, request_id FROM audit_events WHERE action = 'consultation.rescheduled' AND subject_id = $1`, [proposed]);
    expect(audit).toMatchObject({ actor_user_id: coordinator.userId, details: { via: 'schedule' } });
    expect(audit.request_id).toMatch(/\S/);

    // Settled, they are no longer listed once the page opens again.
    const answered = page.waitForResponse((r) => r.url().endsWith(`/api/msap-sites/${pithiviersId}/bookings-to-settle`));
    await page.reload();
    expect(await (await answered).json()).toEqual({ affected: [], total: 0 });
    await page.getByLabel('Début (Lundi, plage 1)').waitFor();
    expect(await affected.count()).toBe(0);
  });

  it('a bank holiday of next year, from the proposals, becomes a closure of the whole day', async () => {
    const holidays = page.getByTestId('bank-holidays');
    await holidays.getByLabel('Année').selectOption(String(nextYear));
    await holidays.getByRole('table', { name: `Jours fériés de ${nextYear}` }).waitFor();
    const easterMonday = holidays.getByRole('row').filter({ hasText: 'Lundi de Pâques' });
    await easterMonday.getByRole('button', { name: /^Ajouter la fermeture du lundi .* \(Lundi de Pâques\)$/ }).click();
    const added = holidays.getByTestId('holidays-added');
    await added.getByText(/^Fermeture ajoutée : lundi .* \(Lundi de Pâques\)\.$/).waitFor();
    await easterMonday.getByText('Déjà fermé').waitFor();
    // The button pressed is gone: the focus is on what happened, not lost at the top of the page.
    expect(await isFocused(added)).toBe(true);

    const [closure] = await t.dataSource.query(`SELECT starts_at, ends_at, reason FROM msap_closures WHERE msap_site_id = $1`, [pithiviersId]);
    const day = DateTime.fromJSDate(closure.starts_at).setZone(PARIS);
    expect({ weekday: day.weekday, time: day.toFormat('HH:mm'), hours: (closure.ends_at.getTime() - closure.starts_at.getTime()) / 3_600_000, reason: closure.reason }).toMatchObject({
      weekday: 1,
      time: '00:00',
      reason: 'Lundi de Pâques',
    });
    expect(day.month === 3 || day.month === 4).toBe(true);
    await page.getByTestId('closures').getByRole('row', { name: /Lundi de Pâques/ }).waitFor();
    await screenshots(page, 'horaires-jours-feries');

    // Removed again: its row and button go, the focus goes to the message saying so.
    const row = page.getByTestId('closures').getByRole('row', { name: /Lundi de Pâques/ });
    await row.getByRole('button', { name: /^Supprimer la fermeture : / }).click();
    await row.getByRole('button', { name: 'Supprimer la fermeture', exact: true }).click();
    const removed = page.getByTestId('closures-message');
    await removed.getByText(/^Fermeture supprimée : /).waitFor();
    expect(await isFocused(removed)).toBe(true);
    expect(await t.dataSource.query(`SELECT id FROM msap_closures WHERE msap_site_id = $1`, [pithiviersId])).toEqual([]);
  });

  it('an agent’s availability: a range no France Services could host is refused as typed; one partly outside is saved', async () => {
    await nav().getByRole('link', { name: 'Disponibilités des agents' }).click();
    await page.waitForURL('**/coordination/disponibilites');
    await page.getByRole('heading', { level: 1, name: 'Disponibilités des agents' }).waitFor();
    await page.getByLabel('Agent', { exact: true }).selectOption({ label: 'Antoine Agent — Conseiller fiscal' });
    await page.getByLabel('Début (Vendredi, plage 2)').waitFor();
    await expectAccessible(page, 'availability');

    await page.getByRole('button', { name: 'Retirer la plage (Vendredi, plage 2)' }).click();
    // Another agent while this one's changes are unsaved: asked in the page; staying keeps them.
    const chooser = page.getByLabel('Agent', { exact: true });
    const others = (await chooser.locator('option').evaluateAll((options) => options.map((o) => (o as unknown as { label: string }).label))).filter((l) => l && !l.startsWith('Antoine Agent') && l !== 'Sélectionner');
    await chooser.selectOption({ label: others[0]! });
    const switching = page.getByRole('alertdialog', { name: /^Les disponibilités modifiées de Antoine Agent ne sont pas enregistrées\./ });
    await switching.getByRole('button', { name: 'Rester sur Antoine Agent' }).click();
    expect(await isFocused(chooser)).toBe(true);
    expect(await page.getByLabel('Début (Vendredi, plage 2)').count()).toBe(0);

    await page.getByRole('button', { name: 'Ajouter une plage le Lundi' }).click();
    await page.getByLabel('Début (Lundi, plage 3)').fill('18:00');
    await page.getByLabel('Fin (Lundi, plage 3)').fill('20:00');
    await page.getByText('aucune France Services du département n’est ouverte à ces heures ce jour-là').waitFor();
    await page.getByRole('button', { name: 'Enregistrer les disponibilités' }).click();
    const summary = page.getByTestId('form-error');
    await summary.getByText('1 plage est à corriger.').waitFor();
    await summary.getByRole('link', { name: 'Lundi, plage 3 : aucune France Services du département n’est ouverte à ces heures ce jour-là' }).click();
    expect(await isFocused(page.getByLabel('Début (Lundi, plage 3)'))).toBe(true);
    expect((await stored(`/api/agents/${ids.demoAgentId}/availability`)).length).toBe(10);

    // A refusal only the server can make (Pithiviers opens on Saturday afternoons since the page
    // loaded, so a Saturday morning no longer fits): named by its day and rank, never by its path.
    await page.getByRole('button', { name: 'Ajouter une plage le Samedi' }).click();
    await page.getByLabel('Début (Samedi, plage 1)').fill('10:00');
    await page.getByLabel('Fin (Samedi, plage 1)').fill('12:00');
    await page.getByLabel('Début (Lundi, plage 3)').fill('17:00');
    await page.getByLabel('Fin (Lundi, plage 3)').fill('18:00');
    const pithiviersHours = await stored(`/api/msap-sites/${pithiviersId}/opening-hours`);
    const putHours = (ranges: unknown) => coordinator.agent.put(`/api/msap-sites/${pithiviersId}/opening-hours`).set('X-CSRF-Token', coordinator.csrf).send({ ranges }).expect(200);
    await putHours([...pithiviersHours, { weekday: 6, start: '14:00', end: '17:00' }]);
    await page.getByRole('button', { name: 'Enregistrer les disponibilités' }).click();
    await summary.getByText('Rien n’a été enregistré : 1 plage est refusée.').waitFor();
    expect(await isFocused(summary)).toBe(true);
    expect(await summary.getByRole('link').allTextContents()).toEqual(['Samedi, plage 1 : aucune France Services du département n’est ouverte à ces heures ce jour-là']);
    expect(await summary.textContent()).not.toMatch(/ranges/);
    await page.getByTestId('availability-day-6').getByText('aucune France Services du département n’est ouverte à ces heures ce jour-là').waitFor();
    await screenshots(page, 'disponibilites-refus');
    expect((await stored(`/api/agents/${ids.demoAgentId}/availability`)).length).toBe(10);
    await putHours(pithiviersHours);
    await page.getByRole('button', { name: 'Retirer la plage (Samedi, plage 1)' }).click();

    const preview = page.getByTestId('availability-preview');
    await preview.getByRole('row', { name: /^Lundi/ }).getByText('Pas proposé (aucune France Services ouverte) : 17:30–18:00').waitFor();
    await screenshots(page, 'disponibilites');
    await page.getByRole('button', { name: 'Enregistrer les disponibilités' }).click();
    await page.getByTestId('availability-saved').getByText('Disponibilités de Antoine Agent enregistrées.').waitFor();
    const availability = await stored(`/api/agents/${ids.demoAgentId}/availability`);
    expect(availability.filter((r: { weekday: number }) => r.weekday === 5)).toEqual([{ weekday: 5, start: '09:00', end: '12:00' }]);
    expect(availability.filter((r: { weekday: number }) => r.weekday === 1)).toEqual([
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 1, start: '13:30', end: '17:00' },
      { weekday: 1, start: '17:00', end: '18:00' },
    ]);
  });

  it('a consultation type created and changed on its page is offered when booking', async () => {
    await nav().getByRole('link', { name: 'Types de rendez-vous' }).click();
    await page.waitForURL('**/coordination/types');
    await page.getByRole('heading', { level: 1, name: 'Types de rendez-vous' }).waitFor();
    await page.getByRole('button', { name: 'Nouveau type de rendez-vous' }).click();
    const heading = page.getByRole('heading', { level: 2, name: 'Nouveau type de rendez-vous' });
    await heading.waitFor();
    expect(await isFocused(heading)).toBe(true);
    await page.getByLabel('Administration *').selectOption({ label: 'DDFIP du Loiret' });
    await page.getByLabel(/^Objet \*/).fill('Prélèvement à la source');
    await page.getByLabel(/^Durée \(en minutes\) \*/).fill('0');
    await page.getByText('entre 5 et 480 minutes').waitFor();
    await page.getByLabel(/^Durée \(en minutes\) \*/).fill('900');
    await page.getByText('entre 5 et 480 minutes').waitFor();
    await page.getByLabel(/^Durée \(en minutes\) \*/).fill('25');
    await page.getByText('entre 5 et 480 minutes').waitFor({ state: 'detached' });
    await page.getByLabel(/^Pièces à apporter/).fill('Pièce d’identité\nDernier avis d’impôt');
    await expectAccessible(page, 'consultation type form');
    await screenshots(page, 'types-nouveau');
    await page.getByRole('button', { name: 'Créer le type de rendez-vous' }).click();
    await page.getByTestId('types-message').getByText('Type de rendez-vous « Prélèvement à la source » créé.').waitFor();
    // The list reloads after the message: the new row comes when it has.
    const row = page.getByTestId('types').getByRole('row', { name: /Prélèvement à la source/ });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual(['DDFIP du Loiret', '25 minutes', 'Pièce d’identitéDernier avis d’impôt', 'Proposé', 'Modifier']);

    // Closed without saving, the form gives the focus back to the button that opened it.
    const edit = row.getByRole('button', { name: 'Modifier « Prélèvement à la source »' });
    await edit.click();
    await page.getByRole('heading', { level: 2, name: 'Modifier « Prélèvement à la source »' }).waitFor();
    await page.getByRole('button', { name: 'Fermer sans enregistrer' }).click();
    await page.getByRole('heading', { level: 2, name: 'Modifier « Prélèvement à la source »' }).waitFor({ state: 'detached' });
    expect(await isFocused(edit)).toBe(true);
    await edit.click();
    await page.getByRole('heading', { level: 2, name: 'Modifier « Prélèvement à la source »' }).waitFor();
    await page.getByLabel(/^Durée \(en minutes\) \*/).fill('40');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByTestId('types-message').getByText('Type de rendez-vous « Prélèvement à la source » enregistré.').waitFor();
    await row.getByRole('cell', { name: '40 minutes' }).waitFor();
    await expectAccessible(page, 'consultation types');
    await screenshots(page, 'types');
    const [type] = await t.dataSource.query(`SELECT duration_minutes, documents, active FROM consultation_types WHERE subject = 'Prélèvement à la source'`);
    expect(type).toEqual({ duration_minutes: 40, documents: ['Pièce d’identité', 'Dernier avis d’impôt'], active: true });

    await nav().getByRole('link', { name: 'Trouver un créneau' }).click();
    await page.getByLabel('Objet du rendez-vous *').selectOption({ label: 'Prélèvement à la source (40 min)' });
    await page.getByLabel('France Services *').selectOption({ label: PITHIVIERS });
    await page.getByLabel('Du', { exact: true }).fill(mondayDate);
    await page.getByLabel('Au', { exact: true }).fill(mondayDate);
    await page.getByRole('button', { name: 'Rechercher les créneaux libres' }).click();
    await waitFor('a 40-minute slot', async () => ((await page.getByRole('button', { name: /^Réserver le lundi .* à 10 h$/ }).count()) > 0 ? true : undefined));
    const slotRow = page.getByRole('row', { name: /^10:00 – 10:40/ });
    expect(await slotRow.count()).toBe(1);
  });
});
