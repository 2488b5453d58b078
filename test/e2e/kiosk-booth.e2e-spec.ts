import { mkdir } from 'node:fs/promises';
import { DateTime } from 'luxon';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { A11yExclusion, auditPage, blocking, describeViolations } from '../support/a11y';
import { startTestApp, TestApp } from '../support/app';
import { book, demoCatalogue, openAllWeek } from '../support/booth-day';
import { launchChromium, TestBrowser, waitFor } from '../support/browser';
import { fillPrivateStores, principalKind, privateStoresLeft, tracksOfPreviousPage, watchCaptureTracks } from '../support/booth-wipe';
import { demoIds } from '../support/demo-data';
import { signIn, SignedIn } from '../support/session';
import { demoAccount, isFocused, pageOverflow } from '../support/ui';

const SHOTS = '/tmp/shots-kiosk';
const VIEWPORTS = [
  { name: 'landscape', width: 1280, height: 720 },
  { name: 'portrait', width: 800, height: 1280 },
] as const;
type Viewport = (typeof VIEWPORTS)[number];

/** A pairing code for a booth, made through the API as a facilitator's page does (one admin session per server). */
async function pairingCode(admin: SignedIn, boothId: string): Promise<string> {
  return (await admin.agent.post(`/api/booths/${boothId}/pairing-codes`).set('X-CSRF-Token', admin.csrf).expect(201)).body.code as string;
}

/** A touch screen booth, the size of the given viewport. */
const boothContext = (browser: Browser, viewport: Viewport) =>
  browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, hasTouch: true, locale: 'fr-FR' });

/** Pairs by tapping the on-screen keypad, as a facilitator without a keyboard does. */
async function pairByTapping(page: Page, baseUrl: string, code: string): Promise<void> {
  await page.goto(`${baseUrl}/borne/appairage`);
  const pad = page.getByRole('group', { name: 'Pavé numérique' });
  for (const digit of code) await pad.getByRole('button', { name: digit, exact: true }).tap();
  await page.waitForURL('**/borne/appairage');
  expect(await page.getByLabel('Code d’appairage').inputValue()).toBe(code);
  await pad.getByRole('button', { name: /^Valider/ }).tap();
  await page.waitForURL('**/borne');
}

/** Nothing on the page leads out of the service, and nothing signs out. */
async function expectNoWayOut(page: Page, origin: string): Promise<void> {
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => (a as unknown as { href: string }).href));
  expect(hrefs.filter((href) => new URL(href).origin !== origin)).toEqual([]);
  expect(await page.getByRole('button', { name: /déconnecter|quitter/i }).count()).toBe(0);
  expect(await page.getByRole('link', { name: /déconnecter|quitter/i }).count()).toBe(0);
  // The whole page is within the screen's width: nothing to scroll sideways.
  expect((await pageOverflow(page)).horizontal).toBe(false);
}


async function expectAccessible(page: Page, exclusions: A11yExclusion[] = []): Promise<void> {
  expect(describeViolations(blocking(await auditPage(page, exclusions)))).toBe('');
}

/** Text at twice its size (RGAA 10.4): everything reflows within the screen's width, nothing is cut. */
async function expectReadableAt200(page: Page, shot: string): Promise<void> {
  const setRoot = (size: string) =>
    page.evaluate((value) => {
      (globalThis as unknown as { document: { documentElement: { style: { fontSize: string } } } }).document.documentElement.style.fontSize = value;
    }, size);
  await setRoot('200%');
  try {
    expect((await pageOverflow(page)).horizontal).toBe(false);
    await page.screenshot({ path: `${SHOTS}/${shot}.png`, fullPage: true });
  } finally {
    await setRoot('');
  }
}

/** Every control of the booth's frame and page is at least 48 px on each side. */
async function expectLargeTargets(page: Page): Promise<void> {
  const small = await page.locator('main button:visible, main a.fr-btn:visible, header button:visible, .kiosk-keypad button:visible').evaluateAll((elements) =>
    elements
      .map((el) => ({ text: (el as unknown as { textContent: string }).textContent.trim(), box: (el as unknown as { getBoundingClientRect(): { width: number; height: number } }).getBoundingClientRect() }))
      .filter(({ box }) => box.width < 48 || box.height < 48)
      .map(({ text, box }) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
  expect(small).toEqual([]);
}

describe('the booth as a kiosk, in a real browser', () => {
  let t: TestApp;
  let chrome: TestBrowser;
  const contexts: BrowserContext[] = [];
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let admin: SignedIn;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    t = await startTestApp({ LOGIN_RATE_LIMIT: '50' });
    ids = await demoIds(t.dataSource);
    admin = await signIn(t.baseUrl, 'admin');
    chrome = await launchChromium();
  });
  // Each test's screens are closed once it is over: a booth left on its check (camera, network
  // measures) or polling would only slow the next tests down.
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await chrome?.close();
    await t?.close();
  });

  /** A booth paired by touch; with `clock`, its timers can be moved on (page.clock) instead of waited for. */
  async function pairedBooth(viewport: Viewport, boothId = ids.pithiviersBoothId, { clock = false } = {}): Promise<Page> {
    const context = await boothContext(chrome.browser, viewport);
    contexts.push(context);
    if (clock) await context.clock.install();
    const page = await context.newPage();
    await pairByTapping(page, t.baseUrl, await pairingCode(admin, boothId));
    return page;
  }

  for (const viewport of VIEWPORTS) {
    it(`pairs by touch, and shows no way out of the service on its screens (${viewport.width}×${viewport.height})`, async () => {
      const context = await boothContext(chrome.browser, viewport);
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${t.baseUrl}/borne/appairage`);
      await page.getByRole('heading', { level: 1, name: 'Appairer cet écran à sa cabine' }).waitFor();
      // A wrong key is taken back with « Effacer ».
      const pad = page.getByRole('group', { name: 'Pavé numérique' });
      await pad.getByRole('button', { name: '7', exact: true }).tap();
      await pad.getByRole('button', { name: 'Effacer le dernier chiffre' }).tap();
      expect(await page.getByLabel('Code d’appairage').inputValue()).toBe('');
      await expectNoWayOut(page, t.baseUrl);
      await expectLargeTargets(page);
      await expectAccessible(page);
      await page.screenshot({ path: `${SHOTS}/pairing-${viewport.name}.png` });
      await expectReadableAt200(page, `pairing-200-${viewport.name}`);

      await pairByTapping(page, t.baseUrl, await pairingCode(admin, ids.pithiviersBoothId));
      await page.getByTestId('booth-welcome-state').and(page.locator('[data-state="none"]')).waitFor();
      await expectNoWayOut(page, t.baseUrl);
      await expectLargeTargets(page);
      await expectAccessible(page);
      expect(await page.title()).toBe('Bienvenue — Visio MSAP');
      await page.screenshot({ path: `${SHOTS}/welcome-none-${viewport.name}.png` });
      await expectReadableAt200(page, `welcome-200-${viewport.name}`);

      await page.getByRole('link', { name: 'Vérifier la caméra, le micro et le son' }).tap();
      await page.getByRole('heading', { level: 1, name: 'Vérification avant l’appel' }).waitFor();
      // The citizen reads how the call will go, not how it was measured.
      await page.getByTestId('precall-network-plain').filter({ hasText: /La connexion est (bonne|correcte)/ }).waitFor({ timeout: 30_000 });
      const words = await page.locator('main').innerText();
      expect(words).not.toMatch(/UDP|TCP|TURN|kbit\/s|\d\s?ms\b/);
      expect(await page.getByLabel('Rapport à transmettre').count()).toBe(0);
      await expectNoWayOut(page, t.baseUrl);
      await expectLargeTargets(page);
      await expectAccessible(page);
      await page.screenshot({ path: `${SHOTS}/check-${viewport.name}.png`, fullPage: true });
    });
  }

  it('an unpaired screen asks for its code, and pairs with the keyboard alone too', async () => {
    const context = await chrome.browser.newContext({ viewport: { width: 1280, height: 720 } });
    contexts.push(context);
    const page = await context.newPage();
    // The booth's address on a screen that is not paired: its pairing page, not the staff's sign-in.
    await page.goto(`${t.baseUrl}/borne`);
    await page.waitForURL('**/borne/appairage');
    const field = page.getByLabel('Code d’appairage');
    await waitFor('the code field focused by Tab', async () => {
      await page.keyboard.press('Tab');
      return (await isFocused(field)) || undefined;
    });
    await page.keyboard.type(await pairingCode(admin, ids.pithiviersBoothId));
    // Tab to the keypad's « Valider », then Enter.
    const submit = page.getByRole('button', { name: /^Valider/ });
    await waitFor('« Valider » focused by Tab', async () => {
      await page.keyboard.press('Tab');
      return (await isFocused(submit)) || undefined;
    });
    await page.keyboard.press('Enter');
    await page.waitForURL('**/borne');
  });

  it('the staff’s check keeps its measures', async () => {
    const context = await chrome.browser.newContext({ viewport: { width: 1280, height: 720 } });
    contexts.push(context);
    const page = await context.newPage();
    const agent = demoAccount('agent');
    await page.goto(`${t.baseUrl}/connexion`);
    await page.getByLabel('Adresse électronique').fill(agent.email);
    await page.getByLabel('Mot de passe').fill(agent.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/agent');
    await page.goto(`${t.baseUrl}/verification`);
    await page.getByTestId('precall-rtt').filter({ hasText: /\d+\s?ms/ }).waitFor({ timeout: 30_000 });
    // The site's frame is the staff's own: header and footer.
    await page.getByRole('contentinfo').waitFor();
  });

  it('the welcome screen says one thing at a time: none today, then the next consultation', async () => {
    const catalogue = await demoCatalogue(t.baseUrl);
    await openAllWeek(catalogue);
    const page = await pairedBooth(VIEWPORTS[0]);
    const state = page.getByTestId('booth-welcome-state');
    await state.and(page.locator('[data-state="none"]')).waitFor();
    await state.getByText('Aucun rendez-vous prévu aujourd’hui dans cette cabine.').waitFor();

    // Far enough not to open the call (10 min before), still today unless the suite runs just before midnight.
    const start = DateTime.now().setZone('Europe/Paris').plus({ minutes: 20 }).startOf('minute');
    if (!start.hasSame(DateTime.now().setZone('Europe/Paris'), 'day')) return;
    await book(catalogue, start, 30, 'Jeanne Martin');
    await page.reload();
    await state.and(page.locator('[data-state="next"]')).waitFor();
    const text = await state.innerText();
    expect(text).toContain('Prochain rendez-vous de cette cabine aujourd’hui');
    expect(text).toContain(`à ${start.toFormat('HH:mm')}`);
    expect(text).toContain('avec DDFIP du Loiret');
    // Never « none » beside it, never the citizen's name on a public screen.
    expect(await page.locator('main').innerText()).not.toMatch(/Aucun rendez-vous|Jeanne Martin|va bientôt commencer/);
    await expectAccessible(page);
    await page.screenshot({ path: `${SHOTS}/welcome-next-landscape.png` });
  });

  it('the facilitator unlocks the booth with their own credentials: wrong ones, another site’s, then unpairing', async () => {
    const facilitator = demoAccount('facilitator');
    const unlock = async (page: Page, password: string) => {
      const dialog = page.getByTestId('facilitator-dialog');
      if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Espace animateur' }).tap();
      await dialog.getByLabel('Adresse électronique').fill(facilitator.email);
      await dialog.getByLabel('Mot de passe').fill(password);
      await dialog.getByRole('button', { name: 'Ouvrir l’espace animateur' }).tap();
      return dialog;
    };

    // A booth of another France Services: the demo facilitator (Pithiviers) is refused there.
    const sully = await pairedBooth(VIEWPORTS[1], ids.sullyBoothId);
    const refused = await unlock(sully, facilitator.password);
    await refused.getByRole('alert').filter({ hasText: 'n’est pas celui d’un animateur de cette France Services' }).waitFor();
    await sully.screenshot({ path: `${SHOTS}/facilitator-refused-portrait.png` });

    for (const viewport of VIEWPORTS) {
      const page = await pairedBooth(viewport);
      const dialog = await unlock(page, 'not-the-password');
      await dialog.getByRole('alert').filter({ hasText: 'Adresse électronique ou mot de passe incorrect.' }).waitFor();
      await expectAccessible(page);
      await page.screenshot({ path: `${SHOTS}/facilitator-dialog-${viewport.name}.png` });
      await unlock(page, facilitator.password);
      await dialog.getByText('Bonjour Fatou Animatrice. Que voulez-vous faire ?').waitFor();
      await expectAccessible(page);
      await page.screenshot({ path: `${SHOTS}/facilitator-unlocked-${viewport.name}.png` });
      // Still the booth, no staff session on it.
      expect(await principalKind(page)).toBe('device');
      if (viewport === VIEWPORTS[0]) {
        await dialog.getByRole('button', { name: 'Faire la vérification technique' }).tap();
        await page.waitForURL('**/borne/verification');
        continue;
      }
      await dialog.getByRole('button', { name: 'Désappairer cette borne' }).tap();
      await dialog.getByRole('button', { name: 'Oui, désappairer' }).tap();
      await page.waitForURL('**/borne/appairage');
      await page.getByRole('heading', { level: 1, name: 'Appairer cet écran à sa cabine' }).waitFor();
      const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
      expect(me).toBe(401);
    }

    const audit = async (action: string) =>
      ((await admin.agent.get(`/api/audit?action=${action}`).expect(200)).body as { items: Array<{ details: Record<string, unknown>; actor: { name?: string | null } }> }).items;
    expect((await audit('device.unlock_failed')).length).toBeGreaterThanOrEqual(2);
    expect((await audit('device.unlock_refused')).length).toBeGreaterThanOrEqual(1);
    expect((await audit('device.unlocked')).length).toBeGreaterThanOrEqual(2);
    expect((await audit('device.revoked')).filter((e) => e.details.from === 'booth')).toHaveLength(1);
    // Three booths paired by touch and five sign-ins in their dialog: about 35 s, over 60 s on a busy machine.
  }, 120_000);

  it('a lost connection fills the screen, and goes away by itself once it is back', async () => {
    // The booth's clock is moved on to its next requests rather than waited for (every 15 s, then every 5 s).
    const page = await pairedBooth(VIEWPORTS[0], ids.pithiviersBoothId, { clock: true });
    const context = page.context();
    await page.getByRole('heading', { level: 1, name: 'Bienvenue' }).waitFor();
    const lost = page.getByRole('alert').filter({ hasText: 'Connexion perdue, nouvel essai…' });

    // The network goes down (the browser says so).
    await context.setOffline(true);
    await lost.waitFor();
    expect(await page.locator('main').isHidden()).toBe(true);
    await expectAccessible(page);
    await page.screenshot({ path: `${SHOTS}/connection-lost-landscape.png` });
    await context.setOffline(false);
    await lost.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: 'Bienvenue' }).waitFor();

    // The server stops answering while the browser thinks it is online: the next heartbeat and
    // schedule requests (every 15 s) fail, two in a row.
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.clock.fastForward(15_000);
    await lost.waitFor();
    await page.unroute('**/api/**');
    // Recovers by itself (a probe every 5 s), nobody touching the screen.
    await page.clock.fastForward(5_000);
    await lost.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: 'Bienvenue' }).waitFor();
  });
});

describe('the booth’s privacy wipe after an idle time, in a real browser', () => {
  const IDLE_SECONDS = 2;
  /** The countdown the booth shows before its wipe (IdleReset's COUNTDOWN_SECONDS, not a setting). */
  const COUNTDOWN_SECONDS = 20;
  let t: TestApp;
  let chrome: TestBrowser;
  let context: BrowserContext;

  beforeAll(async () => {
    t = await startTestApp({ BOOTH_IDLE_SECONDS: String(IDLE_SECONDS) });
    chrome = await launchChromium();
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await chrome?.close();
    await t?.close();
  });

  it('the check left untouched counts down, « Continuer » stops it, then everything the citizen left is wiped', async () => {
    const ids = await demoIds(t.dataSource);
    context = await boothContext(chrome.browser, VIEWPORTS[1]);
    await watchCaptureTracks(context);
    // The idle time is the setting under test (short); the countdown's own 20 s are moved on by the clock.
    await context.clock.install();
    const page = await context.newPage();
    await pairByTapping(page, t.baseUrl, await pairingCode(await signIn(t.baseUrl, 'admin'), ids.pithiviersBoothId));
    // The welcome screen is where the booth rests: no countdown there.
    await page.waitForTimeout((IDLE_SECONDS + 1) * 1000);
    expect(await page.getByTestId('idle-countdown').count()).toBe(0);

    await page.getByRole('link', { name: 'Vérifier la caméra, le micro et le son' }).tap();
    await page.getByTestId('precall-camera-video').or(page.locator('video')).first().waitFor();
    await waitFor('the camera live', async () => (await page.evaluate(() => (globalThis as unknown as { document: { querySelector(s: string): { srcObject: { getTracks(): Array<{ readyState: string }> } | null } | null } }).document.querySelector('video')?.srcObject?.getTracks().some((tr) => tr.readyState === 'live'))) || undefined);
    await fillPrivateStores(page);

    const countdown = page.getByTestId('idle-countdown');
    await countdown.waitFor({ timeout: (IDLE_SECONDS + 5) * 1000 });
    expect(await countdown.innerText()).toMatch(/L’écran va revenir à l’accueil dans \d+ secondes/);
    await expectAccessible(page);
    // A native modal dialog: the page below is inert (Tab cannot leave it), « Continuer » has the focus.
    expect(await countdown.evaluate((d: { matches(s: string): boolean }) => d.matches('dialog:modal'))).toBe(true);
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('Continuer');
    await page.screenshot({ path: `${SHOTS}/idle-countdown-portrait.png` });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: `${SHOTS}/idle-countdown-landscape.png` });
    await countdown.getByRole('button', { name: 'Continuer' }).tap();
    await countdown.waitFor({ state: 'detached' });

    // Left alone again: the countdown runs to its end.
    await countdown.waitFor({ timeout: (IDLE_SECONDS + 5) * 1000 });
    await page.clock.fastForward(COUNTDOWN_SECONDS * 1000);
    await page.waitForURL('**/borne', { timeout: 30_000 });
    await page.getByRole('heading', { level: 1, name: 'Bienvenue' }).waitFor();
    const atUnload = await tracksOfPreviousPage(page);
    expect(atUnload).toMatchObject({ url: '/borne/verification', live: 0 });
    expect(atUnload.tracks).toBeGreaterThan(0);
    expect(await privateStoresLeft(page)).toEqual({ local: [], session: 0, caches: 0, databases: 0 });
    // Still paired: the wipe leaves the booth's own httpOnly cookie.
    expect(await principalKind(page)).toBe('device');
  });
});
