import type { BrowserContext, Page } from 'playwright-core';
import { book, demoCatalogue, nextMinute, openAllWeek } from '../support/booth-day';
import { launchChromium, TestBrowser, waitFor } from '../support/browser';
import { openCallBrowsers } from '../support/call-browsers';
import { serveBuilt, ServedApp, ServerProcess } from '../support/process';

/**
 * The media address browsers are given leads nowhere (announced 127.0.0.3, bound on 127.0.0.1 only:
 * a misconfigured RTC_ANNOUNCED_ADDRESS, or a firewall dropping the media ports). Nobody may be left
 * in front of a black tile: both sides are told in French, the engine tries again by itself, the
 * server logs each failure with the candidates involved, and the pre-call check says so too.
 */
describe('media that cannot connect', () => {
  let served: ServedApp;
  let server: ServerProcess;
  let chrome: TestBrowser;
  let contexts: BrowserContext[] = [];
  let booth: Page;
  let agent: Page;
  let baseUrl: string;
  let consultationId: string;

  beforeAll(async () => {
    served = await serveBuilt({ RTC_LISTEN_IP: '127.0.0.1', RTC_ANNOUNCED_ADDRESS: '127.0.0.3' });
    ({ server, baseUrl } = served);
    const catalogue = await demoCatalogue(baseUrl);
    await openAllWeek(catalogue);
    consultationId = await book(catalogue, nextMinute(), 30, 'Jeanne Martin');
    chrome = await launchChromium();
    ({ booth, agent, contexts } = await openCallBrowsers(chrome, baseUrl, catalogue.boothId));
  });

  afterAll(async () => {
    try {
      for (const c of contexts) await c.close().catch(() => undefined);
      await chrome?.close();
    } finally {
      await served?.close();
    }
  });

  it('both sides are told what is wrong within seconds, and the booth in words a citizen understands', async () => {
    await booth.goto(`${baseUrl}/borne`);
    await booth.waitForURL(`**/borne/consultation/${consultationId}`);
    await agent.goto(`${baseUrl}/consultation/${consultationId}`);
    await agent.getByTestId('lobby-banner').getByRole('button', { name: 'Faire entrer' }).click();
    await agent.getByTestId('media-problem').getByText('La connexion audio et vidéo ne s’établit pas').waitFor({ timeout: 20_000 });
    await agent.getByTestId('media-problem').getByText(/le réseau \(pare-feu, proxy\) bloque peut-être les flux audio-vidéo/).waitFor();
    await booth.getByTestId('media-problem').getByText(/La vidéo ne passe pas\. Nouvel essai automatique en cours… Si cela dure, prévenez l’animateur/).waitFor({ timeout: 20_000 });
    expect(await booth.getByTestId('media-problem').textContent()).not.toMatch(/UDP|ICE|DTLS|pare-feu/);
    // The agent also learns that the booth cannot connect (its own report reached the server).
    await agent.getByTestId('remote-media-problem').getByText(/France Services de Pithiviers n’arrive pas à établir la connexion audio et vidéo/).waitFor({ timeout: 20_000 });
  });

  it('the server logs each failure with the candidates on both sides, and the clients keep trying', async () => {
    const reports = () => server.output().split('\n').filter((l) => l.includes('media could not connect (browser report)'));
    await waitFor('a report from each side, then a second round from a retry', async () => {
      const lines = reports();
      const roles = new Set(lines.map((l) => (JSON.parse(l) as { role: string }).role));
      return roles.has('booth') && roles.has('agent') && lines.length >= 4 ? true : undefined;
    }, 45_000);
    const report = JSON.parse(reports()[0]!) as {
      consultationId: string;
      browser: { state: string; remote: Array<{ address: string; port: number }>; succeededPairs: number };
      sfu: { candidates: Array<{ address: string }> };
    };
    expect(report.consultationId).toBe(consultationId);
    expect(report.browser.state).toMatch(/^(timeout|failed)$/);
    expect(report.browser.succeededPairs).toBe(0);
    expect(report.browser.remote.map((c) => c.address)).toContain('127.0.0.3');
    expect(report.sfu.candidates.map((c) => c.address)).toContain('127.0.0.3');
  });

  it('the pre-call check finds the same and says so in its report', async () => {
    // The agent's own check (the booth's would give way to the consultation open now).
    const check = await contexts[1]!.newPage();
    try {
      await check.goto(`${baseUrl}/verification`);
      const report = check.getByLabel('Rapport à transmettre');
      const text = await waitFor('the network check to end', async () => {
        const value = await report.inputValue().catch(() => '');
        return /serveur vidéo injoignable/.test(value) ? value : undefined;
      }, 40_000);
      expect(text).toMatch(/^✗ Réseau : échec — .*serveur vidéo injoignable : la vidéo ne passera pas \(aucune liaison audio-vidéo en 10 secondes/m);
    } finally {
      await check.close();
    }
  });
});
