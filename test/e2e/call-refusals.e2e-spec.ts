import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { RoomRegistry } from '../../media/src';
import { ROOM_REGISTRY } from '../../media/src/nest/media.module';
import { startTestApp, TestApp } from '../support/app';
import { launchChromium, TestBrowser } from '../support/browser';
import { deviceTokenOf } from '../support/call-browsers';
import { pairDevice } from '../support/callers';
import { createConsultation, sessionCookie } from '../support/consultations';
import { demoIds } from '../support/demo-data';
import { ROOT } from '../support/process';
import { createAgent, schedulingIds } from '../support/scheduling';
import { signIn } from '../support/session';

/** What a person sees when the call is not theirs, or not open yet: a clear message, no media. */
describe('the call page refuses, in the browser', () => {
  let t: TestApp;
  let chrome: TestBrowser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'client', 'index.html'))) throw new Error("dist/client is missing: run 'npm run build'");
    t = await startTestApp({ LOGIN_RATE_LIMIT: '100', JOIN_MARGIN_MINUTES: '15' });
    chrome = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await chrome?.close();
    await t?.close();
  });

  async function browserWith(cookie: { name: string; value: string }) {
    const context = await chrome.browser.newContext();
    contexts.push(context);
    await context.addCookies([{ ...cookie, url: t.baseUrl, httpOnly: true }]);
    return context.newPage();
  }

  it('another agent of the same administration opening the link', async () => {
    const ids = await demoIds(t.dataSource);
    const consultationId = await createConsultation(t.dataSource, ids.pithiviersBoothId, 'agent@demo.visio-msap.fr');
    const admin = await signIn(t.baseUrl, 'admin');
    await createAgent(admin, t.dataSource, 'autre.agent@demo.visio-msap.fr', (await schedulingIds(t.dataSource)).ddfipId);
    const cookie = await sessionCookie(t.baseUrl, 'autre.agent@demo.visio-msap.fr', 'un-mot-de-passe-long');
    const page = await browserWith({ name: 'visio_session', value: cookie.split('=')[1]! });
    await page.goto(`${t.baseUrl}/consultation/${consultationId}`);
    await page.getByText('Vous ne participez pas à cette téléconsultation.').waitFor();
    expect(await t.app.get<RoomRegistry>(ROOM_REGISTRY).find(consultationId)).toBeNull();
  });

  it('the booth, two hours before its consultation (outside the 15-minute margin)', async () => {
    const ids = await demoIds(t.dataSource);
    const consultationId = await createConsultation(t.dataSource, ids.sullyBoothId, 'agent@demo.visio-msap.fr', 120);
    const device = await pairDevice(t.baseUrl, ids.sullyBoothId);
    const page = await browserWith({ name: 'visio_device', value: deviceTokenOf(device.agent) });
    await page.goto(`${t.baseUrl}/borne/consultation/${consultationId}`);
    await page.getByText('Cette téléconsultation n’est pas ouverte pour le moment.').waitFor();
    expect(await t.app.get<RoomRegistry>(ROOM_REGISTRY).find(consultationId)).toBeNull();
  });

  it('the booth waiting in the lobby when its consultation is cancelled: told at once', async () => {
    const ids = await demoIds(t.dataSource);
    const consultationId = await createConsultation(t.dataSource, ids.pithiviersBoothId, 'agent@demo.visio-msap.fr');
    const device = await pairDevice(t.baseUrl, ids.pithiviersBoothId);
    const page = await browserWith({ name: 'visio_device', value: deviceTokenOf(device.agent) });
    await page.goto(`${t.baseUrl}/borne/consultation/${consultationId}`);
    await page.getByText('Vous êtes en salle d’attente.').waitFor();

    const coordinator = await signIn(t.baseUrl, 'coordinator');
    await coordinator.agent
      .post(`/api/consultations/${consultationId}/cancel`)
      .set('x-csrf-token', coordinator.csrf)
      .send({ reason: 'Agent absent (formation)' })
      .expect(200);

    await page.getByRole('heading', { name: 'Ce rendez-vous a été annulé.' }).waitFor();
  });
});
