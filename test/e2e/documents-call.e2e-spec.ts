import type { Page } from 'playwright-core';
import type { CallScenario } from '../support/call-scenario';
import { admitBooth, startCallScenario } from '../support/call-scenario';
import { mediaFlowing } from '../support/call-page';
import { dropSignalling } from '../support/call-probe';
import { pdfWithTestVirus, simplePdf } from '../support/documents';
import { auditPage, blocking, describeViolations } from '../support/a11y';

/** No serious or critical WCAG 2.1 AA violation on the page as it is now. */
async function accessible(page: Page, what: string): Promise<void> {
  const violations = blocking(await auditPage(page));
  if (violations.length > 0) throw new Error(`${what}:\n${describeViolations(violations)}`);
}

/** Whether a canvas drawn by pdf.js holds anything but white (the page was really drawn). */
const canvasInked = (page: Page) =>
  page.getByTestId('pdf-page').first().evaluate((canvas) => {
    const c = canvas as unknown as { width: number; height: number; getContext(k: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } };
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark++;
    return { width: c.width, dark };
  });

describe('documents during a call, in two real browsers (fake camera, real clamd)', () => {
  let s: CallScenario;
  let booth: Page;
  let agent: Page;

  beforeAll(async () => {
    s = await startCallScenario();
    ({ booth, agent } = s);
    await admitBooth(s);
    await mediaFlowing(agent, 'the agent');
  }, 120_000);
  afterAll(() => s?.close());

  it('the booth photographs a page under the framing guide; the agent sees it, sharp, and can zoom and turn it', async () => {
    // The booth's side column shows the chat first: the citizen turns to the documents.
    await booth.getByRole('button', { name: 'Documents', exact: true }).click();
    await booth.getByRole('button', { name: 'Photographier un document' }).click();
    const capture = booth.getByTestId('photo-capture');
    await capture.getByText('Posez le document à plat et placez-le dans le cadre.').waitFor();
    await accessible(booth, 'the capture dialog');
    await capture.getByRole('button', { name: 'Prendre la photo' }).click();
    await capture.getByTestId('capture-preview').waitFor();
    await accessible(booth, 'the capture preview');
    await capture.getByRole('button', { name: 'Reprendre' }).click();
    await capture.getByRole('button', { name: 'Prendre la photo' }).click();
    await capture.getByRole('button', { name: 'Ajouter une page' }).click();
    await capture.getByRole('button', { name: 'Prendre la photo' }).click();
    await capture.getByRole('button', { name: 'Envoyer (2 pages)' }).click();
    await capture.waitFor({ state: 'detached' });
    await booth.getByText('Document envoyé à votre conseiller.').waitFor({ timeout: 30_000 });

    const item = agent.getByTestId('document-item').filter({ hasText: 'Document photographié' });
    await item.and(agent.locator('[data-document-status="ready"]')).waitFor();
    await item.getByText('2 pages').waitFor();
    await accessible(agent, 'the agent’s call page with its documents');
    await item.getByRole('button', { name: 'Afficher' }).click();
    const viewer = agent.getByTestId('document-viewer');
    const image = viewer.getByTestId('document-image');
    await image.waitFor();
    await agent.waitForFunction(() => {
      const img = (globalThis as unknown as { document: { querySelector(s: string): { naturalWidth: number } | null } }).document.querySelector('[data-testid="document-image"]');
      return (img?.naturalWidth ?? 0) > 0;
    });
    // Full resolution of the fake camera, not a thumbnail.
    expect(await image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThanOrEqual(640);
    await accessible(agent, 'the document viewer');
    // The keyboard goes round the viewer's controls, never to the call's behind it.
    for (let i = 0; i < 12; i++) await agent.keyboard.press('Tab');
    expect(await viewer.evaluate((dialog) => dialog.contains((dialog as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement as never))).toBe(true);
    await viewer.getByRole('button', { name: 'Agrandir' }).click();
    await viewer.getByRole('button', { name: 'Tourner' }).click();
    expect(await image.getAttribute('style')).toContain('rotate(90deg)');
    await viewer.getByRole('button', { name: 'Page suivante' }).click();
    await viewer.getByText('Page 2 sur 2').waitFor();
    await viewer.getByRole('link', { name: 'Télécharger en PDF' }).waitFor();
    await viewer.getByRole('button', { name: 'Fermer' }).click();
    await viewer.waitFor({ state: 'detached' });
  });

  it('the agent sends a PDF form (a copy to the citizen’s e-mail, ticked); the booth is told and reads it full screen', async () => {
    // The citizen went back to the messages: the document comes forward by itself all the same.
    await booth.getByRole('button', { name: /^Messages/ }).click();
    // The citizen gave an address at booking: the agent's panel offers the copy, naming it.
    await s.t.dataSource.query(`UPDATE consultations SET citizen_email = 'jeanne.martin@example.fr' WHERE id = $1`, [s.consultationId]);
    await agent.reload();
    // As a person does with a DSFR checkbox: a click on its label.
    await agent.getByText('Envoyer aussi une copie à l’usager par courriel (jeanne.martin@example.fr)').click();
    expect(await agent.getByLabel('Envoyer aussi une copie à l’usager par courriel (jeanne.martin@example.fr)').isChecked()).toBe(true);
    await agent.locator('#document-file').setInputFiles({ name: 'Formulaire cerfa.pdf', mimeType: 'application/pdf', buffer: await simplePdf(2, 'Formulaire a remplir') });
    const sent = agent.getByTestId('document-item').filter({ hasText: 'Formulaire cerfa.pdf' });
    await sent.and(agent.locator('[data-document-status="ready"]')).waitFor({ timeout: 30_000 });
    await sent.getByText('copie envoyée par courriel').waitFor();
    const copies = await s.t.dataSource.query(`SELECT recipient, event FROM notification_outbox WHERE consultation_id = $1 AND document_id IS NOT NULL`, [s.consultationId]);
    expect(copies).toEqual([{ recipient: 'jeanne.martin@example.fr', event: 'document_sent' }]);
    // It opens full screen by itself: the citizen has nothing to look for.
    const viewer = booth.getByTestId('document-viewer');
    await viewer.getByText('Votre conseiller vous a envoyé ce document.').waitFor();
    await viewer.getByRole('heading', { name: 'Formulaire cerfa.pdf' }).waitFor();
    await viewer.getByTestId('pdf-page').nth(1).waitFor();
    const drawn = await canvasInked(booth);
    expect(drawn.width).toBeGreaterThan(600);
    expect(drawn.dark).toBeGreaterThan(50);
    await accessible(booth, 'the booth’s PDF viewer');
    // The booth looks, prints; it does not download.
    expect(await viewer.getByRole('link', { name: /Télécharger/ }).count()).toBe(0);
    await viewer.getByRole('button', { name: 'Imprimer' }).waitFor();
    await viewer.getByRole('button', { name: 'Fermer' }).click();
    await viewer.waitFor({ state: 'detached' });
    // Closed, it can be opened again from the side of the call.
    await booth.getByRole('button', { name: 'Revoir « Formulaire cerfa.pdf »' }).click();
    await viewer.getByTestId('pdf-page').first().waitFor();
    await viewer.getByRole('button', { name: 'Fermer' }).click();
  });

  it('a file carrying the test virus signature is refused, and each side reads why', async () => {
    await booth.getByRole('button', { name: /^Messages/ }).click();
    await booth.locator('#booth-document-file').setInputFiles({ name: 'releve.pdf', mimeType: 'application/pdf', buffer: await pdfWithTestVirus() });
    await booth.getByText(/Le document n’a pas pu être envoyé\. Un virus a été détecté dans ce fichier \(VisioMsap\.Test\.Signature/).waitFor({ timeout: 30_000 });
    const item = agent.getByTestId('document-item').filter({ hasText: 'releve.pdf' });
    await item.getByText(/Un virus a été détecté dans ce fichier/).waitFor();
    expect(await item.getByRole('button', { name: 'Afficher' }).count()).toBe(0);
  });

  it('after a reconnection each side still lists the documents as they are', async () => {
    const before = await agent.getByTestId('document-item').count();
    expect(before).toBe(3);
    expect(await dropSignalling(agent)).toBeGreaterThan(0);
    await agent.waitForSelector('[data-call-status="call"]');
    await agent.reload();
    await agent.getByTestId('documents-panel').waitFor();
    await agent.waitForFunction((n) => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('[data-testid="document-item"]').length === n, before);
    // The agent deletes the refused one: it disappears from its list.
    const refused = agent.getByTestId('document-item').filter({ hasText: 'releve.pdf' });
    await refused.getByRole('button', { name: 'Supprimer' }).click();
    await agent.getByRole('button', { name: 'Oui, supprimer' }).click();
    await refused.waitFor({ state: 'detached' });
  });
});
