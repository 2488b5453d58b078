import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { A11yExclusion, A11yViolation, auditPage, blocking, describeViolations } from '../support/a11y';
import { startTestApp, TestApp } from '../support/app';
import { launchChromium, TestBrowser } from '../support/browser';
import { createConsultation } from '../support/consultations';
import { demoIds } from '../support/demo-data';
import { ROOT } from '../support/process';
import { at, mondayIn, schedulingIds } from '../support/scheduling';
import { signIn } from '../support/session';
import { signInUi } from '../support/ui';

const RESULTS = join(ROOT, 'test-results');

/**
 * RGAA 4.1 asks for WCAG 2.1 A and AA. Every main page of every kind of user is audited by axe-core
 * as that user sees it, with data in it: no serious or critical violation is allowed. Moderate and
 * minor ones do not fail the suite; they are written to test-results/accessibility.json.
 */
describe('accessibility (axe-core, WCAG 2.1 A/AA) in Chromium', () => {
  let t: TestApp;
  let chrome: TestBrowser;
  const contexts: BrowserContext[] = [];
  const report: Record<string, A11yViolation[]> = {};
  const nextWeek = mondayIn(1);

  /** Audits the page as it is now; fails with one line per rule and element if anything is serious. */
  async function expectAccessible(page: Page, name: string, exclusions: A11yExclusion[] = []): Promise<void> {
    const violations = await auditPage(page, exclusions);
    report[name] = violations;
    expect(describeViolations(blocking(violations))).toBe('');
    // RGAA 8.6: a title of its own, the page's h1 then the service.
    const heading = (await page.locator('main h1').first().textContent())?.replace(/\s+/g, ' ').trim();
    expect(await page.title()).toBe(`${heading} — Visio MSAP`);
  }

  /** The page's heading is shown and its data requests are answered. */
  async function settled(page: Page, heading: string | RegExp): Promise<void> {
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.getByText('Chargement…').first().waitFor({ state: 'detached' });
  }

  async function newPage(): Promise<Page> {
    const context = await chrome.browser.newContext();
    contexts.push(context);
    return context.newPage();
  }

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'client', 'index.html'))) throw new Error("dist/client is missing: run 'npm run build:client' first");
    t = await startTestApp({ LOGIN_RATE_LIMIT: '100' });
    chrome = await launchChromium();
    // Pages with data in them: bookings next week (with messages in the outbox).
    const ids = await schedulingIds(t.dataSource);
    const coordinator = await signIn(t.baseUrl, 'coordinator');
    const [booth1] = await t.dataSource.query(`SELECT b.id FROM booths b JOIN msap_sites s ON s.id = b.msap_site_id WHERE s.name = 'France Services de Pithiviers' AND b.name = 'Cabine 1'`);
    for (const [i, citizen] of [{ name: 'Lucie Sms', phone: '06 11 22 33 44' }, { name: 'Marc Courriel', email: 'marc@example.fr' }].entries()) {
      await coordinator.agent
        .post('/api/consultations')
        .set('X-CSRF-Token', coordinator.csrf)
        .send({ boothId: booth1.id, agentId: ids.demoAgentId, consultationTypeId: ids.incomeTaxTypeId, startsAt: at(nextWeek.plus({ days: 1 }), ['09:00', '10:00'][i]!), citizen })
        .expect(201);
    }
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await chrome?.close();
    await t?.close();
    await mkdir(RESULTS, { recursive: true });
    await writeFile(join(RESULTS, 'accessibility.json'), JSON.stringify(report, null, 2));
  });

  it('the sign-in page', async () => {
    const page = await newPage();
    await page.goto(`${t.baseUrl}/connexion`);
    await settled(page, 'Connexion');
    await expectAccessible(page, 'login');
    await page.getByLabel('Adresse électronique').fill('agent@demo.visio-msap.fr');
    await page.getByLabel('Mot de passe').fill('mauvais');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').getByText('Adresse électronique ou mot de passe incorrect.').waitFor();
    await expectAccessible(page, 'login (wrong password)');
  });

  it('a booth terminal: the pairing page, its home, then the call page in the lobby', async () => {
    const ids = await demoIds(t.dataSource);
    const admin = await signIn(t.baseUrl, 'admin');
    const { body } = await admin.agent.post(`/api/booths/${ids.pithiviersBoothId}/pairing-codes`).set('X-CSRF-Token', admin.csrf).expect(201);

    const terminal = await newPage();
    await terminal.goto(`${t.baseUrl}/borne/appairage`);
    await settled(terminal, 'Appairer cet écran à sa cabine');
    await expectAccessible(terminal, 'booth pairing');
    await terminal.getByLabel('Code d’appairage').fill('00000000');
    await terminal.getByRole('button', { name: 'Appairer l’écran' }).click();
    await terminal.getByText('Ce code est incorrect ou déjà utilisé. Demandez un nouveau code.').waitFor();
    await expectAccessible(terminal, 'booth pairing (wrong code)');

    await terminal.getByLabel('Code d’appairage').fill(String(body.code));
    await terminal.getByRole('button', { name: 'Appairer l’écran' }).click();
    await terminal.waitForURL('**/borne');
    await settled(terminal, 'Bienvenue');
    await expectAccessible(terminal, 'booth home');

    // A consultation now: the terminal opens it by itself and waits in the lobby.
    const consultationId = await createConsultation(t.dataSource, ids.pithiviersBoothId, 'agent@demo.visio-msap.fr');
    await terminal.reload();
    await terminal.waitForURL(`**/borne/consultation/${consultationId}`);
    await terminal.getByText('Vous êtes en salle d’attente.').waitFor();
    await expectAccessible(terminal, 'call (booth in the lobby)');

    // The agent's side of the same call: the booth waiting, to be admitted.
    const agent = await newPage();
    await signInUi(agent, t.baseUrl, 'agent', '/agent');
    await settled(agent, 'Mes téléconsultations du jour');
    await expectAccessible(agent, 'agent home');
    await agent.goto(`${t.baseUrl}/consultation/${consultationId}`);
    await agent.getByTestId('lobby-banner').getByRole('button', { name: 'Faire entrer' }).waitFor();
    await expectAccessible(agent, 'call (agent, booth in the lobby)');

    // Ending: the confirmation in place, then the outcome form; the booth's end screen.
    await agent.getByRole('button', { name: 'Terminer pour tous' }).click();
    await agent.getByRole('alertdialog', { name: 'Terminer la téléconsultation pour tout le monde ?' }).waitFor();
    await expectAccessible(agent, 'call (agent, confirming the end)');
    await agent.getByRole('button', { name: 'Oui, terminer' }).click();
    await settled(agent, 'Résultat de la téléconsultation');
    await agent.getByTestId('outcome-consultation').waitFor();
    await expectAccessible(agent, 'outcome form');
    await terminal.getByTestId('booth-end').waitFor();
    await expectAccessible(terminal, 'booth end screen');
    await agent.goto(`${t.baseUrl}/agent`);
    await settled(agent, 'Mes téléconsultations du jour');
    await agent.getByTestId('outcome-reminder').waitFor();
    await expectAccessible(agent, 'agent home (an outcome to record)');
  });

  it('an agent: the agenda', async () => {
    const page = await newPage();
    await signInUi(page, t.baseUrl, 'agent', '/agent');
    await page.goto(`${t.baseUrl}/agent/agenda`);
    await settled(page, 'Mes téléconsultations');
    await page.getByLabel('Semaine', { exact: true }).check();
    await page.getByRole('button', { name: 'Suivant', exact: true }).click();
    await page.getByText('Lucie Sms').first().waitFor();
    await expectAccessible(page, 'agent agenda');
  });

  it('a facilitator: home, booking page and board', async () => {
    const page = await newPage();
    await signInUi(page, t.baseUrl, 'facilitator', '/animation');
    await settled(page, 'Ma journée – France Services de Pithiviers');
    await expectAccessible(page, 'facilitator desk');
    await page.goto(`${t.baseUrl}/animation/cabines`);
    await settled(page, 'Les cabines de mon site');
    await page.getByRole('button', { name: /Cabine 2 — Générer un code/ }).click();
    await page.getByTestId('pairing-code').waitFor();
    await expectAccessible(page, 'facilitator booths (pairing code shown)');

    await page.goto(`${t.baseUrl}/animation/reserver`);
    await settled(page, 'Prendre rendez-vous pour un usager');
    await expectAccessible(page, 'facilitator booking (search form)');
    await page.getByLabel('Objet du rendez-vous').selectOption({ label: 'Impôt sur le revenu : déclaration, avis (30 min)' });
    await page.getByLabel('Du', { exact: true }).fill(nextWeek.plus({ days: 2 }).toISODate()!);
    await page.getByLabel('Au', { exact: true }).fill(nextWeek.plus({ days: 2 }).toISODate()!);
    await page.getByRole('button', { name: 'Rechercher les créneaux libres' }).click();
    await page.getByRole('heading', { name: /^\d+ créneaux libres$/ }).waitFor();
    await expectAccessible(page, 'facilitator booking (free slots)');
    await page.getByRole('button', { name: /^Réserver le mercredi .* à 9 h$/ }).first().click();
    await page.getByRole('heading', { name: /^Réserver le mercredi .* à 9 h$/ }).waitFor();
    await expectAccessible(page, 'facilitator booking (form)');
    await page.getByRole('button', { name: 'Confirmer la réservation' }).click();
    await page.getByTestId('form-error').waitFor();
    await expectAccessible(page, 'facilitator booking (form with errors)');

    await page.goto(`${t.baseUrl}/animation/planning`);
    await settled(page, 'Planning de la semaine');
    await page.getByRole('button', { name: 'Semaine suivante' }).click();
    await page.getByTestId('week-board').getByRole('button', { name: /Lucie Sms/ }).waitFor();
    await expectAccessible(page, 'facilitator week board');
  });

  it('a coordinator: home, week board, slot search', async () => {
    const page = await newPage();
    await signInUi(page, t.baseUrl, 'coordinator', '/coordination');
    await settled(page, 'Coordination');
    await expectAccessible(page, 'coordinator home');

    await page.goto(`${t.baseUrl}/coordination/planning`);
    await settled(page, 'Planning de la semaine');
    await page.getByLabel('France Services', { exact: true }).selectOption({ label: 'France Services de Pithiviers' });
    await page.getByRole('button', { name: 'Semaine suivante' }).click();
    const booked = page.getByTestId('week-board').getByRole('button', { name: /Lucie Sms/ });
    await booked.waitFor();
    await expectAccessible(page, 'week board');
    await booked.click();
    await page.getByRole('heading', { name: /^Détails du rendez-vous/ }).waitFor();
    await expectAccessible(page, 'week board (consultation details)');

    await page.goto(`${t.baseUrl}/coordination/creneaux`);
    await settled(page, 'Trouver un créneau');
    await expectAccessible(page, 'slot search');

  });

  it('a coordinator: absences, mass cancellation, outbox, Annuaire', async () => {
    const page = await newPage();
    await signInUi(page, t.baseUrl, 'coordinator', '/coordination');
    await page.goto(`${t.baseUrl}/coordination/absences`);
    await settled(page, 'Absences des agents');
    await expectAccessible(page, 'absences');

    await page.goto(`${t.baseUrl}/coordination/annulation-groupee`);
    await settled(page, 'Annulation groupée');
    await expectAccessible(page, 'mass cancellation (selection)');

    await page.goto(`${t.baseUrl}/coordination/messages`);
    await settled(page, 'Messages envoyés');
    await expectAccessible(page, 'outbox');

    await page.goto(`${t.baseUrl}/coordination/annuaire`);
    await settled(page, 'Annuaire');
    await expectAccessible(page, 'directory');
  });

  it('an admin: home with the retention panel', async () => {
    const page = await newPage();
    await signInUi(page, t.baseUrl, 'admin', '/admin');
    await settled(page, 'Administration');
    await page.getByRole('heading', { name: 'Conservation des données personnelles' }).waitFor();
    await expectAccessible(page, 'admin home');
  });
});
