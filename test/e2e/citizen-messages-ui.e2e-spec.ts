import { existsSync, mkdirSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { auditPage, blocking, describeViolations } from '../support/a11y';
import { startTestApp, TestApp } from '../support/app';
import { closeSuite, launchChromium, TestBrowser, waitFor } from '../support/browser';
import { demoIds } from '../support/demo-data';
import { ROOT } from '../support/process';
import { at, mondayIn, schedulingIds, SchedulingIds } from '../support/scheduling';
import { signIn, SignedIn } from '../support/session';
import { isFocused, signInUi } from '../support/ui';

const DESK_PC = { width: 1280, height: 720 };
const TABLET = { width: 800, height: 1280 };
const SHOTS = '/tmp/shots-messages';

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = blocking(await auditPage(page));
  expect(`${what}: ${describeViolations(violations)}`).toBe(`${what}: `);
}

/**
 * Messages a citizen can act on, driven as staff use them: the facilitator books and calls, the
 * coordinator cancels, cancels in bulk and searches the messages page; each signed in through the form.
 */
describe('citizen messages in Chromium', () => {
  let t: TestApp;
  let chrome: TestBrowser;
  const contexts: BrowserContext[] = [];
  let ids: SchedulingIds;
  let sites: Awaited<ReturnType<typeof demoIds>>;
  let coordinatorApi: SignedIn;
  const week = mondayIn(2);
  const day = (offset: number) => week.plus({ days: offset });

  beforeAll(async () => {
    const dist = process.env.CLIENT_DIST_DIR ?? join(ROOT, 'dist', 'client');
    if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} is missing: build the client first`);
    mkdirSync(SHOTS, { recursive: true });
    t = await startTestApp({ NOTIFICATIONS_INTERVAL_MS: '200', LOGIN_RATE_LIMIT: '100' });
    chrome = await launchChromium();
    ids = await schedulingIds(t.dataSource);
    sites = await demoIds(t.dataSource);
    coordinatorApi = await signIn(t.baseUrl, 'coordinator');
  });
  afterAll(() => closeSuite(contexts, chrome, t));

  const newPage = async (viewport = DESK_PC): Promise<Page> => {
    const context = await chrome.browser.newContext({ viewport });
    contexts.push(context);
    return context.newPage();
  };
  const book = (startsAt: string, citizen: object, boothId = sites.pithiviersBoothId) =>
    coordinatorApi.agent
      .post('/api/consultations')
      .set('X-CSRF-Token', coordinatorApi.csrf)
      .send({ boothId, agentId: ids.demoAgentId, consultationTypeId: ids.incomeTaxTypeId, startsAt, citizen })
      .expect(201)
      .then((res) => res.body.id as string);

  it('refuses a landline in the mobile field in plain French and moves it to "Téléphone fixe" in one tap; the booking goes to the list to call with that number, which "Appelé" empties', async () => {
    const page = await newPage();
    await signInUi(page, t.baseUrl, 'facilitator', '/animation');
    await page.getByRole('link', { name: 'Prendre rendez-vous' }).click();
    await page.getByLabel('Objet du rendez-vous').selectOption({ label: 'Impôt sur le revenu : déclaration, avis (30 min)' });
    await page.getByLabel('Du', { exact: true }).fill(day(0).toISODate()!);
    await page.getByLabel('Au', { exact: true }).fill(day(0).toISODate()!);
    await page.getByRole('button', { name: 'Rechercher les créneaux libres' }).click();
    await page.getByRole('button', { name: /^Réserver le lundi .* à 9 h$/ }).first().click();
    await page.getByLabel('Nom de l’usager *').fill('Roger Fixe');
    const phone = page.getByLabel(/Téléphone portable/);
    const landline = page.getByLabel(/^Téléphone fixe \(pour être appelé\)/);
    await phone.fill('02 38 30 12 34');
    await page.getByRole('button', { name: 'Confirmer la réservation' }).click();
    const refusal = 'Ce numéro est un fixe : il ne peut pas recevoir de SMS. Saisissez-le dans « Téléphone fixe » : l’usager sera appelé.';
    await page.locator('.fr-input-group--error').getByText(refusal, { exact: true }).waitFor();
    expect(await page.getByTestId('form-error').textContent()).toContain(`Téléphone : ${refusal.replace(/\.$/, '')}.`);
    await page.screenshot({ path: join(SHOTS, 'booking-landline-refused.png'), fullPage: true });
    await expectAccessible(page, 'booking form with a landline in the mobile field');
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM consultations WHERE citizen_name = 'Roger Fixe'`))[0].n).toBe(0);

    // One tap: the number moves to the landline field, the refusal goes, the focus follows the number.
    await page.getByRole('button', { name: 'Le mettre en téléphone fixe' }).click();
    expect(await landline.inputValue()).toBe('02 38 30 12 34');
    expect(await phone.inputValue()).toBe('');
    expect(await isFocused(landline)).toBe(true);
    expect(await page.getByText(refusal).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Le mettre en téléphone fixe' }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'booking-landline-moved.png'), fullPage: true });
    await page.getByRole('button', { name: 'Confirmer la réservation' }).click();
    await page.getByTestId('booking-done').getByText(/^Rendez-vous réservé pour Roger Fixe le lundi .* à 9 h/).waitFor();
    const [stored] = await t.dataSource.query(`SELECT citizen_phone, citizen_landline FROM consultations WHERE citizen_name = 'Roger Fixe'`);
    expect(stored).toEqual({ citizen_phone: null, citizen_landline: '+33238301234' });

    await page.getByRole('link', { name: 'À appeler' }).click();
    await page.getByRole('heading', { level: 1, name: 'Usagers à appeler' }).waitFor();
    const list = page.getByTestId('to-call-list');
    const row = list.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Roger Fixe' }) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Rendez-vous pris');
    const number = row.getByRole('link', { name: '02 38 30 12 34' });
    expect(await number.getAttribute('href')).toBe('tel:+33238301234');
    expect(await row.textContent()).toMatch(/Bonjour Roger Fixe, RDV visio DDFIP du Loiret le lundi .* à 9 h à France Services de Pithiviers/);
    await expectAccessible(page, 'list to call');
    await page.screenshot({ path: join(SHOTS, 'to-call-list.png') });

    await row.getByRole('button', { name: /^Appelé : Roger Fixe, lundi/ }).click();
    await page.getByTestId('to-call-status').getByText('Appel à Roger Fixe noté.').waitFor();
    await page.getByText('Personne à appeler.').waitFor();
    expect(await isFocused(page.getByTestId('to-call-status'))).toBe(true);
    const [audit] = await t.dataSource.query(
      `SELECT a.action, u.email, a.request_id FROM audit_events a JOIN users u ON u.id = a.actor_user_id WHERE a.action = 'to_call.handled'`,
    );
    expect(audit).toMatchObject({ action: 'to_call.handled', email: 'animation@demo.visio-msap.fr', request_id: expect.stringMatching(/\S/) });

    // Portrait tablet: the same list, readable.
    const tablet = await newPage(TABLET);
    await signInUi(tablet, t.baseUrl, 'facilitator', '/animation');
    await tablet.goto(`${t.baseUrl}/animation/a-appeler`);
    await tablet.getByText('Personne à appeler.').waitFor();
    await tablet.screenshot({ path: join(SHOTS, 'to-call-empty-tablet.png') });
  });

  it('offers to move a mobile typed as the landline, and shows the landline in the booking details', async () => {
    const page = await newPage(TABLET);
    await signInUi(page, t.baseUrl, 'facilitator', '/animation');
    await page.getByRole('link', { name: 'Prendre rendez-vous' }).click();
    await page.getByLabel('Objet du rendez-vous').selectOption({ label: 'Impôt sur le revenu : déclaration, avis (30 min)' });
    await page.getByLabel('Du', { exact: true }).fill(day(2).toISODate()!);
    await page.getByLabel('Au', { exact: true }).fill(day(2).toISODate()!);
    await page.getByRole('button', { name: 'Rechercher les créneaux libres' }).click();
    await page.getByRole('button', { name: /^Réserver le mercredi .* à 9 h$/ }).first().click();
    await page.getByLabel('Nom de l’usager *').fill('Simone Deuxnumeros');
    const phone = page.getByLabel(/Téléphone portable/);
    const landline = page.getByLabel(/^Téléphone fixe \(pour être appelé\)/);
    await landline.fill('06 44 55 66 77');
    await page.getByRole('button', { name: 'Confirmer la réservation' }).click();
    await page.locator('.fr-input-group--error').getByText('Ce numéro est un portable : il peut recevoir les SMS. Saisissez-le dans « Téléphone portable ».', { exact: true }).waitFor();
    await expectAccessible(page, 'booking form with a mobile in the landline field');
    await page.getByRole('button', { name: 'Le mettre en téléphone portable' }).click();
    expect(await phone.inputValue()).toBe('06 44 55 66 77');
    expect(await isFocused(phone)).toBe(true);
    await landline.fill('01 44 55 66 77');
    await page.getByRole('button', { name: 'Confirmer la réservation' }).click();
    await page.getByTestId('booking-done').getByText(/^Rendez-vous réservé pour Simone Deuxnumeros le mercredi .* à 9 h/).waitFor();
    const [stored] = await t.dataSource.query(`SELECT id, citizen_phone, citizen_landline FROM consultations WHERE citizen_name = 'Simone Deuxnumeros'`);
    expect(stored).toMatchObject({ citizen_phone: '+33644556677', citizen_landline: '+33144556677' });
    // A mobile: an SMS, no call.
    expect((await t.dataSource.query(`SELECT channel FROM notification_outbox WHERE consultation_id = $1 ORDER BY channel`, [stored.id])).map((r: { channel: string }) => r.channel)).toEqual([
      'agent_email',
      'sms',
    ]);

    await page.goto(`${t.baseUrl}/animation/planning?semaine=${week.toISODate()}&rendezvous=${stored.id}`);
    await page.getByRole('heading', { name: /^Détails du rendez-vous/ }).waitFor();
    await page.getByText('Contact : 06 44 55 66 77 · 01 44 55 66 77 (fixe)', { exact: true }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'booking-details-landline-tablet.png'), fullPage: true });
  });

  it('the coordinator gives the MSAP a phone number; the cancel dialog says where the reason goes and shows the exact SMS', async () => {
    const page = await newPage();
    await signInUi(page, t.baseUrl, 'coordinator', '/coordination');
    await page.goto(`${t.baseUrl}/coordination/annuaire`);
    const pithiviers = page.getByTestId('site-France Services de Pithiviers');
    await pithiviers.getByRole('button', { name: /Modifier/ }).click();
    await pithiviers.getByLabel('Téléphone (facultatif)').fill('02 38 30 12 34');
    await pithiviers.getByRole('button', { name: 'Enregistrer' }).click();
    await pithiviers.getByText(/· 02 38 30 12 34/).waitFor();
    const [site] = await t.dataSource.query(`SELECT phone FROM msap_sites WHERE id = $1`, [sites.pithiviersId]);
    expect(site.phone).toBe('+33238301234');

    const withMobile = await book(at(day(1), '09:00'), { name: 'Lucie Portable', phone: '06 11 22 33 44' });
    const withoutContact = await book(at(day(1), '10:00'), { name: 'Marc Sanscontact' });
    const open = async (id: string) => {
      await page.goto(`${t.baseUrl}/coordination/planning?site=${sites.pithiviersId}&semaine=${week.toISODate()}&rendezvous=${id}`);
      await page.getByRole('heading', { name: /^Détails du rendez-vous/ }).waitFor();
    };
    await open(withoutContact);
    await page.getByText('Ce motif ne sera pas envoyé : pas de coordonnées. Le rendez-vous ira dans la liste « À appeler ».').waitFor();

    await open(withMobile);
    await page.getByText('Ce motif sera envoyé à Lucie Portable par SMS au 06 11 22 33 44.').waitFor();
    const notice = page.getByTestId('cancel-notice');
    const sms = notice.locator('figure[data-channel="sms"]');
    // A reason with a character plain SMS lack, in a text too long to keep it cheaply: said in plain words.
    await page.getByLabel('Motif *').fill('fenêtre cassée');
    await sms.getByText(/^SMS au 06 11 22 33 44 · \d+ caractères · 2 SMS, sans certains accents$/).waitFor();
    expect(await sms.locator('blockquote').textContent()).toContain('Motif : fenetre cassée');
    await page.getByLabel('Motif *').fill('fermeture exceptionnelle');
    await sms.getByText(/^SMS au 06 11 22 33 44 · \d+ caractères · \d SMS$/).waitFor();
    // Only a one-sentence summary is a live region: the text itself is not read again at every pause.
    expect(await notice.getByRole('status').textContent()).toMatch(/^Le motif sera envoyé par SMS au 06 11 22 33 44 \(\d SMS\)\.$/);
    expect(await notice.getAttribute('aria-live')).toBeNull();
    expect(await notice.locator('[aria-live] figure, [role="status"] figure').count()).toBe(0);
    expect(await notice.textContent()).not.toMatch(/GSM-7|UCS-2/);
    const shown = (await sms.locator('blockquote').textContent())!;
    expect(shown).toMatch(/^Bonjour Lucie Portable, votre RDV visio DDFIP du Loiret du mardi .* à 9 h à France Services de Pithiviers est annulé\. Motif : fermeture exceptionnelle\. Pour toute question : France Services de Pithiviers, 02 38 30 12 34\.$/);
    await expectAccessible(page, 'cancel dialog with its notice');
    await page.screenshot({ path: join(SHOTS, 'cancel-notice.png'), fullPage: true });

    await page.getByRole('button', { name: 'Annuler ce rendez-vous' }).click();
    await page.getByRole('button', { name: 'Oui, annuler le rendez-vous' }).click();
    await page.getByTestId('board-message').waitFor();
    const [written] = await t.dataSource.query(`SELECT body FROM notification_outbox WHERE consultation_id = $1 AND event = 'cancelled' AND channel = 'sms'`, [withMobile]);
    expect(written.body).toBe(shown);
  });

  it('the mass-cancellation wizard refuses an unknown placeholder or an empty message at the message step, then shows the exact texts', async () => {
    const friday = day(4);
    const citizens = [
      { name: 'Anne Sms', phone: '06 20 00 00 01' },
      { name: 'Bernard Courriel', email: 'bernard@example.fr' },
      { name: 'Carole Sanscontact' },
    ];
    const booked: string[] = [];
    for (const [i, citizen] of citizens.entries()) booked.push(await book(at(friday, ['09:00', '10:00', '11:00'][i]!), citizen));

    const page = await newPage();
    await signInUi(page, t.baseUrl, 'coordinator', '/coordination');
    await page.getByRole('link', { name: 'Annulation groupée' }).click();
    await page.getByLabel('Agent *').selectOption({ label: 'Antoine Agent' });
    await page.getByLabel('Du', { exact: true }).fill(friday.toISODate()!);
    await page.getByLabel('Au', { exact: true }).fill(friday.toISODate()!);
    await page.getByRole('button', { name: 'Voir les rendez-vous concernés' }).click();
    await page.getByTestId('mass-preview-count').getByText('3 rendez-vous seront annulés.').waitFor();
    await page.getByRole('button', { name: 'Suivant' }).click();

    const message = page.getByLabel('Message aux usagers');
    const stepTitle = page.getByRole('heading', { level: 2, name: /Message/ });
    await stepTitle.waitFor();
    // An unknown placeholder: flagged as typed, and "Suivant" stays on this step (the server says 422).
    await message.fill('Bonjour {nom}, {inconnu}');
    await page.getByText('Champs inconnus dans le message : {inconnu}.').waitFor();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByTestId('form-error').waitFor();
    expect(await page.getByTestId('form-error').textContent()).toContain('Message');
    expect(await stepTitle.count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'mass-message-unknown-placeholder.png') });
    // Empty: refused too.
    await message.fill('');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByText('à renseigner', { exact: true }).waitFor();
    expect(await stepTitle.count()).toBe(1);

    // A valid one: the live sample is the server's text for the first citizen with a mobile.
    await message.fill('Bonjour {nom}, votre rendez-vous du {date} est annulé. Appelez-nous.');
    const counter = page.getByTestId('sms-counter');
    await counter.getByText(/^\d+ caractères pour Anne Sms : \d SMS\.$/).waitFor();
    const sample = (await page.getByTestId('sms-sample').textContent())!;
    expect(sample).toMatch(/^Bonjour Anne Sms, votre rendez-vous du vendredi .* à 9 h est annulé\. Appelez-nous\. Pour toute question : France Services de Pithiviers, 02 38 30 12 34\.$/);
    await expectAccessible(page, 'message step');
    await page.getByRole('button', { name: 'Suivant' }).click();

    const exact = page.getByTestId('exact-messages');
    await exact.waitFor();
    const items = exact.getByTestId('exact-message');
    expect(await items.count()).toBe(3);
    expect(await items.nth(0).locator('figure[data-channel="sms"] blockquote').textContent()).toBe(sample);
    expect(await items.nth(1).locator('figure[data-channel="email"] figcaption').textContent()).toBe('Courriel à bernard@example.fr');
    expect(await items.nth(2).textContent()).toContain('Ni portable ni adresse électronique : à appeler');
    const shown = await Promise.all(
      [0, 1, 2].map(async (i) => {
        const figure = items.nth(i).locator('figure');
        const channel = await figure.getAttribute('data-channel');
        return { channel, text: (await figure.locator('blockquote').innerText()).trim() };
      }),
    );
    await expectAccessible(page, 'confirmation with the exact messages');
    await page.screenshot({ path: join(SHOTS, 'mass-exact-messages.png'), fullPage: true });
    await page.getByRole('button', { name: 'Annuler 3 rendez-vous' }).click();
    await page.getByTestId('mass-progress-text').getByText(/Annulation terminée\./).waitFor({ timeout: 30_000 });

    // What the outbox holds is what was shown (the e-mail's subject is shown above its text).
    for (const [i, id] of booked.entries()) {
      const [row] = await t.dataSource.query(
        `SELECT channel, subject, body FROM notification_outbox WHERE consultation_id = $1 AND event = 'cancelled' AND channel <> 'agent_email'`,
        [id],
      );
      expect({ channel: row.channel, text: row.subject ? `${row.subject}\n${row.body}` : row.body }).toEqual(shown[i]);
    }
  });

  it('the messages page searches by citizen, filters and pages on the server, 20 a page, the reading going on from the top of each', async () => {
    // Enough messages for several pages of 20: 26 bookings with a mobile (an SMS and an agent e-mail each).
    const slots = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30'];
    for (let i = 0; i < 26; i++) {
      await book(at(week.plus({ weeks: 1, days: Math.floor(i / 13) }), slots[i % 13]!), { name: `Usager Page ${i}`, phone: `06 30 00 00 ${String(i).padStart(2, '0')}` });
    }
    const page = await newPage();
    await signInUi(page, t.baseUrl, 'coordinator', '/coordination');
    await page.getByRole('link', { name: 'Messages envoyés' }).click();
    const outbox = page.getByTestId('outbox');
    await outbox.waitFor();
    const caption = async () => (await outbox.locator('caption').textContent())!;
    const total = Number(/\((\d+)\)/.exec(await caption())![1]);
    expect(total).toBeGreaterThan(40);
    const pages = Math.ceil(total / 20);
    const pager = page.getByRole('navigation', { name: /^Page \d+ sur \d+$/ });
    await pager.getByText(`Page 1 sur ${pages}`, { exact: true }).waitFor();
    expect(await outbox.locator('tbody tr').count()).toBe(20);
    // The button reloads the list: it says so.
    expect(await page.getByRole('button', { name: 'Réessayer' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Actualiser' }).click();
    // The state comes right after the recipient, before what is wider.
    expect(await outbox.locator('thead th').allTextContents()).toEqual(['Écrit le', 'Destinataire', 'État', 'Canal', 'Évènement', 'Texte']);
    // A long text is folded under "Voir le texte"; its words are there once opened.
    const smsRow = outbox.getByRole('row').filter({ hasText: '+33630000025' }).first();
    const folded = smsRow.getByTestId('outbox-text');
    await folded.waitFor();
    expect(await folded.locator('p').isVisible()).toBe(false);
    expect(await smsRow.textContent()).not.toMatch(/GSM-7|UCS-2/);
    await folded.getByText('Voir le texte').click();
    await folded.locator('p').getByText(/^Bonjour Usager Page 25, RDV visio DDFIP du Loiret/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'messages-text-open.png') });
    // "Page suivante": the focus goes to the new page's caption, which says which page it is.
    await page.getByRole('button', { name: 'Page suivante' }).click();
    await pager.getByText(`Page 2 sur ${pages}`, { exact: true }).waitFor();
    await waitFor('the caption to take the focus', async () => ((await isFocused(page.getByTestId('outbox-caption'))) ? true : undefined));
    expect(await page.getByTestId('outbox-caption').textContent()).toContain(`Page 2 sur ${pages}`);
    await waitFor('the second page', async () => ((await outbox.locator('tbody tr').count()) === Math.min(20, total - 20) ? true : undefined));
    // Up to the last page, where "Page suivante" is disabled: the focus is not lost.
    for (let p = 3; p <= pages; p++) {
      await page.getByRole('button', { name: 'Page suivante' }).click();
      await pager.getByText(`Page ${p} sur ${pages}`, { exact: true }).waitFor();
    }
    expect(await page.getByRole('button', { name: 'Page suivante' }).isDisabled()).toBe(true);
    await waitFor('the caption to take the focus', async () => ((await isFocused(page.getByTestId('outbox-caption'))) ? true : undefined));

    // Search by name: Enter submits, back to page 1.
    const search = page.getByLabel('Rechercher un usager');
    await search.fill('Lucie Portable');
    await search.press('Enter');
    await waitFor('the search results', async () => ((await caption()).startsWith('Messages (') && !(await caption()).includes(`(${total})`) ? true : undefined));
    const rows = await outbox.locator('tbody th').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.includes('Lucie Portable'))).toBe(true);
    await pager.getByText('Page 1 sur 1', { exact: true }).waitFor();

    // By phone number as typed, only the SMS.
    await search.fill('06 30 00 00 07');
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await page.getByLabel('Canal').selectOption({ label: 'SMS' });
    await waitFor('one SMS', async () => ((await outbox.locator('tbody tr').count()) === 1 ? true : undefined));
    expect(await outbox.locator('tbody tr').textContent()).toContain('Usager Page 7');

    // Calls only, with their state.
    await page.getByRole('button', { name: 'Effacer la recherche et les filtres' }).click();
    await page.getByLabel('Canal').selectOption({ label: 'Appel' });
    await waitFor('the calls', async () => {
      const texts = await outbox.locator('tbody tr').allTextContents();
      return texts.length > 0 && texts.every((r) => r.includes('Appel')) ? texts : undefined;
    });
    expect((await outbox.locator('tbody tr').allTextContents()).some((r) => r.includes('Carole Sanscontact') && r.includes('À appeler'))).toBe(true);
    // A period with nothing in it.
    await page.getByRole('button', { name: 'Effacer la recherche et les filtres' }).click();
    await page.getByLabel('Écrit à partir du').fill(week.plus({ weeks: 4 }).toISODate()!);
    await page.getByText('Aucun message.').waitFor();
    await expectAccessible(page, 'messages page');
    await page.getByRole('button', { name: 'Effacer la recherche et les filtres' }).click();
    await outbox.waitFor();
    await expectAccessible(page, 'messages page (list, a text open)');
    await page.screenshot({ path: join(SHOTS, 'messages-page.png') });
    const tablet = await newPage(TABLET);
    await signInUi(tablet, t.baseUrl, 'coordinator', '/coordination');
    await tablet.goto(`${t.baseUrl}/coordination/messages`);
    await tablet.getByTestId('outbox').waitFor();
    // On a portrait tablet the state is on screen without scrolling the table sideways.
    const state = (await tablet.getByTestId('outbox').locator('thead th').filter({ hasText: 'État' }).boundingBox())!;
    expect(state.x + state.width).toBeLessThanOrEqual(TABLET.width);
    await tablet.screenshot({ path: join(SHOTS, 'messages-page-tablet.png') });
  });
});

/** A provider that refuses every SMS (a real HTTP server): what the messages page says of it. */
describe('messages page with a refusing SMS provider, in Chromium', () => {
  let t: TestApp;
  let chrome: TestBrowser;
  const contexts: BrowserContext[] = [];
  let provider: Server;

  beforeAll(async () => {
    provider = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(400, { 'Content-Type': 'application/json' });
        res.end('{"error":"unknown number"}');
      });
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/sms`;
    t = await startTestApp({ SMS_PROVIDER_URL: url, SMS_SENDER: 'Prefecture', NOTIFICATIONS_INTERVAL_MS: '100', LOGIN_RATE_LIMIT: '100' });
    chrome = await launchChromium();
  });
  afterAll(async () => {
    await closeSuite(contexts, chrome, t);
    await new Promise((resolve) => provider.close(resolve));
  });

  it('says in French that the provider refused it, with its words', async () => {
    const ids = await schedulingIds(t.dataSource);
    const sites = await demoIds(t.dataSource);
    const coordinator = await signIn(t.baseUrl, 'coordinator');
    const { body } = await coordinator.agent
      .post('/api/consultations')
      .set('X-CSRF-Token', coordinator.csrf)
      .send({ boothId: sites.pithiviersBoothId, agentId: ids.demoAgentId, consultationTypeId: ids.incomeTaxTypeId, startsAt: at(mondayIn(2), '09:00'), citizen: { name: 'Nina Refusee', phone: '06 99 99 99 99' } })
      .expect(201);
    await waitFor('the SMS to be refused', async () => {
      const [row] = await t.dataSource.query(`SELECT status FROM notification_outbox WHERE consultation_id = $1 AND channel = 'sms'`, [body.id]);
      return row?.status === 'failed' ? true : undefined;
    });
    const context = await chrome.browser.newContext({ viewport: DESK_PC });
    contexts.push(context);
    const page = await context.newPage();
    await signInUi(page, t.baseUrl, 'coordinator', '/coordination');
    await page.goto(`${t.baseUrl}/coordination/messages`);
    const row = page.getByTestId('outbox').getByRole('row').filter({ hasText: '+33699999999' });
    await row.getByText('Échec').waitFor();
    expect(await row.getByTestId('outbox-error').textContent()).toBe('Refusé par le fournisseur : SMS provider answered 400: {"error":"unknown number"}');
    await expectAccessible(page, 'messages page (a refused SMS)');
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'messages-provider-refused.png') });
  });
});
