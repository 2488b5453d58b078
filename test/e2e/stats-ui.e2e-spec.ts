import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { INDICATORS, type StatsReport } from '../../shared/stats/indicators';
import { auditPage, blocking, describeViolations } from '../support/a11y';
import { startTestApp, TestApp } from '../support/app';
import { book, DemoCatalogue, demoCatalogue, openAllWeek } from '../support/booth-day';
import { closeSuite, launchChromium, TestBrowser } from '../support/browser';
import { ROOT } from '../support/process';
import { signInUi } from '../support/ui';

const DESK_PC = { width: 1280, height: 720 };
const TABLET = { width: 800, height: 1280 };
const SCREENSHOTS = join(ROOT, 'test-results');
const NO_DATA = 'pas encore de données';

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = blocking(await auditPage(page));
  expect(`${what}: ${describeViolations(violations)}`).toBe(`${what}: `);
}

/** A French figure as the page shows it (« 1 234,5 % », « 8,3 / 10 ») back to a number; null for « pas encore de données ». */
function frenchNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === NO_DATA) return null;
  const match = /^-?[\d\s\u202f\u00a0]+(,\d+)?/.exec(trimmed);
  if (!match) throw new Error(`not a figure: ${JSON.stringify(text)}`);
  return Number(match[0].replace(/[\s\u202f\u00a0]/g, '').replace(',', '.'));
}

/** How far a shown figure may be from the API's after the page's rounding (counts: not at all). */
const TOLERANCE: Record<string, number> = { count: 0, ms: 0.5, km: 0.5 };
const tolerance = (unit: string) => TOLERANCE[unit] ?? 0.05 + 1e-9;

/** Every indicator row of the page: id → the value cell's text. */
async function pageIndicators(page: Page): Promise<Map<string, string>> {
  const rows = await page.locator('table[data-testid^="indicators-"] tr[data-indicator]').evaluateAll((trs) =>
    trs.map((tr) => {
      const row = tr as unknown as { getAttribute(n: string): string; querySelector(s: string): { textContent: string } };
      return [row.getAttribute('data-indicator'), row.querySelector('[data-role="value"]').textContent] as const;
    }),
  );
  return new Map(rows);
}

/** The cells of one table marked data-column, by row key (data-start, data-site…). */
async function tableCells(table: Locator, rowKey: string): Promise<Record<string, Record<string, string>>> {
  return table.evaluate((el, key) => {
    const out: Record<string, Record<string, string>> = {};
    const root = el as unknown as { querySelectorAll(s: string): Array<{ getAttribute(n: string): string; querySelectorAll(s: string): Array<{ getAttribute(n: string): string; textContent: string }> }> };
    for (const tr of root.querySelectorAll(`tr[${key}]`)) {
      const cells: Record<string, string> = {};
      for (const td of tr.querySelectorAll('td[data-column]')) cells[td.getAttribute('data-column')] = td.textContent;
      out[tr.getAttribute(key)] = cells;
    }
    return out;
  }, rowKey);
}

/** The page's tables hold exactly the API's figures (indicators, series, sites, quality and satisfaction). */
async function expectPageEqualsApi(page: Page, report: StatsReport): Promise<void> {
  const shown = await pageIndicators(page);
  expect(shown.size).toBe(INDICATORS.length);
  for (const indicator of INDICATORS) {
    const api = report.values[indicator.id as keyof StatsReport['values']];
    const text = shown.get(indicator.id)!;
    const value = frenchNumber(text);
    if (api === null) expect(`${indicator.id}: ${text}`).toBe(`${indicator.id}: ${NO_DATA}`);
    else expect(Math.abs(value! - api)).toBeLessThanOrEqual(tolerance(indicator.unit));
  }
  const series = await tableCells(page.getByTestId('chart-status-table'), 'data-start');
  expect(Object.keys(series)).toEqual(report.series.map((p) => p.start));
  for (const p of report.series) {
    const row = series[p.start]!;
    expect({ booked: frenchNumber(row.booked!), held: frenchNumber(row.held!), cancelled: frenchNumber(row.cancelled!), noShowCitizen: frenchNumber(row.noShowCitizen!), noShowAgent: frenchNumber(row.noShowAgent!) }).toEqual({
      booked: p.booked,
      held: p.held,
      cancelled: p.cancelled,
      noShowCitizen: p.noShowCitizen,
      noShowAgent: p.noShowAgent,
    });
  }
  const sites = await tableCells(page.getByTestId('chart-sites-table'), 'data-site');
  expect(Object.keys(sites).sort()).toEqual(report.sites.map((s) => s.siteId).sort());
  for (const s of report.sites) {
    expect([frenchNumber(sites[s.siteId]!.booked!), frenchNumber(sites[s.siteId]!.held!), frenchNumber(sites[s.siteId]!.cancelled!)]).toEqual([s.booked, s.held, s.cancelled]);
  }
  const rtt = await tableCells(page.getByTestId('chart-rtt-table'), 'data-bucket');
  expect(report.quality.rtt.map((b) => frenchNumber(rtt[b.bucket]!.calls!))).toEqual(report.quality.rtt.map((b) => b.calls));
  const loss = await tableCells(page.getByTestId('chart-loss-table'), 'data-bucket');
  expect(report.quality.loss.map((b) => frenchNumber(loss[b.bucket]!.calls!))).toEqual(report.quality.loss.map((b) => b.calls));
  const answers = await tableCells(page.getByTestId('chart-satisfaction-distribution-table'), 'data-answer');
  expect(['good', 'medium', 'bad'].map((a) => frenchNumber(answers[a]!.count!))).toEqual([report.values.satisfaction_good, report.values.satisfaction_medium, report.values.satisfaction_bad]);
}

/** The period the page opened on, read from its date fields (no filter in the address yet). */
async function defaultPeriod(page: Page): Promise<{ from: string; to: string }> {
  return { from: await page.getByLabel('Du', { exact: true }).inputValue(), to: await page.getByLabel('Au', { exact: true }).inputValue() };
}

/** A `;` CSV with quoted cells (the statistics' export) as rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * A coordinator opens « Statistiques » as they would: signed in through the form, from their
 * navigation; the figures on screen, the API's and the CSV's are the same; the public page of the
 * published département withholds its small counts.
 */
describe('statistics page in Chromium', () => {
  let t: TestApp;
  let chrome: TestBrowser;
  const contexts: BrowserContext[] = [];
  let c: DemoCatalogue;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    t = await startTestApp();
    chrome = await launchChromium();
    // The directory and accounts are the demo seed's; the consultations are booked through the API.
    c = await demoCatalogue(t.baseUrl);
    await openAllWeek(c);
    const start = DateTime.now().setZone('Europe/Paris').plus({ days: 7 }).startOf('day').plus({ hours: 9 });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await book(c, start.plus({ minutes: 30 * i }), 20, `Usager ${i}`));
    // NOTE: statistics count past consultations, which the API cannot create (a booking starts in the
    // future, a call needs browsers). This test moves its own bookings into the past in SQL and
    // writes what the calls would have recorded: 7 held (5 measured), 2 cancelled, 1 citizen
    // no-show, 1 agent no-show (the booth waited in the lobby), 1 without a known outcome.
    for (const [i, id] of ids.entries()) {
      await t.dataSource.query(
        `UPDATE consultations SET starts_at = starts_at - make_interval(days => $2), ends_at = ends_at - make_interval(days => $2),
           created_at = starts_at - make_interval(days => $2 + 4) WHERE id = $1`,
        [id, 9 + 4 * i],
      );
    }
    const held = ids.slice(0, 7);
    await t.dataSource.query(
      `UPDATE consultations SET status = 'done', call_started_at = starts_at + interval '2 minutes', call_ended_at = starts_at + interval '18 minutes',
         outcome_recorded_at = starts_at + interval '19 minutes' WHERE id = ANY($1)`,
      [held],
    );
    const quality: Array<[number, number, boolean]> = [
      [40, 0.2, false],
      [80, 0.5, false],
      [120, 2, false],
      [250, 6, true],
      [60, 0.1, false],
    ];
    for (const [i, [rtt, loss, audioOnly]] of quality.entries()) {
      await t.dataSource.query(
        `INSERT INTO call_quality (consultation_id, booth_lobby_at, agent_joined_at, media_connected_at, joins, rtt_median_ms, loss_median_pct, audio_only, samples)
         SELECT id, starts_at - interval '1 minute', starts_at + interval '1 minute', starts_at + interval '2 minutes', 2, $2, $3, $4, 60 FROM consultations WHERE id = $1`,
        [held[i], rtt, loss, audioOnly],
      );
    }
    await t.dataSource.query(
      `UPDATE consultations SET status = 'cancelled', cancelled_at = starts_at - interval '1 day', cancellation_reason = 'test',
         cancellation_cause = (CASE WHEN id = $1 THEN 'citizen' ELSE 'agent_absence' END)::cancellation_cause WHERE id = ANY($2)`,
      [ids[7], [ids[7], ids[8]]],
    );
    await t.dataSource.query(`UPDATE consultations SET status = 'no_show', outcome_recorded_at = ends_at WHERE id = $1`, [ids[9]]);
    await t.dataSource.query(`INSERT INTO call_quality (consultation_id, booth_lobby_at) SELECT id, starts_at FROM consultations WHERE id = $1`, [ids[10]]);
    // Three survey answers at Pithiviers, a week ago (the survey is anonymous: no consultation).
    await t.dataSource.query(
      `INSERT INTO survey_responses (token_hash, msap_site_id, administration_id, satisfaction, clarity, created_on, updated_on)
       SELECT 'test-' || n, b.msap_site_id, ad.id, s, 4, CURRENT_DATE - 7, CURRENT_DATE - 7
         FROM booths b, administrations ad, unnest(ARRAY['good', 'good', 'medium']) WITH ORDINALITY AS x(s, n)
        WHERE b.id = $1 AND ad.name = 'DDFIP du Loiret'`,
      [c.boothId],
    );
    const context = await chrome.browser.newContext({ viewport: DESK_PC, acceptDownloads: true, locale: 'fr-FR' });
    contexts.push(context);
    page = await context.newPage();
  }, 120_000);
  afterAll(() => closeSuite(contexts, chrome, t));

  /** GET /api/stats with the page's own session and the filters of its address. */
  async function apiFor(url: string): Promise<StatsReport> {
    const search = new URL(url).search;
    const res = await page.request.get(`${t.baseUrl}/api/stats${search}`);
    expect(res.status()).toBe(200);
    return (await res.json()) as StatsReport;
  }

  it('opens from the coordinator’s navigation, filters by site, and shows the API’s figures in its tables', async () => {
    await signInUi(page, t.baseUrl, 'coordinator', '/coordination');
    await page.getByRole('navigation', { name: 'Coordination' }).getByRole('link', { name: 'Statistiques' }).click();
    await page.waitForURL('**/coordination/statistiques');
    await page.getByRole('heading', { level: 1, name: 'Statistiques' }).waitFor();
    expect(await page.title()).toBe('Statistiques — Visio MSAP');
    await page.getByTestId('indicators-activity').waitFor();

    await page.getByLabel('France Services', { exact: true }).selectOption({ label: 'France Services de Pithiviers' });
    await page.getByRole('button', { name: 'Afficher', exact: true }).click();
    await page.waitForURL(/siteId=/);
    await page.getByTestId('chart-status-table').waitFor();
    const report = await apiFor(page.url());
    expect(report.values.booked).toBe(12);
    expect(report.values.held).toBe(7);
    await expectPageEqualsApi(page, report);
    expect(await page.getByTestId('chart-status-reading').textContent()).toBe('7 consultations tenues sur 12 réservées, soit 58\u00a0% ; 2 annulées.');
    expect(await page.getByTestId('indicators-satisfaction').locator('tr[data-indicator="satisfaction_score"] [data-role="value"]').textContent()).toBe('8,3\u00a0/\u00a010');
    expect(await page.getByTestId('travel-method').textContent()).toContain('ADEME');

    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'stats-1280x720.png') });
    await page.getByTestId('chart-status').evaluate((el) => (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(SCREENSHOTS, 'stats-chart-1280x720.png') });
    for (const chart of ['chart-rtt', 'chart-satisfaction-trend']) {
      await page.getByTestId(chart).evaluate((el) => (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: join(SCREENSHOTS, `stats-${chart}-1280x720.png`) });
    }

    // The definition is the catalogue's, in a disclosure.
    const held = page.getByTestId('indicators-activity').locator('tr[data-indicator="held"]');
    await held.getByText('Définition').click();
    await held.getByText(INDICATORS.find((i) => i.id === 'held')!.definition).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'stats-definition-1280x720.png') });
    await expectAccessible(page, 'statistics page');
  });

  it('downloads the indicators as CSV, with the figures of the table', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Indicateurs (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^statistiques-indicators-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    let text = '';
    for await (const chunk of await download.createReadStream()) text += String(chunk);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(['id', 'section', 'libellé', 'valeur', 'unité', 'définition']);
    const shown = await pageIndicators(page);
    expect(rows.map((r) => r[0])).toEqual(INDICATORS.map((i) => i.id));
    for (const [id, , label, value] of rows) {
      const indicator = INDICATORS.find((i) => i.id === id)!;
      expect(label).toBe(indicator.label);
      const csv = value === '' ? null : Number(value!.replace(',', '.'));
      const page = frenchNumber(shown.get(id!)!);
      if (csv === null) expect(page).toBeNull();
      else expect(Math.abs(page! - csv)).toBeLessThanOrEqual(tolerance(indicator.unit));
    }
  });

  it('changes the period with a quick choice, keeps it in the address, and reads « pas encore de données » where there is none', async () => {
    await page.getByRole('button', { name: 'L’année dernière' }).click();
    const year = DateTime.now().setZone('Europe/Paris').year - 1;
    await page.waitForURL(new RegExp(`from=${year}-01-01&to=${year}-12-31`));
    await page.getByTestId('stats-period').getByText(`Du 01/01/${year} au 31/12/${year}`, { exact: false }).waitFor();
    expect(page.url()).toContain('siteId=');
    const report = await apiFor(page.url());
    expect(report.period.granularity).toBe('week');
    await expectPageEqualsApi(page, report);
    expect(await page.getByTestId('chart-status-reading').textContent()).toBe('Aucune consultation réservée sur la période.');
    expect(await page.getByTestId('indicators-timing').locator('tr[data-indicator="lead_time_median_days"] [data-role="value"]').textContent()).toBe(NO_DATA);

    await page.getByRole('button', { name: '3 derniers mois' }).click();
    await page.waitForURL((url) => !url.search.includes(`from=${year}`));
    await page.getByTestId('chart-status-table').waitFor();
    await page.setViewportSize(TABLET);
    await page.screenshot({ path: join(SCREENSHOTS, 'stats-800x1280.png') });
    await page.getByTestId('chart-sites').evaluate((el) => (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(SCREENSHOTS, 'stats-sites-800x1280.png') });
    await page.setViewportSize(DESK_PC);
    await expectAccessible(page, 'statistics page, three months');
  });

  it('publishes the département: its public page, without sign-in, withholds the small counts', async () => {
    // The DSFR toggle's label covers its input: a person clicks the words.
    await page.locator('label', { hasText: 'Publier les résultats du département' }).click();
    await page.getByText('Les résultats du département sont publiés.').waitFor();
    expect(await page.getByRole('checkbox', { name: /Publier les résultats du département/ }).isChecked()).toBe(true);
    const visitor = await chrome.browser.newContext({ viewport: TABLET, locale: 'fr-FR' });
    contexts.push(visitor);
    const open = await visitor.newPage();
    await open.goto(`${t.baseUrl}/statistiques`);
    await open.getByRole('link', { name: 'Département 45' }).click();
    await open.waitForURL('**/statistiques/departement/45');
    await open.getByRole('heading', { level: 1, name: 'Téléconsultations France Services : résultats du département 45' }).waitFor();
    await open.getByTestId('indicators-activity').waitFor();
    const res = await open.request.get(`${t.baseUrl}/api/public/stats/45`);
    const report = (await res.json()) as { suppressed: string[]; values: Record<string, number | null>; minCount: number };
    expect(report.suppressed).toContain('held');
    const shown = await pageIndicators(open);
    for (const id of report.suppressed) expect(`${id}: ${shown.get(id)}`).toBe(`${id}: non diffusé (secret statistique)`);
    expect(await open.getByTestId('secrecy').textContent()).toContain(`moins de ${report.minCount}`);
    await open.screenshot({ path: join(SCREENSHOTS, 'stats-public-800x1280.png') });
    await expectAccessible(open, 'public statistics page');
  });
  it('a facilitator and an agent open their own figures from their pages, the server deciding what they see', async () => {
    const facilitatorContext = await chrome.browser.newContext({ viewport: DESK_PC, locale: 'fr-FR' });
    contexts.push(facilitatorContext);
    const facilitator = await facilitatorContext.newPage();
    await signInUi(facilitator, t.baseUrl, 'facilitator', '/animation');
    await facilitator.getByRole('navigation', { name: 'Animation France Services' }).getByRole('link', { name: 'Statistiques' }).click();
    await facilitator.getByTestId('chart-status-table').waitFor();
    // Their France Services only: no choice of département nor of site.
    expect(await facilitator.getByLabel('France Services', { exact: true }).count()).toBe(0);
    const res = await facilitator.request.get(`${t.baseUrl}/api/stats${new URL(facilitator.url()).search || '?' + new URLSearchParams(await defaultPeriod(facilitator))}`);
    expect(res.status()).toBe(200);
    await expectPageEqualsApi(facilitator, (await res.json()) as StatsReport);

    const agentContext = await chrome.browser.newContext({ viewport: DESK_PC, locale: 'fr-FR' });
    contexts.push(agentContext);
    const agent = await agentContext.newPage();
    await signInUi(agent, t.baseUrl, 'agent', '/agent');
    await agent.getByRole('link', { name: 'Statistiques' }).click();
    await agent.getByTestId('chart-status-table').waitFor();
    expect(await agent.getByTestId('chart-satisfaction-distribution-reading').textContent()).toMatch(/^L’enquête de satisfaction est anonyme/);
    expect(await agent.getByRole('checkbox', { name: /Publier/ }).count()).toBe(0);
  });
});
