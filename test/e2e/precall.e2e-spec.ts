import { execFile } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { launchChromium, TestBrowser, waitFor } from '../support/browser';
import { ROOT } from '../support/process';

const BUILD = join(ROOT, 'client/src/features/precall/dev/build-harness.mjs');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};
// The stub health endpoint answers this late, so the measured round trip has a known floor.
const HEALTH_DELAY_MS = 40;

interface Harness {
  url: string;
  healthRequests: () => number;
  close(): Promise<void>;
}

/** The built harness and a stub /api/health on 127.0.0.1: all the component talks to. */
async function serve(dir: string): Promise<Harness> {
  let health = 0;
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/api/health') {
      health += 1;
      setTimeout(() => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        res.end(JSON.stringify({ status: 'ok' }));
      }, HEALTH_DELAY_MS);
      return;
    }
    const file = join(dir, normalize(path === '/' ? '/precall-harness.html' : path));
    readFile(file).then(
      (body) => res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    healthRequests: () => health,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const evaluate = async <T>(page: Page, expression: string): Promise<T> => (await page.evaluate(expression)) as T;

/** Records every stream and audio context the page creates, to check that unmounting releases them. */
const RECORD_DEVICES = `
  window.__streams = [];
  window.__contexts = [];
  const gum = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (c) => { const s = await gum(c); window.__streams.push(s); return s; };
  const Native = window.AudioContext;
  window.AudioContext = class extends Native { constructor(o) { super(o); window.__contexts.push(this); } };
`;

describe('pre-call check in Chromium', () => {
  let outDir: string;
  let harness: Harness;
  let chrome: TestBrowser;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'visio-precall-'));
    await promisify(execFile)(process.execPath, [BUILD, outDir], { cwd: ROOT });
    harness = await serve(outDir);
    chrome = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await chrome?.close();
    await harness?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('checks camera, microphone, speakers and network, and reports every check', async () => {
    const context = await chrome.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.url.slice(0, -1) });
    const page = await context.newPage();
    await page.goto(harness.url);
    await page.getByRole('heading', { level: 1, name: 'Vérification avant l’appel' }).waitFor();

    // Camera: the preview decodes frames from the fake device.
    const width = await waitFor('camera frames', async () => {
      const w = await evaluate<number>(page, 'document.querySelector("video")?.videoWidth ?? 0');
      return w > 0 ? w : undefined;
    });
    expect(width).toBeGreaterThan(0);
    await page.getByText('L’image de la caméra s’affiche.').waitFor();

    // Microphone: the fake device beeps, the meter moves and the check passes.
    const meter = page.getByRole('meter', { name: 'Niveau du micro' });
    const peak = await waitFor('a microphone level', async () => {
      const now = Number(await meter.getAttribute('aria-valuenow'));
      return now > 0 ? now : undefined;
    });
    expect(peak).toBeGreaterThan(0);
    await page.getByText('Nous vous entendons.').waitFor();

    // Speakers, with the keyboard only: play the tune, then answer the question that follows.
    await page.getByRole('button', { name: 'Jouer le son de test' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: 'Avez-vous entendu le son ?' }).waitFor();
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus').textContent()).resolves.toBe('Oui');
    await page.keyboard.press('Enter');
    await page.getByText('Le son a bien été entendu.').waitFor();
    await expect(page.locator(':focus').getAttribute('aria-pressed')).resolves.toBe('true');

    // Network: a real measure of five sequential health requests, each delayed by the stub.
    // Any grade: a loaded CI machine may push a loopback round trip past 150 ms.
    const rtt = await waitFor('the round trip', async () => {
      const match = /^(\d+) ms \((bon|moyen|insuffisant)\)$/.exec((await page.getByTestId('precall-rtt').textContent()) ?? '');
      return match ? Number(match[1]) : undefined;
    });
    expect(rtt).toBeGreaterThanOrEqual(HEALTH_DELAY_MS);
    expect(harness.healthRequests()).toBeGreaterThanOrEqual(5);
    await expect(waitFor('the download rate', async () => {
      const text = (await page.getByTestId('precall-bitrate').textContent()) ?? '';
      return /kbit\/s/.test(text) ? text : undefined;
    })).resolves.toMatch(/^[\d\s\u202f]+ kbit\/s \((bon|moyen|insuffisant)\)$/);

    // The report: every check, each with its mark and its status in words.
    await page.getByText('Tout est prêt pour l’appel.').waitFor();
    const text = await page.getByLabel('Rapport à transmettre').inputValue();
    expect(text).toMatch(/^Vérification avant l’appel du /);
    for (const check of ['Caméra', 'Micro', 'Haut-parleurs', 'Réseau']) {
      expect(text).toMatch(new RegExp(`^✓ ${check} : réussi`, 'm'));
    }
    expect(text).toContain(`temps de réponse ${rtt} ms (`);
    await page.getByRole('button', { name: 'Copier le rapport' }).click();
    await page.getByText('Rapport copié.').waitFor();
    expect(await evaluate<string>(page, 'navigator.clipboard.readText()')).toBe(text);

    await page.getByRole('button', { name: 'Terminer la vérification' }).click();
    const report = await evaluate<Record<string, { status?: string }>>(page, 'window.precallReport');
    expect(['camera', 'microphone', 'speaker', 'network'].map((c) => report[c]?.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
    await context.close();
  });

  it('stops every track and closes the audio context when unmounted', async () => {
    const context = await chrome.browser.newContext();
    await context.addInitScript(RECORD_DEVICES);
    const page = await context.newPage();
    await page.goto(harness.url);
    await page.getByText('Nous vous entendons.').waitFor();
    const live = await evaluate<number>(page, 'window.__streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === "live").length');
    expect(live).toBeGreaterThanOrEqual(2);

    await page.getByRole('button', { name: /Démonter/ }).click();
    const released = await waitFor('devices released', async () => {
      const state = await evaluate<{ live: number; open: number; contexts: number }>(
        page,
        `({ live: window.__streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === "live").length,
            open: window.__contexts.filter((c) => c.state !== "closed").length,
            contexts: window.__contexts.length })`,
      );
      return state.live === 0 && state.open === 0 ? state : undefined;
    });
    expect(released.contexts).toBeGreaterThanOrEqual(1);
    await context.close();
  });

  it('explains a refused camera and microphone, and reports them as failed', async () => {
    const context = await chrome.browser.newContext();
    await context.addInitScript(`
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
    `);
    const page = await context.newPage();
    await page.goto(harness.url);
    const alerts = page.getByRole('alert');
    await alerts.filter({ hasText: 'n’a pas l’autorisation d’utiliser la caméra' }).waitFor();
    await alerts.filter({ hasText: 'n’a pas l’autorisation d’utiliser le micro' }).waitFor();
    await expect(page.locator('video').count()).resolves.toBe(0);
    const text = await page.getByLabel('Rapport à transmettre').inputValue();
    expect(text).toMatch(/^✗ Caméra : échec — Le navigateur n’a pas l’autorisation d’utiliser la caméra/m);
    expect(text).toMatch(/^✗ Micro : échec — Le navigateur n’a pas l’autorisation d’utiliser le micro/m);

    // "Réessayer" asks again: here it is refused again, and the message stays.
    await page.getByRole('button', { name: 'Réessayer' }).first().click();
    await alerts.filter({ hasText: 'la caméra' }).waitFor();
    await context.close();
  });
});
