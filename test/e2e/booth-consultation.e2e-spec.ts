import type { BrowserContext, Locator, Page } from 'playwright-core';
import { book, demoCatalogue, DemoCatalogue, nextMinute, openAllWeek, pairingCodeFromFacilitator } from '../support/booth-day';
import { fillPrivateStores, principalKind, privateStoresLeft, tracksOfPreviousPage, watchCaptureTracks } from '../support/booth-wipe';
import { closeSuite, launchChromium, TestBrowser, waitFor } from '../support/browser';
import { mediaFlowing } from '../support/call-page';
import { serveBuilt, ServedApp } from '../support/process';
import { isFocused, signInUi } from '../support/ui';

type Mode = 'keyboard' | 'touch';

/**
 * The citizen's side of a whole consultation, the way it is lived, twice: once with the keyboard
 * alone (a booth with a keyboard, or a citizen using one), once with touch alone (the usual booth).
 * The booth never gets a mouse click: each of its actions is a key press or a tap. The server runs
 * as `npm start` runs it (default port and settings; only the database is the test's own); every
 * booking goes through the public API, every sign-in through the form.
 *
 * The day: the facilitator pairs the booth; two consultations are booked back to back for the same
 * agent, the first at the other booth of the site. While the agent is still in that first call the
 * waiting citizen reads their appointment and that the agent is finishing the previous one; the
 * agent sends a ready-made word from their home page; then ends the first call, admits the citizen;
 * they talk and write to each other (ready-made phrases, typed text), the booth loses its network
 * and comes back with the whole conversation; the agent ends; the citizen answers the survey and
 * taps « Terminer »; the booth wipes itself: no camera or microphone left capturing, nothing in the
 * page's stores, the welcome screen, still paired.
 */
describe.each<[Mode]>([['keyboard'], ['touch']])('a whole consultation at the booth, by %s alone', (mode) => {
  const PORT = 3000; // the default
  const baseUrl = `http://localhost:${PORT}`;
  let served: ServedApp;
  let chrome: TestBrowser;
  let contexts: BrowserContext[] = [];
  let booth: Page;
  let agent: Page;
  let agentHome: Page;
  let facilitator: Page;
  let catalogue: DemoCatalogue;
  let previous: string;
  let ours: string;

  /** One booth action: a tap, or the keyboard's way to the control (Tab until it has the focus) and a key. */
  const act = async (target: Locator, key: 'Enter' | 'Space' = 'Enter') => {
    if (mode === 'touch') return target.tap();
    await tabTo(booth, target);
    await booth.keyboard.press(key);
  };

  beforeAll(async () => {
    served = await serveBuilt({}, { asStarted: true, port: PORT });
    chrome = await launchChromium([], { asUsersHaveIt: true });
    const boothContext = await chrome.browser.newContext({ viewport: { width: 1280, height: 720 }, hasTouch: mode === 'touch' });
    await watchCaptureTracks(boothContext);
    const staff = await Promise.all([1, 2].map(() => chrome.browser.newContext({ viewport: { width: 1280, height: 720 } })));
    contexts = [boothContext, ...staff];
    booth = await boothContext.newPage();
    agent = await staff[0]!.newPage();
    agentHome = await staff[0]!.newPage();
    facilitator = await staff[1]!.newPage();
    catalogue = await demoCatalogue(baseUrl);
    await openAllWeek(catalogue);
  });

  afterAll(() => closeSuite(contexts, chrome, served));

  it('the facilitator makes a code; it is entered on the booth’s own number pad or keyboard', async () => {
    await signInUi(facilitator, baseUrl, 'facilitator', '/animation');
    const code = await pairingCodeFromFacilitator(facilitator, catalogue.boothName);
    await booth.goto(`${baseUrl}/borne/appairage`);
    if (mode === 'touch') {
      const pad = booth.getByRole('group', { name: 'Pavé numérique' });
      for (const digit of code) await pad.getByRole('button', { name: digit, exact: true }).tap();
      await pad.getByRole('button', { name: /^Valider/ }).tap();
    } else {
      await tabTo(booth, booth.getByLabel('Code d’appairage'));
      await booth.keyboard.type(code);
      await booth.keyboard.press('Enter');
    }
    await booth.waitForURL('**/borne');
    await booth.getByTestId('booth-welcome-state').and(booth.locator('[data-state="none"]')).waitFor();
  });

  it('while the agent is still in the previous call, the waiting citizen reads their appointment and that the agent is finishing it', async () => {
    const booths = (await catalogue.coordinator.agent.get(`/api/msap-sites/${catalogue.siteId}/booths`).expect(200)).body as Array<{ id: string; name: string }>;
    const other = booths.find((b) => b.name === 'Cabine 2')!;
    const start = nextMinute();
    previous = await book({ ...catalogue, boothId: other.id }, start, 5, 'Jeanne Martin');
    ours = await book(catalogue, start.plus({ minutes: 5 }), 20, 'Paul Durand');
    // The booth looks again every 15 s: the call opens ten minutes before its start.
    await booth.waitForURL(`**/borne/consultation/${ours}`, { timeout: 30_000 });
    await booth.getByText('Vous êtes en salle d’attente.').waitFor();
    await booth.getByTestId('booth-appointment').getByText('DDFIP du Loiret', { exact: false }).waitFor();

    await signInUi(agent, baseUrl, 'agent', '/agent');
    await agent.goto(`${baseUrl}/consultation/${previous}`);
    await agent.locator('[data-call-status="call"]').waitFor();
    await booth.getByTestId('lobby-status').getByText(/Votre conseiller termine le rendez-vous précédent/).waitFor();
    expect(await booth.getByTestId('lobby-status').getAttribute('aria-live')).toBe('polite');
  });

  it('the agent sends a ready-made word from their home page: it appears large on the booth', async () => {
    await agentHome.goto(`${baseUrl}/agent`);
    const row = agentHome.locator('li', { has: agentHome.getByText('Paul Durand') });
    await row.getByText('Envoyer un message à la cabine').click();
    await row.getByRole('button', { name: 'J’arrive dans 5 minutes.' }).click();
    await booth.getByTestId('booth-message').getByText('J’arrive dans 5 minutes.').waitFor();
  });

  it('the agent ends the previous call and admits the citizen: picture and sound both ways', async () => {
    await agent.getByRole('button', { name: 'Terminer pour tous' }).click();
    await agent.getByRole('button', { name: 'Oui, terminer' }).click();
    await agent.goto(`${baseUrl}/consultation/${ours}`);
    const banner = agent.getByTestId('lobby-banner');
    await banner.getByTestId('lobby-who').getByText('Paul Durand', { exact: false }).waitFor();
    await booth.getByTestId('lobby-status').getByText('Votre conseiller est prévenu', { exact: false }).waitFor();
    await banner.getByRole('button', { name: 'Faire entrer' }).click();
    await mediaFlowing(agent, 'the agent');
    await mediaFlowing(booth, 'the booth');
  });

  it('they write to each other: a ready-made phrase from the booth, the agent’s answer, and text typed at the booth', async () => {
    await act(booth.getByRole('button', { name: 'Pouvez-vous répéter ?' }));
    await agent.getByTestId('chat-log').getByText('Pouvez-vous répéter ?').waitFor();
    await agent.getByLabel('Votre message').fill('Bien sûr : il faut votre avis d’imposition.');
    await agent.getByLabel('Votre message').press('Enter');
    await booth.getByTestId('chat-log').getByText('Bien sûr : il faut votre avis d’imposition.').waitFor();
    if (mode === 'keyboard') {
      await tabTo(booth, booth.getByLabel('Votre message'));
      await booth.keyboard.type('Je l’ai avec moi.');
      await booth.keyboard.press('Enter');
      await agent.getByTestId('chat-log').getByText('Je l’ai avec moi.').waitFor();
    }
  });

  it('the booth loses its network and comes back by itself, with the whole conversation and what was said meanwhile', async () => {
    await booth.context().setOffline(true);
    await booth.locator('[data-call-status="reconnecting"]').waitFor({ timeout: 30_000 });
    await agent.getByLabel('Votre message').fill('Je vous attends, prenez votre temps.');
    await agent.getByLabel('Votre message').press('Enter');
    await booth.context().setOffline(false);
    await booth.locator('[data-call-status="call"]').waitFor({ timeout: 60_000 });
    const log = booth.getByTestId('chat-log');
    await log.getByText('Je vous attends, prenez votre temps.').waitFor();
    for (const said of ['Pouvez-vous répéter ?', 'Bien sûr : il faut votre avis d’imposition.']) expect(await log.getByText(said).count()).toBe(1);
    await mediaFlowing(booth, 'the booth after its network came back');
    // Something of the citizen's, where a careless page could have kept it: the wipe must empty it.
    await fillPrivateStores(booth);
  });

  it('the agent ends; the citizen answers the survey, corrects a choice, and taps « Terminer »: the booth wipes itself', async () => {
    await agent.getByRole('button', { name: 'Terminer pour tous' }).click();
    await agent.getByRole('button', { name: 'Oui, terminer' }).click();
    await booth.getByRole('heading', { name: 'Merci, la téléconsultation est terminée.' }).waitFor();
    const satisfaction = booth.getByRole('radiogroup', { name: 'Êtes-vous satisfait de ce rendez-vous ?' });
    if (mode === 'touch') {
      await satisfaction.locator('label', { has: booth.getByRole('radio', { name: 'Pas satisfait', exact: true }) }).tap();
      await booth.getByTestId('survey-status-satisfaction').getByText('Enregistré').waitFor();
      await satisfaction.locator('label', { has: booth.getByRole('radio', { name: 'Satisfait', exact: true }) }).tap();
    } else {
      // Into the group with Tab, along it with the arrows (each choice is saved as it is reached).
      await act(satisfaction.getByRole('radio', { name: 'Pas satisfait', exact: true }), 'Space');
      await booth.getByTestId('survey-status-satisfaction').getByText('Enregistré').waitFor();
      await booth.keyboard.press('ArrowRight');
      await booth.keyboard.press('ArrowRight');
    }
    await waitFor('“Satisfait” chosen', async () => ((await satisfaction.getByRole('radio', { name: 'Satisfait', exact: true }).isChecked()) ? true : undefined));
    await booth.getByTestId('survey-status-satisfaction').getByText('Enregistré').waitFor();
    const clarity = booth.getByRole('radiogroup', { name: /La réponse apportée était-elle claire/ });
    if (mode === 'touch') {
      await clarity.locator('label', { has: booth.getByRole('radio', { name: '5 sur 5', exact: true }) }).tap();
    } else {
      await act(clarity.getByRole('radio', { name: '1 sur 5', exact: true }), 'Space');
      for (let i = 0; i < 4; i++) await booth.keyboard.press('ArrowRight');
    }
    await waitFor('“5 sur 5” chosen', async () => ((await clarity.getByRole('radio', { name: '5 sur 5', exact: true }).isChecked()) ? true : undefined));
    await booth.getByTestId('survey-status-clarity').getByText('Enregistré').waitFor();

    await act(booth.getByRole('button', { name: 'Terminer' }));
    await booth.waitForURL(`${baseUrl}/borne`);
    await booth.getByRole('heading', { level: 1, name: 'Bienvenue' }).waitFor();
    // The camera and the microphone were stopped before the page went.
    const atUnload = await tracksOfPreviousPage(booth);
    expect(atUnload).toMatchObject({ url: `/borne/consultation/${ours}`, live: 0 });
    expect(atUnload.tracks).toBeGreaterThan(0);
    expect(await privateStoresLeft(booth)).toEqual({ local: [], session: 0, caches: 0, databases: 0 });
    // Nothing of the consultation on the welcome screen, and the booth is still paired.
    expect(await booth.getByText('Paul Durand').count()).toBe(0);
    expect(await booth.getByText('avis d’imposition', { exact: false }).count()).toBe(0);
    expect(await principalKind(booth)).toBe('device');
    await booth.getByTestId('booth-welcome-state').and(booth.locator('[data-state="allDone"], [data-state="none"]')).waitFor();
  });
});

/** Presses Tab until the target has the focus, as a keyboard user moves through the page. */
async function tabTo(page: Page, target: Locator, maxPresses = 80): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < maxPresses; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`the keyboard never reached ${target.toString()} in ${maxPresses} presses of Tab`);
}
