import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { auditPage, blocking, describeViolations } from '../support/a11y';
import { startTestApp, TestApp } from '../support/app';
import { closeSuite, launchChromium, TestBrowser, waitFor } from '../support/browser';
import { pageOverflow } from '../support/ui';
import { openCallBrowsers } from '../support/call-browsers';
import { createConsultation } from '../support/consultations';
import { demoIds } from '../support/demo-data';

const SHOTS = '/tmp/shots-chat';
const LINK = 'https://www.service-public.fr/particuliers/vosdroits';

/**
 * The call's chat in two real browsers: the booth (a shared kiosk, touch screen) and the agent.
 * The server serves the client built into CLIENT_DIST_DIR (or dist/client).
 */
describe('chat during a consultation, booth and agent in Chromium', () => {
  let t: TestApp;
  let chrome: TestBrowser;
  let booth: Page;
  let agent: Page;
  let contexts: BrowserContext[] = [];
  let consultationId: string;

  const panel = (page: Page) => page.getByTestId('chat-panel');
  const field = (page: Page) => panel(page).getByLabel('Votre message');
  const messages = (page: Page) => panel(page).getByTestId('chat-message');
  /** Each message's text as the sender wrote it (what is only said to screen readers left out). */
  const texts = (page: Page) =>
    messages(page)
      .locator('.chat-panel__text')
      .evaluateAll((nodes) =>
        nodes.map((node) => {
          // The tests compile without the DOM library: the little of it used here, typed by hand.
          type Node = { cloneNode(deep: boolean): Node; querySelectorAll(s: string): Array<{ remove(): void }>; textContent: string | null };
          const copy = (node as unknown as Node).cloneNode(true);
          copy.querySelectorAll('.fr-sr-only').forEach((hidden) => hidden.remove());
          return copy.textContent ?? '';
        }),
      );
  const write = async (page: Page, text: string) => {
    await field(page).fill(text);
    await field(page).press('Enter');
  };
  const shoot = async (page: Page, name: string) => {
    for (const [w, h] of [
      [1280, 720],
      [800, 1280],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: `${SHOTS}/${name}-${w}x${h}.png`, fullPage: true });
      // The side column scrolls: the whole panel on its own, too.
      await panel(page).screenshot({ path: `${SHOTS}/${name}-panel-${w}x${h}.png` });
    }
  };
  const axeClean = async (page: Page) => {
    const violations = blocking(await auditPage(page));
    expect(describeViolations(violations)).toBe('');
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync('/tmp/shots-ux', { recursive: true });
    t = await startTestApp({ LOGIN_RATE_LIMIT: '100', MEDIA_WORKERS: '1' });
    const ids = await demoIds(t.dataSource);
    consultationId = await createConsultation(t.dataSource, ids.pithiviersBoothId, 'agent@demo.visio-msap.fr');
    chrome = await launchChromium();
    ({ booth, agent, contexts } = await openCallBrowsers(chrome, t.baseUrl, ids.pithiviersBoothId));
  });
  afterAll(() => closeSuite(contexts, chrome, t));

  it('from the lobby, the citizen says with one touch that they are deaf; the agent reads it before letting them in', async () => {
    await booth.goto(`${t.baseUrl}/borne`);
    await booth.waitForURL(`**/borne/consultation/${consultationId}`);
    await booth.getByText('Vous êtes en salle d’attente.').waitFor();
    const phrase = panel(booth).getByRole('button', { name: 'Je suis sourd(e) ou malentendant(e).' });
    // Touch targets of the booth: 48 px at least.
    const box = (await phrase.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(48);
    await phrase.click();
    await waitFor('the phrase in the booth’s log', async () => ((await texts(booth)).includes('Je suis sourd(e) ou malentendant(e).') ? true : undefined));
    await shoot(booth, 'booth-lobby');
    await axeClean(booth);

    await agent.goto(`${t.baseUrl}/consultation/${consultationId}`);
    const banner = agent.getByTestId('lobby-banner');
    await banner.waitFor();
    await waitFor('the booth’s message at the agent', async () => ((await texts(agent)).includes('Je suis sourd(e) ou malentendant(e).') ? true : undefined));
    expect(await messages(agent).first().innerText()).toContain('France Services de Pithiviers (usager)');
    await banner.getByRole('button', { name: 'Faire entrer' }).click();
    await banner.waitFor({ state: 'detached' });
    await booth.locator('[data-call-status="call"]').waitFor();
  });

  it('both ways in the call: Enter sends, Shift+Enter goes to the line; an unread badge while the panel is closed', async () => {
    // The agent closes the panel: what the booth writes then is counted as unread.
    await panel(agent).getByTestId('chat-toggle').click();
    await field(booth).fill('Bonjour');
    await field(booth).press('Shift+Enter');
    await field(booth).pressSequentially('je vous lis');
    expect(await panel(booth).getByTestId('chat-counter').innerText()).toBe('19 / 1000 caractères');
    await field(booth).press('Enter');
    expect(await field(booth).inputValue()).toBe('');
    await panel(booth).getByRole('button', { name: 'Merci' }).click();
    const badge = panel(agent).getByTestId('chat-unread');
    await badge.getByText('2 messages non lus').waitFor();
    expect(await panel(agent).getByTestId('chat-toggle').getAttribute('aria-expanded')).toBe('false');
    await panel(agent).getByTestId('chat-toggle').click();
    await badge.waitFor({ state: 'detached' });
    expect((await texts(agent)).slice(-2)).toEqual(['Bonjour\nje vous lis', 'Merci']);

    // The log is a polite live region: new messages are read out, nothing else.
    const log = panel(agent).getByRole('log');
    expect(await log.getAttribute('aria-live')).toBe('polite');
    expect(await log.getAttribute('aria-busy')).toBe('false');
  });

  it('HTML stays text; an address is a safe link at the agent, and plain text at the booth (a kiosk must not leave the call)', async () => {
    await write(agent, `Le formulaire est ici : ${LINK}. <b>Important</b> <img src=x onerror="document.title='pwned'">`);
    await waitFor('the agent’s message at the booth', async () => ((await texts(booth)).some((x) => x.includes('<b>Important</b>')) ? true : undefined));
    const last = messages(booth).last();
    expect(await last.locator('b, img').count()).toBe(0);
    expect(await last.getByRole('link').count()).toBe(0);
    expect(await last.getByTestId('chat-url').innerText()).toBe(LINK);
    await last.getByText('Les liens ne s’ouvrent pas sur cette borne').waitFor();
    expect(await booth.title()).not.toBe('pwned');

    const link = messages(agent).last().getByRole('link');
    expect(await link.getAttribute('href')).toBe(LINK);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await messages(agent).last().locator('b, img').count()).toBe(0);
    await shoot(booth, 'booth-call');
    await shoot(agent, 'agent-call');
    await axeClean(booth);
    await axeClean(agent);
  });

  it('at the booth, the phrases and the field are in view with the controls, without scrolling; the documents are one touch away', async () => {
    for (const [width, height] of [
      [1280, 720],
      [800, 1280],
    ] as const) {
      await booth.setViewportSize({ width, height });
      await new Promise((r) => setTimeout(r, 300));
      // Each one on screen and not hidden by a scrolled panel: what the page shows at its centre is it.
      const hidden = await booth.evaluate<string[]>(`[...document.querySelectorAll('.chat-panel__phrase-list button, [data-testid=chat-panel] textarea, [data-testid=chat-panel] button[type=submit], .call-page__controls button')]
        .filter((e) => { const r = e.getBoundingClientRect(); const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2); return !at || !(e === at || e.contains(at)); })
        .map((e) => e.textContent || e.tagName)`);
      await booth.screenshot({ path: `/tmp/shots-ux/booth-call-chat-${width}x${height}.png` });
      expect({ width, height, hidden }).toEqual({ width, height, hidden: [] });
      expect((await pageOverflow(booth)).vertical).toBe(false);
    }
    await booth.setViewportSize({ width: 1280, height: 720 });
    // The chat comes before the controls in the reading order: a link, shown when focused, goes to them.
    const skip = booth.getByRole('link', { name: 'Aller aux commandes de l’appel' });
    await skip.focus();
    expect((await skip.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    await booth.keyboard.press('Enter');
    await booth.keyboard.press('Tab');
    expect(await booth.evaluate<string>('document.activeElement.textContent')).toBe('Couper le micro');
    const messagesView = booth.getByTestId('side-view-chat');
    expect(await messagesView.getAttribute('aria-pressed')).toBe('true');
    await booth.getByTestId('side-view-documents').click();
    expect(await booth.getByTestId('side-view-documents').getAttribute('aria-pressed')).toBe('true');
    await booth.getByRole('button', { name: 'Photographier un document' }).waitFor();
    expect(await panel(booth).isVisible()).toBe(false);
    // Written to while it shows the documents: the « Messages » button counts what is unread.
    await write(agent, 'Avez-vous votre avis d’impôt ?');
    await messagesView.getByTestId('chat-unread').getByText('1 message non lu').waitFor();
    await booth.screenshot({ path: '/tmp/shots-ux/booth-call-documents-1280x720.png' });
    await axeClean(booth);
    await messagesView.click();
    await messagesView.getByTestId('chat-unread').waitFor({ state: 'detached' });
    expect((await texts(booth)).at(-1)).toBe('Avez-vous votre avis d’impôt ?');
  });

  it('after a reload, the booth gets the whole history back; what it writes offline is sent, once, when it is back', async () => {
    const before = await texts(agent);
    await booth.reload();
    await booth.locator('[data-call-status="call"]').waitFor();
    await waitFor('the history replayed', async () => ((await texts(booth)).length === before.length ? true : undefined));
    expect(await texts(booth)).toEqual(before);
    // Replayed history is not "new": nothing unread at the booth (its count is on the « Messages » button).
    expect(await booth.getByTestId('chat-unread').count()).toBe(0);

    // The booth's connection drops; it writes meanwhile, and the agent too.
    await contexts[0]!.setOffline(true);
    await write(booth, 'Je vous écris pendant la coupure');
    await panel(booth).getByTestId('chat-pending').getByText('Je vous écris pendant la coupure').waitFor();
    await write(agent, 'Je vous attends');
    await booth.locator('[data-call-status="reconnecting"]').waitFor({ timeout: 30_000 });
    await contexts[0]!.setOffline(false);
    await booth.locator('[data-call-status="call"]').waitFor({ timeout: 30_000 });
    await waitFor('the queued message at the agent', async () => ((await texts(agent)).includes('Je vous écris pendant la coupure') ? true : undefined));
    await waitFor('the missed message at the booth', async () => ((await texts(booth)).includes('Je vous attends') ? true : undefined));
    await panel(booth).getByTestId('chat-pending').waitFor({ state: 'detached' });
    // Each once, in the same order on both sides.
    const [b, a] = [await texts(booth), await texts(agent)];
    expect(b).toEqual(a);
    expect(a.filter((x) => x === 'Je vous écris pendant la coupure')).toHaveLength(1);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM consultation_chat_messages WHERE consultation_id = $1`, [consultationId]);
    expect(n).toBe(a.length);
  });

  it('too many messages at once: the citizen is told in French, and nothing is stored twice', async () => {
    const yes = panel(booth).getByRole('button', { name: 'Oui', exact: true });
    for (let i = 0; i < 7; i++) await yes.click();
    await panel(booth).getByTestId('chat-error').getByText('Trop de messages d’un coup : attendez quelques secondes avant d’envoyer le suivant.').waitFor();
    await shoot(booth, 'booth-rate-limited');
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM consultation_chat_messages WHERE consultation_id = $1 AND text = 'Oui'`, [consultationId]);
    expect(n).toBeLessThanOrEqual(5);
    await waitFor('every stored "Oui" at the agent', async () => ((await texts(agent)).filter((x) => x === 'Oui').length === n ? true : undefined));
    // An empty message is refused on the spot, in French.
    await write(agent, '   ');
    await panel(agent).getByTestId('chat-error').getByText('Le message est vide.').waitFor();
  });
});
