import type { BrowserContext, Page } from 'playwright-core';
import { book, demoCatalogue, DemoCatalogue, nextMinute, openAllWeek, pairBoothByTyping, pairingCodeFromFacilitator } from '../support/booth-day';
import { launchChromium, TestBrowser, waitFor } from '../support/browser';
import { mediaFlowing } from '../support/call-page';
import { serveBuilt, ServedApp, ServerProcess } from '../support/process';
import { signInUi } from '../support/ui';

/**
 * A booth's day as people live it, on the server exactly as `npm start` runs it (default port,
 * media settings and log level; only the database is a fresh one of the test's): the facilitator
 * pairs the booth, whose code is typed on the terminal; the coordinator books two consultations back
 * to back through the public API; the agent signs in through the form, admits the booth, ends the
 * call and records its outcome; the booth goes on to the second consultation with nobody touching it.
 * The browsers have no test-only WebRTC flag: they reach the media as a user's browser does.
 */
describe('a booth’s day on the default settings, in real browsers', () => {
  const PORT = 3000; // the default
  const baseUrl = `http://localhost:${PORT}`;
  let served: ServedApp;
  let server: ServerProcess;
  let chrome: TestBrowser;
  let contexts: BrowserContext[] = [];
  let booth: Page;
  let agent: Page;
  let facilitator: Page;
  let catalogue: DemoCatalogue;
  let first: string;
  let second: string;

  const status = async (id: string) => {
    const res = await catalogue.coordinator.agent.get(`/api/consultations/${id}`).expect(200);
    return res.body as { status: string; outcomeNote: string | null; callStartedAt: string | null; callEndedAt: string | null };
  };

  beforeAll(async () => {
    served = await serveBuilt({}, { asStarted: true, port: PORT });
    server = served.server;
    chrome = await launchChromium([], { asUsersHaveIt: true });
    contexts = await Promise.all([1, 2, 3].map(() => chrome.browser.newContext({ viewport: { width: 1280, height: 720 } })));
    [booth, agent, facilitator] = await Promise.all(contexts.map((c) => c.newPage()));
    catalogue = await demoCatalogue(baseUrl);
    await openAllWeek(catalogue);
  });

  afterAll(async () => {
    try {
      for (const c of contexts) await c.close().catch(() => undefined);
      await chrome?.close();
    } finally {
      await served?.close();
    }
  });

  it('prints where it serves at start: the URL, the media address browsers get, the demo accounts after the routes', () => {
    const out = server.output();
    const ready = out.split('\n').find((l) => l.includes('Visio MSAP ready on'));
    expect(ready).toBeDefined();
    const summary = JSON.parse(ready!) as { url: string; media: Array<{ address: string; udp: number; tcp: number }> };
    expect(summary.url).toBe('http://localhost:3000');
    // On the defaults the media are for browsers on this machine: loopback, never 0.0.0.0.
    expect(summary.media).toEqual([expect.objectContaining({ address: '127.0.0.1', udp: 40000, tcp: 40000 }), ...summary.media.slice(1)]);
    expect(summary.media.every((m) => m.address === '127.0.0.1')).toBe(true);
    expect(out.lastIndexOf('Mapped {')).toBeLessThan(out.indexOf('Visio MSAP ready on'));
    expect(out.indexOf('Visio MSAP ready on')).toBeLessThan(out.indexOf('"demoAccounts"'));
  });

  it('the facilitator pairs the booth: the terminal takes the code typed on it', async () => {
    await signInUi(facilitator, baseUrl, 'facilitator', '/animation');
    const code = await pairingCodeFromFacilitator(facilitator, catalogue.boothName);
    expect(code).toMatch(/^\d{8}$/);
    await pairBoothByTyping(booth, baseUrl, code);
    await booth.waitForURL('**/borne');
    await booth.getByText('Aucun rendez-vous prévu aujourd’hui dans cette cabine.').waitFor();
  });

  it('two consultations booked back to back: the booth opens the first by itself and waits in the lobby', async () => {
    const start = nextMinute();
    first = await book(catalogue, start, 5, 'Jeanne Martin');
    second = await book(catalogue, start.plus({ minutes: 5 }), 30, 'Paul Durand');
    // The booth looks again every 15 s: the first consultation's call is open already.
    await booth.waitForURL(`**/borne/consultation/${first}`, { timeout: 30_000 });
    await booth.getByText('Vous êtes en salle d’attente.').waitFor();
  });

  it('the agent signs in, joins, admits the booth: picture and sound both ways', async () => {
    await signInUi(agent, baseUrl, 'agent', '/agent');
    await agent.getByRole('link', { name: 'Rejoindre la téléconsultation' }).first().click();
    await agent.waitForURL(`**/consultation/${first}`);
    const banner = agent.getByTestId('lobby-banner');
    await banner.getByRole('button', { name: 'Faire entrer' }).click();
    await mediaFlowing(agent, 'the agent');
    await mediaFlowing(booth, 'the booth');
    for (const page of [agent, booth]) {
      const width = await page.getByTestId('remote-video').first().evaluate((v: { videoWidth: number }) => v.videoWidth);
      expect(width).toBeGreaterThan(0);
    }
    expect(await booth.getByTestId('media-problem').count()).toBe(0);
    expect((await status(first)).status).toBe('in_progress');
  });

  it('“Terminer pour tous” asks first; once confirmed the consultation is ended and the booth shows its end screen', async () => {
    await agent.getByRole('button', { name: 'Terminer pour tous' }).click();
    await agent.getByRole('button', { name: 'Non, continuer' }).click();
    expect((await status(first)).status).toBe('in_progress');
    await agent.getByRole('button', { name: 'Terminer pour tous' }).click();
    await agent.getByRole('button', { name: 'Oui, terminer' }).click();
    await booth.getByTestId('booth-end').getByText('La téléconsultation est terminée.').waitFor();
    const ended = await status(first);
    expect(ended.status).toBe('ended');
    expect(ended.callStartedAt).not.toBeNull();
    expect(ended.callEndedAt).not.toBeNull();
  });

  it('the agent records the outcome on the end-of-call screen', async () => {
    await agent.getByRole('heading', { name: 'Résultat de la téléconsultation' }).waitFor();
    // The booth was in the call: "held" is proposed.
    expect(await agent.getByLabel('a eu lieu').isChecked()).toBe(true);
    await agent.getByLabel('Note (facultatif)').fill('Déclaration faite ensemble, avis à venir.');
    await agent.getByRole('button', { name: 'Enregistrer le résultat' }).click();
    await agent.getByTestId('outcome-saved').getByText('Résultat enregistré.').waitFor();
    expect(await status(first)).toMatchObject({ status: 'done', outcomeNote: 'Déclaration faite ensemble, avis à venir.' });
  });

  it('the citizen answers the survey and taps « Terminer »: the booth wipes itself and goes into the second consultation by itself', async () => {
    await booth.getByRole('radiogroup', { name: 'Êtes-vous satisfait de ce rendez-vous ?' }).getByText('Satisfait', { exact: true }).click();
    await booth.getByTestId('survey-status-satisfaction').getByText('Enregistré').waitFor();
    await booth.getByRole('button', { name: 'Terminer' }).click();
    await booth.waitForURL(`**/borne/consultation/${second}`, { timeout: 45_000 });
    await booth.getByText('Vous êtes en salle d’attente.').waitFor();
    await agent.getByRole('link', { name: 'Retour à mes téléconsultations' }).click();
    await agent.waitForURL('**/agent');
    await agent.getByRole('link', { name: 'Rejoindre la téléconsultation' }).click();
    await agent.waitForURL(`**/consultation/${second}`);
    await agent.getByTestId('lobby-banner').getByRole('button', { name: 'Faire entrer' }).click();
    await mediaFlowing(agent, 'the agent in the second consultation');
    await mediaFlowing(booth, 'the booth in the second consultation');
    expect((await status(second)).status).toBe('in_progress');
  });

  it('an ended consultation cannot be entered again by the booth', async () => {
    const again = await contexts[0]!.newPage();
    try {
      await again.goto(`${baseUrl}/borne/consultation/${first}`);
      await again.getByTestId('booth-end').getByText('La téléconsultation est terminée.').waitFor();
      // The booth's own call goes on, untouched.
      await waitFor('the second call to go on', async () => ((await status(second)).status === 'in_progress' ? true : undefined));
    } finally {
      await again.close();
    }
  });
});
