import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { auditPage, blocking, describeViolations } from '../support/a11y';
import { startTestApp, TestApp } from '../support/app';
import { closeSuite, launchChromium, TestBrowser } from '../support/browser';
import { openCallBrowsers, deviceTokenOf } from '../support/call-browsers';
import { pairDevice } from '../support/callers';
import { createConsultation } from '../support/consultations';
import { demoIds } from '../support/demo-data';
import { createAgent, schedulingIds } from '../support/scheduling';
import { signIn, signInAs, SignedIn } from '../support/session';

const SHOTS = '/tmp/shots-call';

/**
 * Measured in the page (a script: the tests compile without the DOM's types): the page's scroll
 * height, the window's, the call controls outside the window, anything else reaching below it
 * (scrolling panels of the call excepted), and the smallest control's height.
 */
const MEASURE = `(() => {
  const height = window.innerHeight;
  const buttons = [...document.querySelectorAll('.call-page__controls button')];
  const outside = buttons
    .map((b) => ({ name: b.textContent, r: b.getBoundingClientRect() }))
    .filter(({ r }) => r.top < 0 || r.bottom > height || r.left < 0 || r.right > window.innerWidth)
    .map(({ name }) => name);
  const below = [...document.body.querySelectorAll('*')]
    .filter((e) => e.getBoundingClientRect().bottom > height + 1 && e.getClientRects().length > 0 && !e.closest('.call-page__side, .call-page__top'))
    .map((e) => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'));
  const smallest = Math.min(...buttons.map((b) => b.getBoundingClientRect().height));
  return { scroll: document.scrollingElement.scrollHeight, height, outside: [...outside, ...below.slice(0, 8)], smallest };
})()`;

const fitsScreen = (page: Page) => page.evaluate<{ scroll: number; height: number; outside: string[]; smallest: number }>(MEASURE);

async function checkLayout(page: Page, who: string): Promise<void> {
  for (const [width, height] of [
    [1280, 720],
    [800, 1280],
    [1280, 800],
  ] as const) {
    await page.setViewportSize({ width, height });
    await new Promise((r) => setTimeout(r, 300));
    const fit = await fitsScreen(page);
    expect({ who, width, height, outside: fit.outside, scrolls: fit.scroll > fit.height }).toEqual({ who, width, height, outside: [], scrolls: false });
    // The booth is touched: its call controls are larger than the 48 px minimum.
    if (who.startsWith('booth')) expect(fit.smallest).toBeGreaterThanOrEqual(56);
    if (width !== 1280 || height !== 800) await page.screenshot({ path: `${SHOTS}/${who}-${width}x${height}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

describe('the honest waiting room, the agent’s words to the booth and the call’s layout', () => {
  let t: TestApp;
  let chrome: TestBrowser;
  let contexts: BrowserContext[] = [];
  let agentCall: Page;
  let agentHome: Page;
  let booth: Page;
  let previous: string;
  let next: string;
  let agentApi: SignedIn;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    t = await startTestApp({ LOGIN_RATE_LIMIT: '100' });
    const ids = await demoIds(t.dataSource);
    const scheduling = await schedulingIds(t.dataSource);
    // Back to back for the same agent: the previous one at the Pithiviers booth ends in 5 minutes,
    // the next one at Sully's starts then.
    previous = await createConsultation(t.dataSource, ids.pithiviersBoothId, 'agent@demo.visio-msap.fr', -25, 30);
    next = await createConsultation(t.dataSource, ids.sullyBoothId, 'agent@demo.visio-msap.fr', 5, 30);
    await t.dataSource.query(`UPDATE consultations SET citizen_name = 'Jeanne Martin', consultation_type_id = $2 WHERE id = $1`, [next, scheduling.incomeTaxTypeId]);
    chrome = await launchChromium();
    // The agent's call window and home page (two tabs of one session); the Sully booth terminal.
    const opened = await openCallBrowsers(chrome, t.baseUrl, ids.sullyBoothId);
    contexts = opened.contexts;
    booth = opened.booth;
    agentCall = opened.agent;
    agentHome = await agentCall.context().newPage();
    for (const page of [booth, agentCall, agentHome]) await page.setViewportSize({ width: 1280, height: 720 });
    agentApi = await signIn(t.baseUrl, 'agent');
  });
  afterAll(() => closeSuite(contexts, chrome, t));

  it('while the agent is in the previous call, the booth sees its appointment and that the agent is finishing it', async () => {
    await agentCall.goto(`${t.baseUrl}/consultation/${previous}`);
    await agentCall.locator('[data-call-status="call"]').waitFor();
    await booth.goto(`${t.baseUrl}/borne/consultation/${next}`);
    const appointment = booth.getByTestId('booth-appointment');
    await appointment.getByText('Impôt', { exact: false }).waitFor();
    const status = booth.getByTestId('lobby-status');
    await status.getByText(/Votre conseiller termine le rendez-vous précédent \(≈ [45] min\)\./).waitFor();
    expect(await status.getAttribute('aria-live')).toBe('polite');
    await booth.screenshot({ path: `${SHOTS}/booth-lobby-busy-1280x720.png` });
  });

  it('the agent writes from their home page; the booth shows it large, and again after reloading', async () => {
    await agentHome.goto(`${t.baseUrl}/agent`);
    const row = agentHome.locator('li', { has: agentHome.getByText('Jeanne Martin') });
    await row.getByTestId('agent-row-context').getByText('France Services de Sully-sur-Loire', { exact: false }).waitFor();
    await row.getByText('Envoyer un message à la cabine').click();
    await row.getByRole('button', { name: 'J’arrive dans 5 minutes.' }).click();
    await row.getByTestId('booth-message-outcome').getByText('Message envoyé', { exact: false }).waitFor();
    await agentHome.screenshot({ path: `${SHOTS}/agent-home-1280x720.png`, fullPage: true });
    await booth.getByTestId('booth-message').getByText('J’arrive dans 5 minutes.').waitFor();
    await booth.reload();
    await booth.getByTestId('booth-message').getByText('J’arrive dans 5 minutes.').waitFor();
    await checkLayout(booth, 'booth-lobby');
    expect(describeViolations(blocking(await auditPage(booth)))).toBe('');
  });

  it('once the agent opens this consultation, the booth reads that they are told; the agent sees who waits and since when', async () => {
    await agentCall.goto(`${t.baseUrl}/consultation/${next}`);
    await booth.getByTestId('lobby-status').getByText('Votre conseiller est prévenu', { exact: false }).waitFor();
    const banner = agentCall.getByTestId('lobby-banner');
    await banner.getByTestId('lobby-who').getByText('Jeanne Martin · Impôt', { exact: false }).waitFor();
    expect(await banner.getByTestId('lobby-who').textContent()).toMatch(/^Jeanne Martin · .+ · France Services de Sully-sur-Loire$/);
    await banner.getByTestId('lobby-wait').waitFor();
    await checkLayout(agentCall, 'agent-lobby-banner');
    expect(describeViolations(blocking(await auditPage(agentCall)))).toBe('');
  });

  it('in the call, both sides keep every control in view at 1280×720 and on a tablet, and the agent sees the timer', async () => {
    await agentCall.getByTestId('lobby-banner').getByRole('button', { name: 'Faire entrer' }).click();
    await booth.locator('[data-call-status="call"]').waitFor();
    await agentCall.getByTestId('call-timer').getByText(/fin prévue dans \d+ min/).waitFor();
    await checkLayout(booth, 'booth-call');
    await checkLayout(agentCall, 'agent-call');
  });

  it('refuses bad words, another agent’s booth and a flood, each with its code', async () => {
    const post = (who: SignedIn, id: string, body: object) => who.agent.post(`/api/consultations/${id}/booth-message`).set('X-CSRF-Token', who.csrf).send(body);
    expect((await post(agentApi, next, { text: '   ' })).body.errors).toEqual({ text: ['TOO_SHORT'] });
    expect((await post(agentApi, next, { text: 'x'.repeat(201) })).body.errors).toEqual({ text: ['TOO_LONG'] });
    const control = await post(agentApi, next, { text: 'bonjour\u0007' });
    expect([control.status, control.body.errors]).toEqual([422, { text: ['CONTROL_CHARACTER'] }]);
    // Invisible formatting: a bidi override would show other words than the message holds.
    for (const text of ['Bonjour \u202enuméro', 'Bon\u200bjour', 'A\u2066B\u2069']) {
      const invisible = await post(agentApi, next, { text });
      expect([invisible.status, invisible.body.errors]).toEqual([422, { text: ['CONTROL_CHARACTER'] }]);
    }
    // Written hours before the consultation, it would be stale by then: refused, nothing relayed.
    const { pithiviersBoothId } = await demoIds(t.dataSource);
    const afternoon = await createConsultation(t.dataSource, pithiviersBoothId, 'agent@demo.visio-msap.fr', 180, 30);
    const early = await post(agentApi, afternoon, { text: 'J’arrive dans 5 minutes.' });
    expect([early.status, early.body.code]).toEqual([403, 'OUTSIDE_WINDOW']);
    expect((await post(agentApi, next, {})).status).toBe(422);
    const admin = await signIn(t.baseUrl, 'admin');
    const { ddfipId } = await schedulingIds(t.dataSource);
    await createAgent(admin, t.dataSource, 'autre.agent@example.fr', ddfipId);
    const other = await signInAs(t.baseUrl, 'autre.agent@example.fr', 'un-mot-de-passe-long');
    const foreign = await post(other, next, { text: 'Bonjour' });
    expect([foreign.status, foreign.body.code]).toEqual([403, 'NOT_CONSULTATION_AGENT']);
    // The first message went from the home page: four more pass in the minute, the next is refused.
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(agentApi, next, { text: `Message ${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });

  it('the agent’s calendar feed carries each consultation’s link and details, the citizen by initials only', async () => {
    const created = await agentApi.agent.post('/api/notifications/ics-feed').set('X-CSRF-Token', agentApi.csrf).expect(201);
    const feed = await request(t.baseUrl).get(new URL(created.body.url as string).pathname).expect(200);
    // Unfolded (RFC 5545: CRLF + one space continues a line), the event of the Sully consultation.
    const event = feed.text
      .replace(/\r\n /g, '')
      .split('BEGIN:VEVENT')
      .find((e) => e.includes(`UID:consultation-${next}@visio-msap`))!;
    expect(event).toContain(`URL:${t.baseUrl}/consultation/${next}\r\n`);
    expect(event).toMatch(/SUMMARY:Visio MSAP : Impôt sur le revenu : déclaration\\, avis \(J\. M\.\)\r\n/);
    expect(event).toContain("Pièces à apporter : Pièce d'identité\\, Dernier avis d'impôt");
    expect(event).toContain('France Services de Sully-sur-Loire');
    expect(event).not.toContain('Jeanne');
  });

  it('a booth waiting alone past the late threshold is told the agent is late, not a countdown', async () => {
    // The agent hangs up (a closed window would keep their place in the call for the grace period).
    await agentCall.getByRole('button', { name: 'Quitter' }).click();
    await agentCall.locator('[data-call-status]').waitFor({ state: 'detached' });
    await agentCall.close();
    await agentHome.close();
    const ids = await demoIds(t.dataSource);
    const late = await createConsultation(t.dataSource, ids.pithiviersBoothId, 'agent@demo.visio-msap.fr', -7, 30);
    const device = await pairDevice(t.baseUrl, ids.pithiviersBoothId);
    const context = await chrome.browser.newContext({ viewport: { width: 1280, height: 720 } });
    contexts.push(context);
    await context.addCookies([{ name: 'visio_device', value: deviceTokenOf(device.agent), url: t.baseUrl, httpOnly: true }]);
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/borne/consultation/${late}`);
    // The agent's window left the previous consultation's call without hanging up (it moved to the
    // next one): the server keeps them there for the resume grace period (30 s), and says so meanwhile.
    await page.getByTestId('lobby-status').getByText(/Votre conseiller a du retard \((7|8) min\)/).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: `${SHOTS}/booth-lobby-late-1280x720.png` });
  }, 90_000);
});
