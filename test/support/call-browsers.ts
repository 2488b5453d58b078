import type { BrowserContext, Page } from 'playwright-core';
import type { TestBrowser } from './browser';
import { Agent } from './session';
import { pairDevice } from './callers';
import { sessionCookie } from './consultations';

/** The device token a pairing stored in a supertest agent's cookie jar. */
export function deviceTokenOf(agent: Agent): string {
  const jar = (agent as unknown as { jar: { getCookies(info: object): Array<{ name: string; value: string }> } }).jar;
  const cookie = jar.getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false }).find((c) => c.name === 'visio_device');
  if (!cookie) throw new Error('no visio_device cookie in this agent: was the terminal paired?');
  return cookie.value;
}

export interface CallBrowsers {
  booth: Page;
  agent: Page;
  contexts: BrowserContext[];
}

/**
 * Two browser windows as in a real consultation: a booth terminal paired to `boothId` (device
 * cookie) and the demo agent signed in (session cookie), each in its own context. The booth may
 * reach the server through another address (`boothBaseUrl`, e.g. a proxy a test can cut).
 */
export async function openCallBrowsers(chrome: TestBrowser, baseUrl: string, boothId: string, boothBaseUrl = baseUrl): Promise<CallBrowsers> {
  const device = await pairDevice(baseUrl, boothId);
  const agentSession = (await sessionCookie(baseUrl, 'agent@demo.visio-msap.fr', 'demo-agent-2026')).split('=')[1]!;
  const boothContext = await chrome.browser.newContext();
  await boothContext.addCookies([{ name: 'visio_device', value: deviceTokenOf(device.agent), url: boothBaseUrl, httpOnly: true }]);
  const agentContext = await chrome.browser.newContext();
  await agentContext.addCookies([{ name: 'visio_session', value: agentSession, url: baseUrl, httpOnly: true }]);
  return { booth: await boothContext.newPage(), agent: await agentContext.newPage(), contexts: [boothContext, agentContext] };
}
