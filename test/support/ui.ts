import type { Locator, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../server/src/seed/demo-seed.service';

/** The demo seed's credentials for a role. */
export function demoAccount(role: string): { email: string; password: string } {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`no demo account for the role ${role}`);
  return account;
}

/** Signs in through the form with the keyboard only (a role's demo account, or given credentials) and waits for the home page. */
export async function signInUi(page: Page, baseUrl: string, who: string | { email: string; password: string }, home: string): Promise<void> {
  const { email, password } = typeof who === 'string' ? demoAccount(who) : who;
  await page.goto(`${baseUrl}/connexion`);
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.keyboard.press('Enter');
  await page.waitForURL(`**${home}`);
}

/** Whether the element has the focus. Runs in the page; the tests' tsconfig has no DOM types, hence the narrow cast. */
export const isFocused = (locator: Locator) =>
  locator.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement);

/** Whether the page itself scrolls, down or sideways (panels that scroll inside themselves aside). Runs in the page. */
export const pageOverflow = (page: Page) =>
  page.evaluate<{ vertical: boolean; horizontal: boolean }>(
    '({ vertical: document.documentElement.scrollHeight > window.innerHeight, horizontal: document.documentElement.scrollWidth > window.innerWidth })',
  );
