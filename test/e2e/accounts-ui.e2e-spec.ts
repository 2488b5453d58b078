import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { auditPage, blocking, describeViolations } from '../support/a11y';
import { startTestApp, TestApp } from '../support/app';
import { closeSuite, launchChromium, TestBrowser, waitFor } from '../support/browser';
import { ROOT } from '../support/process';
import { isFocused, signInUi } from '../support/ui';

const SHOTS = '/tmp/shots-accounts';
const DESKTOP = { width: 1280, height: 720 };
const PERSON = { email: 'nadia.benali@loiret.gouv.fr', name: 'Nadia Benali' };
const FIRST_PASSWORD = 'le chat dort sur le radiateur';
const SECOND_PASSWORD = 'la pluie tombe sur Orléans';
const THIRD_PASSWORD = 'trois tomates vertes au marché';

describe('accounts in Chromium: invitation, "mot de passe oublié", "Mon compte"', () => {
  let t: TestApp;
  let chrome: TestBrowser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const dist = process.env.CLIENT_DIST_DIR ?? join(ROOT, 'dist', 'client');
    if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} is missing: build the client first`);
    t = await startTestApp({ LOGIN_RATE_LIMIT: '100', NOTIFICATIONS_INTERVAL_MS: '200' });
    chrome = await launchChromium();
    await mkdir(SHOTS, { recursive: true });
  });
  afterAll(() => closeSuite(contexts, chrome, t));

  async function newPage(viewport = DESKTOP): Promise<Page> {
    const context = await chrome.browser.newContext({ viewport, locale: 'fr-FR' });
    contexts.push(context);
    return context.newPage();
  }

  async function expectAccessible(page: Page): Promise<void> {
    await page.waitForLoadState('networkidle');
    expect(describeViolations(blocking(await auditPage(page)))).toBe('');
    const heading = (await page.locator('main h1').first().textContent())?.replace(/\s+/g, ' ').trim();
    expect(await page.title()).toBe(`${heading} — Visio MSAP`);
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

  /**
   * The link of the newest e-mail of this kind to this address, read by the admin on the "Messages"
   * page (the local outbox: no SMTP server here), once the dispatcher has delivered it.
   */
  async function linkFromOutbox(admin: Page, email: string, event: string): Promise<string> {
    await admin.goto(`${t.baseUrl}/coordination/messages`);
    return waitFor(`the ${event} e-mail to ${email} on the Messages page`, async () => {
      await admin.getByRole('button', { name: 'Actualiser' }).click();
      const row = admin.getByTestId('outbox').getByRole('row').filter({ hasText: email }).filter({ hasText: event }).first();
      if ((await row.count()) === 0) return undefined;
      const link = /https?:\/\/\S+\/mot-de-passe\/[A-Za-z0-9_-]{43}/.exec((await row.textContent()) ?? '')?.[0];
      return link;
    });
  }

  it('an admin invites a person from the accounts page; the person opens the e-mailed link, sets a password and signs in', async () => {
    const admin = await newPage();
    await signInUi(admin, t.baseUrl, 'admin', '/admin');
    await admin.getByRole('link', { name: 'Gérer les comptes (invitations, rôles, désactivation)' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Comptes' }).waitFor();
    await admin.getByTestId('account-agent@demo.visio-msap.fr').waitFor();
    await expectAccessible(admin);
    await shot(admin, '01-accounts');

    const invite = admin.locator('section', { has: admin.getByRole('heading', { name: 'Inviter une personne', level: 2 }) });
    // Empty fields are named; an address already used is refused in French, focused.
    await invite.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    const summary = invite.getByTestId('form-error');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Adresse électronique : à renseigner ; Prénom et nom : à renseigner ; Rôle : à renseigner');
    expect(await isFocused(summary)).toBe(true);
    await invite.getByLabel('Adresse électronique *').fill('AGENT@demo.visio-msap.fr');
    await invite.getByLabel('Prénom et nom *').fill('Quelqu’un');
    await invite.getByLabel('Rôle *').selectOption({ label: 'Agent' });
    await invite.getByLabel('Administration *').selectOption({ label: 'DDFIP du Loiret' });
    await invite.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await invite.getByText('Un compte utilise déjà cette adresse électronique.').waitFor();
    await invite.getByText('adresse déjà utilisée par un compte', { exact: true }).waitFor();

    await invite.getByLabel('Adresse électronique *').fill(PERSON.email);
    await invite.getByLabel('Prénom et nom *').fill(PERSON.name);
    await invite.getByLabel('Fonction affichée (facultatif)').fill('Conseillère fiscale');
    await invite.getByRole('button', { name: 'Envoyer l’invitation' }).press('Enter');
    await admin.getByTestId('accounts-status').getByText(`Invitation envoyée à ${PERSON.email}. Le lien est valable jusqu’au`).waitFor();
    const row = admin.getByTestId(`account-${PERSON.email}`);
    await row.getByText('Invité', { exact: true }).waitFor();
    await row.getByText(/^Lien valable jusqu’au /).waitFor();
    await row.getByText('DDFIP du Loiret · Conseillère fiscale').waitFor();
    // Filters: by state and by name, accents aside.
    await admin.getByLabel('État').selectOption({ label: 'Invité' });
    await admin.getByText('1 compte affiché sur 5.').waitFor();
    await admin.getByLabel('Rechercher (nom ou adresse)').fill('benali');
    await admin.getByText('1 compte affiché sur 5.').waitFor();
    await shot(admin, '02-invited');

    const link = await linkFromOutbox(admin, PERSON.email, 'Invitation');
    expect(link.startsWith(`${t.baseUrl}/mot-de-passe/`)).toBe(true);
    await shot(admin, '03-outbox');

    // The person, in a browser of their own.
    const person = await newPage();
    await person.goto(link);
    await person.getByRole('heading', { level: 1, name: 'Activez votre compte' }).waitFor();
    await person.getByText(`Bienvenue, ${PERSON.name}. Choisissez votre mot de passe pour activer votre compte Visio MSAP.`).waitFor();
    expect(await person.getByLabel('Adresse électronique').inputValue()).toBe(PERSON.email);
    await expectAccessible(person);
    await shot(person, '04-set-password');
    await person.getByLabel('Nouveau mot de passe *').fill('trop court');
    await person.getByLabel('Confirmation du mot de passe *').fill('trop court');
    await person.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await person.getByTestId('form-error').getByText('Nouveau mot de passe : 12 caractères au moins').waitFor();
    await person.getByLabel('Nouveau mot de passe *').fill(FIRST_PASSWORD);
    await person.getByLabel('Confirmation du mot de passe *').fill(`${FIRST_PASSWORD}!`);
    await person.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await person.getByText('les deux mots de passe sont différents', { exact: true }).waitFor();
    await person.getByLabel('Confirmation du mot de passe *').fill(FIRST_PASSWORD);
    await person.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await person.getByTestId('password-set').getByText('Votre mot de passe est enregistré.', { exact: false }).waitFor();
    await shot(person, '05-password-set');

    // The link works once.
    await person.goto(link);
    await person.getByRole('heading', { level: 1, name: 'Lien non valable' }).waitFor();
    await person.getByText('Ce lien a déjà servi : il ne fonctionne qu’une fois.', { exact: false }).waitFor();
    await expectAccessible(person);
    await shot(person, '06-link-used');

    await signInUi(person, t.baseUrl, { email: PERSON.email, password: FIRST_PASSWORD }, '/agent');
    await admin.goto(`${t.baseUrl}/admin/comptes`);
    await admin.getByTestId(`account-${PERSON.email}`).getByText('Actif', { exact: true }).waitFor();
    await admin.getByTestId(`account-${PERSON.email}`).getByText('Mot de passe', { exact: true }).waitFor();
  });

  it('"Mon compte" from the header: the current password is checked, then the new one works', async () => {
    const page = await newPage();
    await signInUi(page, t.baseUrl, { email: PERSON.email, password: FIRST_PASSWORD }, '/agent');
    await page.getByRole('link', { name: `${PERSON.name} · Agent — Mon compte` }).click();
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    await page.getByTestId('my-account').getByText(PERSON.email).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Mot de passe actuel *').fill('pas le bon mot de passe');
    await page.getByLabel('Nouveau mot de passe *').fill(SECOND_PASSWORD);
    await page.getByLabel('Confirmation du mot de passe *').fill(SECOND_PASSWORD);
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await page.getByText('mot de passe actuel incorrect', { exact: true }).waitFor();
    await page.getByLabel('Mot de passe actuel *').fill(FIRST_PASSWORD);
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await page.getByTestId('password-changed').getByText('Mot de passe changé.', { exact: false }).waitFor();
    await shot(page, '07-my-account');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await signInUi(page, t.baseUrl, { email: PERSON.email, password: SECOND_PASSWORD }, '/agent');
  });

  it('"mot de passe oublié" from the sign-in page: the e-mailed link sets a new password', async () => {
    const person = await newPage();
    await person.goto(`${t.baseUrl}/connexion`);
    await person.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await person.getByRole('heading', { level: 1, name: 'Mot de passe oublié' }).waitFor();
    await expectAccessible(person);
    await person.getByLabel('Adresse électronique *').fill(PERSON.email);
    await person.getByRole('button', { name: 'Recevoir un lien' }).click();
    await person.getByTestId('forgot-sent').getByText(`Si un compte utilise l’adresse ${PERSON.email}, un message vient de lui être envoyé`, { exact: false }).waitFor();
    await expectAccessible(person);
    await shot(person, '08-forgot');

    const admin = await newPage();
    await signInUi(admin, t.baseUrl, 'admin', '/admin');
    const link = await linkFromOutbox(admin, PERSON.email, 'Mot de passe oublié');
    await person.goto(link);
    await person.getByRole('heading', { level: 1, name: 'Choisissez un nouveau mot de passe' }).waitFor();
    await person.getByLabel('Nouveau mot de passe *').fill(THIRD_PASSWORD);
    await person.getByLabel('Confirmation du mot de passe *').fill(THIRD_PASSWORD);
    await person.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await person.getByRole('link', { name: 'Se connecter' }).click();
    await signInUi(person, t.baseUrl, { email: PERSON.email, password: THIRD_PASSWORD }, '/agent');
  });

  it('an admin edits, disables and enables an account, and sends a reset link; the page fits a portrait tablet', async () => {
    const admin = await newPage();
    await signInUi(admin, t.baseUrl, 'admin', '/admin');
    await admin.goto(`${t.baseUrl}/admin/comptes`);
    const row = admin.getByTestId(`account-${PERSON.email}`);
    await row.getByRole('button', { name: `Modifier le compte de ${PERSON.name}` }).click();
    const form = admin.getByRole('form', { name: `Modifier le compte de ${PERSON.name}` });
    expect(await form.getByLabel('Adresse électronique *').isDisabled()).toBe(true);
    await form.getByLabel('Prénom et nom *').fill('Nadia Benali-Roux');
    await form.getByLabel('Fonction affichée (facultatif)').fill('Inspectrice des finances publiques');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await admin.getByTestId('accounts-status').getByText('Compte de Nadia Benali-Roux enregistré.').waitFor();
    await row.getByText('DDFIP du Loiret · Inspectrice des finances publiques').waitFor();

    await row.getByRole('button', { name: 'Désactiver le compte de Nadia Benali-Roux' }).click();
    const dialog = row.getByRole('alertdialog', { name: 'Désactiver le compte de Nadia Benali-Roux ?' });
    await dialog.waitFor();
    await expectAccessible(admin);
    await shot(admin, '09-disable-confirm');
    await dialog.getByRole('button', { name: 'Désactiver le compte' }).click();
    await admin.getByTestId('accounts-status').getByText('Compte de Nadia Benali-Roux désactivé : ses sessions sont fermées.').waitFor();
    await row.getByText('Désactivé', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Réactiver le compte de Nadia Benali-Roux' }).click();
    await admin.getByTestId('accounts-status').getByText('Compte de Nadia Benali-Roux réactivé.').waitFor();
    await row.getByRole('button', { name: 'Envoyer un lien de réinitialisation du mot de passe à Nadia Benali-Roux' }).click();
    await admin.getByTestId('accounts-status').getByText(`Lien de réinitialisation envoyé à ${PERSON.email}, valable jusqu’au`, { exact: false }).waitFor();
    // One's own account cannot be disabled from here.
    expect(await admin.getByTestId('account-admin@demo.visio-msap.fr').getByRole('button', { name: /Désactiver/ }).count()).toBe(0);
    const actions = await t.dataSource.query(`SELECT action FROM audit_events WHERE subject_id = (SELECT id::text FROM users WHERE email = $1) ORDER BY id`, [PERSON.email]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'user.invited',
      'user.password_set',
      'user.password_changed',
      'user.password_reset_requested',
      'user.password_set',
      'user.updated',
      'user.disabled',
      'user.enabled',
      'user.password_reset_sent',
    ]);

    const tablet = await newPage({ width: 768, height: 1024 });
    await signInUi(tablet, t.baseUrl, 'admin', '/admin');
    await tablet.goto(`${t.baseUrl}/admin/comptes`);
    await tablet.getByTestId(`account-${PERSON.email}`).waitFor();
    await expectAccessible(tablet);
    await tablet.screenshot({ path: join(SHOTS, '10-accounts-tablet.png'), fullPage: true });
  });
});
