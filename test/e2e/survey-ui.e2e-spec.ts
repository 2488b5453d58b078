import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { auditPage, blocking, describeViolations } from '../support/a11y';
import { startTestApp, TestApp } from '../support/app';
import { launchChromium, TestBrowser } from '../support/browser';
import { pageOverflow } from '../support/ui';
import { deviceTokenOf } from '../support/call-browsers';
import { pairDevice } from '../support/callers';
import { createConsultation, sessionCookie } from '../support/consultations';
import { demoIds } from '../support/demo-data';

const SHOTS = '/tmp/shots-survey';

/**
 * A real call ended by the agent, then: the survey on the booth's touch screen (one tap per answer,
 * saved at once, kept when the citizen leaves halfway), on one screen in landscape and portrait,
 * axe-clean; the agent's end form with the call's problems.
 */
describe('after the call, in the browser', () => {
  let t: TestApp;
  let chrome: TestBrowser;
  const contexts: BrowserContext[] = [];
  let booth: Page;
  let agent: Page;
  let consultationId: string;

  const option = (page: Page, question: string, name: string) =>
    page.getByTestId(`survey-${question}`).locator('label', { has: page.getByRole('radio', { name, exact: true }) });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    t = await startTestApp({ LOGIN_RATE_LIMIT: '100' });
    chrome = await launchChromium();
    const ids = await demoIds(t.dataSource);
    consultationId = await createConsultation(t.dataSource, ids.pithiviersBoothId, 'agent@demo.visio-msap.fr');
    const device = await pairDevice(t.baseUrl, ids.pithiviersBoothId);
    const boothContext = await chrome.browser.newContext({ viewport: { width: 1280, height: 720 }, hasTouch: true, locale: 'fr-FR' });
    await boothContext.addCookies([{ name: 'visio_device', value: deviceTokenOf(device.agent), url: t.baseUrl, httpOnly: true }]);
    const agentSession = (await sessionCookie(t.baseUrl, 'agent@demo.visio-msap.fr', 'demo-agent-2026')).split('=')[1]!;
    const agentContext = await chrome.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    await agentContext.addCookies([{ name: 'visio_session', value: agentSession, url: t.baseUrl, httpOnly: true }]);
    contexts.push(boothContext, agentContext);
    booth = await boothContext.newPage();
    agent = await agentContext.newPage();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await chrome?.close();
    await t?.close();
  });

  it('the agent admits the booth and ends the call for everyone: the booth says thank you and shows the survey', async () => {
    await booth.goto(`${t.baseUrl}/borne/consultation/${consultationId}`);
    await agent.goto(`${t.baseUrl}/consultation/${consultationId}`);
    await agent.getByTestId('lobby-banner').getByRole('button', { name: 'Faire entrer' }).click();
    await booth.locator('[data-call-status="call"]').waitFor();
    await agent.getByRole('button', { name: 'Terminer pour tous' }).click();
    await agent.getByRole('button', { name: 'Oui, terminer' }).click();
    await booth.getByRole('heading', { name: 'Merci, la téléconsultation est terminée.' }).waitFor();
    await booth.getByRole('radiogroup', { name: 'Êtes-vous satisfait de ce rendez-vous ?' }).waitFor();
  });

  it('each tap saves its answer at once; the whole survey fits the screen, landscape and portrait, axe-clean', async () => {
    // A tap by mistake, corrected by another: the question keeps the last one, once.
    await option(booth, 'satisfaction', 'Pas satisfait').tap();
    await booth.getByTestId('survey-status-satisfaction').getByText('Enregistré').waitFor();
    await option(booth, 'satisfaction', 'Satisfait').tap();
    await booth.getByTestId('survey-status-satisfaction').getByText('Enregistré').waitFor();
    await option(booth, 'clarity', '4 sur 5').tap();
    await booth.getByTestId('survey-status-clarity').getByText('Enregistré').waitFor();
    await option(booth, 'sound', 'Bon').tap();
    await booth.getByTestId('survey-status-sound').getByText('Enregistré').waitFor();
    expect(await booth.getByRole('radio', { name: 'Satisfait', exact: true }).isChecked()).toBe(true);
    await booth.getByLabel('Un commentaire ? (facultatif)').fill('bonjour\u0007');
    expect(await booth.getByRole('button', { name: 'Envoyer le commentaire' }).isDisabled()).toBe(true);
    await booth.getByLabel('Un commentaire ? (facultatif)').fill('');

    for (const viewport of [{ width: 1280, height: 720 }, { width: 800, height: 1280 }]) {
      await booth.setViewportSize(viewport);
      await booth.screenshot({ path: `${SHOTS}/survey-${viewport.width}x${viewport.height}.png` });
      expect(await pageOverflow(booth)).toEqual({ vertical: false, horizontal: false });
      const small = await booth.locator('.booth-survey__option, [data-testid="booth-survey"] button').evaluateAll((els) =>
        els.map((e) => e.getBoundingClientRect()).filter((r) => r.height < 48 || r.width < 48),
      );
      expect(small).toEqual([]);
    }
    expect(describeViolations(blocking(await auditPage(booth)))).toBe('');

    const [row] = await t.dataSource.query('SELECT * FROM survey_responses');
    expect(row).toMatchObject({ satisfaction: 'good', clarity: 4, sound: 'good', image: null, documents: null, comment: null });
  });

  it('leaving halfway (“Terminer”) wipes the screen and keeps the answers given, once', async () => {
    await booth.getByRole('button', { name: 'Terminer' }).tap();
    await booth.waitForURL(`${t.baseUrl}/borne`);
    const rows = await t.dataSource.query('SELECT satisfaction, clarity, sound, image FROM survey_responses');
    expect(rows).toEqual([{ satisfaction: 'good', clarity: 4, sound: 'good', image: null }]);
    expect(await t.dataSource.query('SELECT 1 FROM survey_openings WHERE consultation_id = $1', [consultationId])).toHaveLength(1);
  });

  it('the agent records the outcome and the call’s problems on the end form', async () => {
    await agent.getByRole('heading', { name: 'Résultat de la téléconsultation' }).waitFor();
    // The DSFR label covers its box: the person taps the label.
    await agent.locator('label', { hasText: /^Son$/ }).click();
    await agent.locator('label', { hasText: /^Coupures$/ }).click();
    expect(await agent.getByLabel('Coupures').isChecked()).toBe(true);
    await agent.getByLabel('Précisez (facultatif)').fill('Son haché en fin d’appel');
    await agent.screenshot({ path: `${SHOTS}/agent-end-1280x900.png`, fullPage: true });
    expect(describeViolations(blocking(await auditPage(agent)))).toBe('');
    await agent.getByRole('button', { name: 'Enregistrer le résultat' }).click();
    await agent.getByTestId('outcome-saved').waitFor();
    const rows = await t.dataSource.query('SELECT author_role, problems, note FROM call_feedback WHERE consultation_id = $1', [consultationId]);
    expect(rows).toEqual([{ author_role: 'agent', problems: ['sound', 'cuts'], note: 'Son haché en fin d’appel' }]);
  });
});
