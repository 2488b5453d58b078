import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { auditPage, blocking, describeViolations } from '../support/a11y';
import { startTestApp, TestApp } from '../support/app';
import { launchChromium, TestBrowser } from '../support/browser';
import { ROOT } from '../support/process';
import { signIn, SignedIn } from '../support/session';
import { isFocused, signInUi } from '../support/ui';

const SCREENSHOTS = join(ROOT, 'test-results');
const DESK_PC = { width: 1280, height: 720 };
const TABLET = { width: 800, height: 1280 };
const ADMINISTRATION = 'DDFIP du Loiret';
/** A demo type of the DDFIP: its checklist starts from the "impots" default (version 0). */
const SUBJECT = 'Taxe foncière';

interface Item {
  id: string;
  part: 'before' | 'during' | 'after';
  label: string;
}
interface TemplateView {
  consultationTypeId: string;
  version: number;
  theme: string;
  items: Item[];
  savedAt: string | null;
  savedBy: string | null;
  inUse: number;
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = blocking(await auditPage(page));
  expect(`${what}: ${describeViolations(violations)}`).toBe(`${what}: `);
}

/** The labels of a part's items as shown in their fields, in order. */
const labelsIn = (part: Locator) => part.getByRole('textbox').evaluateAll((fields) => fields.map((f) => (f as unknown as { value: string }).value));

/**
 * A coordinator edits the checklist facilitators fill for one consultation type, as they would:
 * signed in through the form, the page opened from the coordination navigation, the administration
 * and the type picked in their lists. Each step runs on the page the previous one left.
 */
describe('checklist template editor in Chromium', () => {
  let t: TestApp;
  let chrome: TestBrowser;
  const contexts: BrowserContext[] = [];
  let coordinator: SignedIn;
  let typeId: string;
  let defaults: TemplateView;
  /** The coordinator's page, and a second one (another tab, another person) still on version 0. */
  let page: Page;
  let other: Page;
  let edited: Item[];

  const template = async () => (await coordinator.agent.get(`/api/consultation-types/${typeId}/checklist-template`).expect(200)).body as TemplateView;
  const storedVersions = async () =>
    ((await t.dataSource.query(`SELECT version FROM checklist_templates WHERE consultation_type_id = $1 ORDER BY version`, [typeId])) as Array<{ version: number }>).map(
      (r) => r.version,
    );
  const part = (p: Page, name: string) => p.getByRole('group', { name, exact: true });
  const labelsOf = (items: Item[], p: Item['part']) => items.filter((i) => i.part === p).map((i) => i.label);

  async function newPage(): Promise<Page> {
    const context = await chrome.browser.newContext({ viewport: DESK_PC });
    contexts.push(context);
    return context.newPage();
  }

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'client', 'index.html'))) {
      throw new Error("dist/client is missing: run 'npm run build:client' first");
    }
    t = await startTestApp({ LOGIN_RATE_LIMIT: '100' });
    chrome = await launchChromium();
    coordinator = await signIn(t.baseUrl, 'coordinator');
    const [type] = await t.dataSource.query(`SELECT id FROM consultation_types WHERE subject = $1`, [SUBJECT]);
    typeId = type.id;
    defaults = await template();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await chrome?.close();
    await t?.close();
  });

  it('opens from the coordination navigation; the type’s checklist shows after picking the administration and the type', async () => {
    expect(defaults).toMatchObject({ version: 0, theme: 'impots', savedAt: null, inUse: 0 });
    page = await newPage();
    await signInUi(page, t.baseUrl, 'coordinator', '/coordination');
    await page.getByRole('navigation', { name: 'Coordination' }).getByRole('link', { name: 'Fiches d’accompagnement' }).click();
    await page.waitForURL('**/coordination/fiches');
    await page.getByRole('heading', { level: 1, name: 'Fiches d’accompagnement' }).waitFor();
    expect(await page.title()).toBe('Fiches d’accompagnement — Visio MSAP');

    await page.getByLabel('Administration', { exact: true }).selectOption({ label: ADMINISTRATION });
    await page.getByText('Choisissez une administration, puis un objet de rendez-vous, pour modifier sa fiche.').waitFor();
    await page.getByLabel('Objet du rendez-vous', { exact: true }).selectOption({ label: SUBJECT });
    await page.getByRole('heading', { level: 2, name: `Fiche « ${SUBJECT} »` }).waitFor();
    expect(await page.getByTestId('template-version').textContent()).toBe('Modèle par défaut (non enregistré)');
    expect(await page.getByTestId('template-in-use').textContent()).toBe('Aucune fiche remplie avec ce modèle pour l’instant');
    expect(new URL(page.url()).searchParams.get('objet')).toBe(typeId);
    for (const [name, p] of [['Avant le rendez-vous', 'before'], ['Pendant', 'during'], ['Après', 'after']] as const) {
      expect(await labelsIn(part(page, name))).toEqual(labelsOf(defaults.items, p));
    }
    await page.getByText('11 éléments sur 40 au plus.').waitFor();
    await expectAccessible(page, 'default template');
  });

  it('renames, adds, moves and removes items; the focus and the announcements follow', async () => {
    const before = part(page, 'Avant le rendez-vous');
    const during = part(page, 'Pendant');
    const after = part(page, 'Après');
    const announced = (text: string) => page.locator('p[role="status"]', { hasText: text }).waitFor();

    await before.getByLabel('Libellé de l’élément 1', { exact: true }).fill('Pièce d’identité ou titre de séjour en cours de validité');
    await page.getByText('Modifications non enregistrées').waitFor();

    // A new item's field takes the focus: the coordinator types its label at once.
    await after.getByRole('button', { name: 'Ajouter un élément (Après)' }).click();
    const added = after.getByLabel('Libellé de l’élément 4', { exact: true });
    expect(await isFocused(added)).toBe(true);
    await page.keyboard.type('Rendez-vous suivant proposé si besoin');
    await page.getByText('12 éléments sur 40 au plus.').waitFor();

    // Moved down with the keyboard to the end of its part: the focus goes to the same item's "up".
    await during.getByRole('button', { name: 'Descendre l’élément 1 (Pendant)' }).focus();
    await page.keyboard.press('Enter');
    await announced('Élément déplacé en position 2 sur 2 (Pendant).');
    expect(await isFocused(during.getByRole('button', { name: 'Monter l’élément 2 (Pendant)' }))).toBe(true);

    // Removed: the focus goes to the label of the item that took its place.
    await after.getByRole('button', { name: 'Retirer l’élément 2 (Après)' }).click();
    await announced('Élément 2 retiré (Après).');
    expect(await isFocused(after.getByLabel('Libellé de l’élément 2', { exact: true }))).toBe(true);
    await page.getByText('11 éléments sur 40 au plus.').waitFor();

    const byId = (id: string) => defaults.items.find((i) => i.id === id)!;
    edited = [
      { ...byId('identite'), label: 'Pièce d’identité ou titre de séjour en cours de validité' },
      ...defaults.items.filter((i) => i.part === 'before' && i.id !== 'identite'),
      byId('documents-envoyes'),
      byId('son-image'),
      byId('prochaine-etape'),
      byId('copie-remise'),
      { id: 'rendez-vous-suivant-propose-si-besoin', part: 'after', label: 'Rendez-vous suivant proposé si besoin' },
    ];
    expect(await labelsIn(before)).toEqual(labelsOf(edited, 'before'));
    expect(await labelsIn(during)).toEqual(labelsOf(edited, 'during'));
    expect(await labelsIn(after)).toEqual(labelsOf(edited, 'after'));

    await page.screenshot({ path: join(SCREENSHOTS, 'checklist-templates-edited-1280x720.png'), fullPage: true });
    await page.setViewportSize(TABLET);
    await page.screenshot({ path: join(SCREENSHOTS, 'checklist-templates-edited-800x1280.png'), fullPage: true });
    await expectAccessible(page, 'edited template (800×1280)');
    await page.setViewportSize(DESK_PC);
    await expectAccessible(page, 'edited template (1280×720)');
  });

  it('saves version 1: the page says so and the server stores it as edited, the new item with an id from its label', async () => {
    // Meanwhile someone else opened the same checklist, still on version 0, and changed a label.
    other = await newPage();
    await signInUi(other, t.baseUrl, 'coordinator', '/coordination');
    await other.goto(`${t.baseUrl}${new URL(page.url()).pathname}${new URL(page.url()).search}`);
    await other.getByTestId('template-version').getByText('Modèle par défaut (non enregistré)').waitFor();
    await part(other, 'Pendant').getByLabel('Libellé de l’élément 1', { exact: true }).fill('Son, image et micro vérifiés avec l’usager');

    await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
    const status = page.getByTestId('template-status');
    await status.getByText(`Version 1 de la fiche « ${SUBJECT} » enregistrée. Elle servira aux prochains rendez-vous.`).waitFor();
    expect(await isFocused(status)).toBe(true);
    // The sentence comes first, then the saved version loaded again.
    await page.getByTestId('template-version').getByText(/^Version 1, enregistrée le .+ par Camille Coordination$/).waitFor();
    expect(await page.getByText('Modifications non enregistrées').count()).toBe(0);

    const saved = await template();
    expect(saved).toMatchObject({ consultationTypeId: typeId, version: 1, theme: 'impots', savedBy: 'Camille Coordination', inUse: 0 });
    expect(saved.items).toEqual(edited);
    expect(await storedVersions()).toEqual([1]);
    expect(await labelsIn(part(page, 'Après'))).toEqual(labelsOf(edited, 'after'));
    await page.screenshot({ path: join(SCREENSHOTS, 'checklist-templates-saved-1280x720.png'), fullPage: true });
    await expectAccessible(page, 'saved template');
  });

  it('a save from the page still on version 0 is refused in French, changes nothing, and “Recharger” brings version 1', async () => {
    await other.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
    const error = other.getByTestId('form-error');
    await error.getByText('Ce modèle vient d’être modifié par quelqu’un d’autre : rechargez-le avant d’enregistrer.').waitFor();
    expect(await isFocused(error)).toBe(true);
    await other.getByText('Recharger affiche la dernière version enregistrée ; vos modifications en cours seront perdues.', { exact: false }).waitFor();
    const reload = other.getByRole('button', { name: 'Recharger', exact: true });
    await reload.waitFor();
    expect((await template()).items).toEqual(edited);
    expect(await storedVersions()).toEqual([1]);
    await other.screenshot({ path: join(SCREENSHOTS, 'checklist-templates-stale-1280x720.png'), fullPage: true });
    await expectAccessible(other, 'stale save refused');

    // The block the focus was on goes: the focus goes to the heading of what came back.
    await reload.click();
    await other.getByTestId('template-version').getByText(/^Version 1, enregistrée le .+ par Camille Coordination$/).waitFor();
    await other.locator('p[role="status"]', { hasText: 'Dernière version chargée (version 1).' }).waitFor();
    expect(await isFocused(other.getByRole('heading', { level: 2, name: `Fiche « ${SUBJECT} »` }))).toBe(true);
    expect(await other.getByTestId('form-error').count()).toBe(0);
    expect(await other.getByRole('button', { name: 'Recharger', exact: true }).count()).toBe(0);
    expect(await labelsIn(part(other, 'Pendant'))).toEqual(labelsOf(edited, 'during'));
  });

  it('resets to the default once confirmed: version 0 again on the page and on the server', async () => {
    await page.getByText('Supprime toutes les versions enregistrées de cette fiche', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Revenir au modèle par défaut', exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: `Revenir au modèle par défaut pour « ${SUBJECT} » ?` });
    await dialog.waitFor();
    expect(await isFocused(dialog.getByText(`Revenir au modèle par défaut pour « ${SUBJECT} » ?`))).toBe(true);
    await expectAccessible(page, 'reset asked');
    await dialog.getByRole('button', { name: 'Revenir au modèle par défaut', exact: true }).click();

    await page.getByTestId('template-status').getByText(`La fiche « ${SUBJECT} » est revenue au modèle par défaut.`).waitFor();
    await page.getByTestId('template-version').getByText('Modèle par défaut (non enregistré)').waitFor();
    await page.getByText('Cet objet de rendez-vous utilise déjà le modèle par défaut.').waitFor();
    expect(await page.getByRole('button', { name: 'Revenir au modèle par défaut', exact: true }).isDisabled()).toBe(true);
    expect(await labelsIn(part(page, 'Avant le rendez-vous'))).toEqual(labelsOf(defaults.items, 'before'));

    expect(await template()).toEqual(defaults);
    expect(await storedVersions()).toEqual([]);
    await expectAccessible(page, 'template reset');
  });
});
