import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DateTime } from 'luxon';
import { auditPage, blocking, describeViolations } from '../support/a11y';
import { startTestApp, TestApp } from '../support/app';
import { book, DemoCatalogue, demoCatalogue, openAllWeek } from '../support/booth-day';
import { closeSuite, launchChromium, TestBrowser } from '../support/browser';
import { ROOT } from '../support/process';
import { signInUi } from '../support/ui';

const DESK_PC = { width: 1280, height: 720 };
const TABLET = { width: 800, height: 1280 };
const SCREENSHOTS = join(ROOT, 'test-results');

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = blocking(await auditPage(page));
  expect(`${what}: ${describeViolations(violations)}`).toBe(`${what}: `);
}

/**
 * An admin reads the audit trail as they would: signed in through the form, the journal opened from
 * the admin home, filtered by domain and by one consultation, paged, exported.
 */
describe('audit trail page in Chromium', () => {
  let t: TestApp;
  let chrome: TestBrowser;
  const contexts: BrowserContext[] = [];
  let c: DemoCatalogue;
  let page: Page;
  let moved: string;

  beforeAll(async () => {
    t = await startTestApp();
    chrome = await launchChromium();
    c = await demoCatalogue(t.baseUrl);
    await openAllWeek(c);
    // More than a page of bookings (50 a page), a week ahead, a quarter of an hour apart.
    const start = DateTime.now().setZone('Europe/Paris').plus({ days: 7 }).startOf('day').plus({ hours: 8 });
    const ids: string[] = [];
    for (let i = 0; i < 52; i++) ids.push(await book(c, start.plus({ minutes: 15 * i }), 15, `Usager ${i}`));
    moved = ids[0]!;
    await c.coordinator.agent.patch(`/api/consultations/${moved}`).set('X-CSRF-Token', c.coordinator.csrf).send({ startsAt: start.plus({ days: 1 }).toISO() }).expect(200);
    const context = await chrome.browser.newContext({ viewport: DESK_PC, acceptDownloads: true });
    contexts.push(context);
    page = await context.newPage();
  }, 120_000);
  afterAll(() => closeSuite(contexts, chrome, t));

  it('opens from the admin home and names each action in French, with its author and target', async () => {
    await signInUi(page, t.baseUrl, 'admin', '/admin');
    await page.getByRole('link', { name: 'Journal des actions' }).click();
    await page.waitForURL('**/admin/journal');
    await page.getByRole('heading', { level: 1, name: 'Journal des actions' }).waitFor();
    expect(await page.title()).toBe('Journal des actions — Visio MSAP');
    const log = page.getByTestId('audit-log');
    const first = log.getByRole('row').nth(1);
    // Newest first: the admin's own sign-in.
    expect(await first.getByRole('cell').nth(1).textContent()).toBe('Connexion');
    expect(await first.getByRole('cell').nth(2).textContent()).toBe('Alice Admin (admin@demo.visio-msap.fr)');
    await log.getByRole('cell', { name: 'Rendez-vous déplacé' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'audit-1280x720.png') });
    await expectAccessible(page, 'audit page');
  });

  it('filters by domain, pages through, and narrows to one consultation’s history', async () => {
    await page.getByLabel('Domaine').selectOption({ label: 'Rendez-vous' });
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL('**/admin/journal?family=consultation');
    // The filtered page replaces the whole log: the admin's sign-in leaves it.
    await page.getByTestId('audit-log').getByRole('cell', { name: 'Connexion', exact: true }).waitFor({ state: 'detached' });
    const rows = page.getByTestId('audit-log').getByRole('row');
    await page.waitForFunction(() => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('[data-testid=audit-log] tbody tr').length === 50);
    const actions = await rows.evaluateAll((trs) => trs.slice(1).map((tr) => (tr as unknown as { cells: Array<{ textContent: string }> }).cells[1]!.textContent));
    expect(actions[0]).toBe('Rendez-vous déplacé');
    expect(actions.slice(1).every((a) => a === 'Rendez-vous pris')).toBe(true);

    await page.getByRole('button', { name: 'Page suivante (plus anciennes)' }).click();
    await page.getByText('Page 2', { exact: true }).waitFor();
    await page.waitForFunction(() => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('[data-testid=audit-log] tbody tr').length === 3);
    expect(await page.getByRole('button', { name: 'Page suivante (plus anciennes)' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Page précédente (plus récentes)' }).click();
    await page.getByText('Page 1', { exact: true }).waitFor();

    // The moved consultation's whole history, from its row.
    await page.getByTestId('audit-log').getByRole('row').nth(1).getByRole('button', { name: 'Voir ses actions' }).click();
    await page.waitForURL(`**/admin/journal?subjectId=${moved}`);
    await page.waitForFunction(() => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('[data-testid=audit-log] tbody tr').length === 2);
    const history = await page.getByTestId('audit-log').getByRole('row').evaluateAll((trs) => trs.slice(1).map((tr) => (tr as unknown as { cells: Array<{ textContent: string }> }).cells[1]!.textContent));
    expect(history).toEqual(['Rendez-vous déplacé', 'Rendez-vous pris']);
    const details = await page.getByTestId('audit-log').getByRole('row').nth(1).getByRole('cell').nth(4).textContent();
    expect(details).toMatch(/^\d{2}\/\d{2}\/\d{4} 08:00 → \d{2}\/\d{2}\/\d{4} 08:00/);
    expect(await page.getByLabel('Identifiant de la cible').inputValue()).toBe(moved);
    expect(await page.getByTestId('audit-subject').textContent()).toMatch(/^Actions sur : Rendez-vous \d{2}\/\d{2}\/\d{4} 08:00 · Cabine 1 · France Services de Pithiviers$/);
    await page.setViewportSize(TABLET);
    await page.screenshot({ path: join(SCREENSHOTS, 'audit-history-tablet.png'), fullPage: true });
    await page.setViewportSize(DESK_PC);
    await expectAccessible(page, 'one consultation’s history');
  });

  it('exports the filtered log as a CSV file, and the export shows in the log', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporter en CSV (tableur)' }).click()]);
    expect(download.suggestedFilename()).toBe('journal-audit.csv');
    const stream = await download.createReadStream();
    let text = '';
    for await (const chunk of stream) text += String(chunk);
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(';consultation.rescheduled;Camille Coordination;');

    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    await page.waitForURL('**/admin/journal');
    await page.getByTestId('audit-log').getByRole('cell', { name: 'Export du journal' }).waitFor();
  });

  it('says what is wrong with a period that ends before it starts', async () => {
    await page.getByLabel('Du', { exact: true }).fill('2026-12-10');
    await page.getByLabel('Au', { exact: true }).fill('2026-12-01');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Au/);
  });
});
