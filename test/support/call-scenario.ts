import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startTestApp, TestApp } from './app';
import { launchChromium, TestBrowser } from './browser';
import { openCallBrowsers } from './call-browsers';
import { createConsultation } from './consultations';
import { demoIds } from './demo-data';
import { ROOT } from './process';

export interface CallScenario {
  t: TestApp;
  chrome: TestBrowser;
  booth: Page;
  agent: Page;
  contexts: BrowserContext[];
  consultationId: string;
  /** Where the booth's pages are opened (the server, or a path to it such as a proxy). */
  boothUrl: string;
  close(): Promise<void>;
}

export interface CallScenarioOptions {
  env?: Record<string, string>;
  chromiumArgs?: string[];
  /** Runs once the server is up, before the browsers open; may return the booth's base URL. */
  beforeBrowsers?: (t: TestApp) => Promise<string | void>;
}

/**
 * The real server with a consultation open now between the Pithiviers booth and the demo agent,
 * and one Chromium with two windows: the paired booth terminal and the signed-in agent.
 */
export async function startCallScenario(options: CallScenarioOptions = {}): Promise<CallScenario> {
  // The server serves CLIENT_DIST_DIR when set (a build of one's own), dist/client otherwise.
  const client = process.env.CLIENT_DIST_DIR ?? join(ROOT, 'dist', 'client');
  if (!existsSync(join(client, 'index.html'))) throw new Error(`${client} is missing: run 'npm run build'`);
  const t = await startTestApp({ LOGIN_RATE_LIMIT: '100', ...options.env });
  let chrome: TestBrowser | null = null;
  try {
    const boothUrl = (await options.beforeBrowsers?.(t)) || t.baseUrl;
    const ids = await demoIds(t.dataSource);
    const consultationId = await createConsultation(t.dataSource, ids.pithiviersBoothId, 'agent@demo.visio-msap.fr');
    chrome = await launchChromium(options.chromiumArgs);
    const { booth, agent, contexts } = await openCallBrowsers(chrome, t.baseUrl, ids.pithiviersBoothId, boothUrl);
    const browser = chrome;
    return {
      t,
      chrome,
      booth,
      agent,
      contexts,
      consultationId,
      boothUrl,
      async close() {
        try {
          for (const c of contexts) await c.close();
          await browser.close();
        } finally {
          await t.close();
        }
      },
    };
  } catch (error) {
    await chrome?.close();
    await t.close();
    throw error;
  }
}

/** The booth opens its call by itself (it lands in the lobby), the agent opens it and admits it. */
export async function admitBooth(s: CallScenario): Promise<void> {
  await s.booth.goto(`${s.boothUrl}/borne`);
  await s.booth.waitForURL(`**/borne/consultation/${s.consultationId}`);
  await s.agent.goto(`${s.t.baseUrl}/consultation/${s.consultationId}`);
  await s.agent.getByTestId('lobby-banner').getByRole('button', { name: 'Faire entrer' }).click();
}
