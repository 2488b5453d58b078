import type { BrowserContext, Page } from 'playwright-core';
import { book, demoCatalogue, DemoCatalogue, nextMinute, openAllWeek } from '../support/booth-day';
import { auditPage, blocking, describeViolations } from '../support/a11y';
import { closeSuite, launchChromium, TestBrowser } from '../support/browser';
import { serveBuilt, ServedApp } from '../support/process';
import { signIn } from '../support/session';
import { signInUi } from '../support/ui';

/**
 * The support form under a bad network and on two devices at once: what the facilitator types is
 * never lost (kept while offline, sent when the network is back), and a field changed on the other
 * device meanwhile is never overwritten without the facilitator choosing.
 */
describe('the support form: saved as typed, offline and on two devices', () => {
  let served: ServedApp;
  let chrome: TestBrowser;
  const contexts: BrowserContext[] = [];
  let tablet: Page;
  let deskPc: Page;
  let catalogue: DemoCatalogue;
  let id: string;

  const stored = async () => {
    const f = await signIn(served.baseUrl, 'facilitator');
    return (await f.agent.get(`/api/consultations/${id}/support`).expect(200)).body as { notes: string; revision: number; items: Array<{ id: string; comment: string }> };
  };

  beforeAll(async () => {
    served = await serveBuilt({});
    chrome = await launchChromium([], { asUsersHaveIt: true });
    for (const viewport of [{ width: 800, height: 1280 }, { width: 1280, height: 720 }]) {
      const context = await chrome.browser.newContext({ viewport });
      contexts.push(context);
    }
    [tablet, deskPc] = await Promise.all(contexts.map((c) => c.newPage()));
    catalogue = await demoCatalogue(served.baseUrl);
    await openAllWeek(catalogue);
    id = await book(catalogue, nextMinute().plus({ minutes: 30 }), 30, 'Jeanne Martin');
    for (const page of [tablet, deskPc]) {
      await signInUi(page, served.baseUrl, 'facilitator', '/animation');
      await page.goto(`${served.baseUrl}/animation/accompagnement/${id}`);
      await page.getByRole('heading', { level: 1, name: 'Fiche d’accompagnement' }).waitFor();
    }
  });

  afterAll(() => closeSuite(contexts, chrome, served));

  it('typed while the network is down: kept, said so, and stored once it is back', async () => {
    await contexts[0]!.setOffline(true);
    await tablet.getByRole('textbox', { name: /^Notes/ }).fill('Vient avec sa fille, qui traduit.');
    await tablet.locator('[data-testid="save-status"][data-state="offline"]').waitFor({ timeout: 10_000 });
    await tablet.getByTestId('save-status').getByText('Connexion perdue : vos modifications sont gardées et seront enregistrées dès le retour du réseau.').waitFor();
    // Said aloud too, once (the quiet saves are not).
    expect(await tablet.getByRole('status').filter({ hasText: 'Connexion perdue' }).count()).toBe(1);
    expect((await stored()).notes).toBe('');
    await contexts[0]!.setOffline(false);
    await tablet.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
    expect((await stored()).notes).toBe('Vient avec sa fille, qui traduit.');
    // The other device, open on the same record, shows it without a reload.
    await deskPc.waitForFunction(() => (globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } }).document.querySelector('textarea')?.value === 'Vient avec sa fille, qui traduit.', undefined, { timeout: 5_000 });
  });

  it('the same field changed on both devices: the second is shown both values and chooses; nothing is lost silently', async () => {
    // The desk PC is cut off while the tablet changes the notes: its own change is then based on an older revision.
    await contexts[1]!.setOffline(true);
    await tablet.getByRole('textbox', { name: /^Notes/ }).fill('Vient avec sa fille, qui traduit. Rendez-vous CAF à prévoir.');
    await tablet.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 10_000 });
    await deskPc.getByRole('textbox', { name: /^Notes/ }).fill('Vient seule finalement.');
    await deskPc.locator('[data-testid="save-status"][data-state="offline"]').waitFor({ timeout: 10_000 });
    await contexts[1]!.setOffline(false);

    const conflict = deskPc.locator('[data-testid="conflict"][data-field="notes"]');
    await conflict.waitFor({ timeout: 15_000 });
    await conflict.getByText('Modifié entre-temps sur un autre appareil : « Vient avec sa fille, qui traduit. Rendez-vous CAF à prévoir. ». Quelle version garder ?').waitFor();
    // Nothing overwritten yet: the stored notes are the tablet's.
    expect((await stored()).notes).toBe('Vient avec sa fille, qui traduit. Rendez-vous CAF à prévoir.');
    expect(await deskPc.getByRole('textbox', { name: /^Notes/ }).inputValue()).toBe('Vient seule finalement.');
    expect(describeViolations(blocking(await auditPage(deskPc)))).toBe('');
    // The tablet goes on with another field: the desk PC reads the record again, its choice still waits with both values.
    await tablet.getByText('Entièrement accompagné', { exact: true }).click();
    await deskPc.getByLabel('Entièrement accompagné').and(deskPc.locator(':checked')).waitFor({ timeout: 5_000 });
    expect(await deskPc.getByRole('textbox', { name: /^Notes/ }).inputValue()).toBe('Vient seule finalement.');
    await conflict.waitFor();

    await conflict.getByRole('button', { name: 'Garder ma version : Notes' }).click();
    await deskPc.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 10_000 });
    expect((await stored()).notes).toBe('Vient seule finalement.');
    await tablet.waitForFunction(() => (globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } }).document.querySelector('textarea')?.value === 'Vient seule finalement.', undefined, { timeout: 5_000 });
  });

  it('different fields changed on the two devices at once both stay', async () => {
    await tablet.getByTestId('item-identite').getByText('Fait', { exact: true }).click();
    await deskPc.getByText('Autonome', { exact: true }).click();
    await tablet.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    await deskPc.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    const f = await signIn(served.baseUrl, 'facilitator');
    const record = (await f.agent.get(`/api/consultations/${id}/support`).expect(200)).body as { autonomy: string; items: Array<{ id: string; state: string }> };
    expect(record.autonomy).toBe('autonome');
    expect(record.items.find((i) => i.id === 'identite')!.state).toBe('done');
    expect(await deskPc.locator('[data-testid="conflict"]').count()).toBe(0);
  });
});
