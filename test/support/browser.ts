import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { probeCalls } from './call-probe';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags for a headless, offline Chromium that can do WebRTC against a local SFU: fake camera and
 * microphone with permission prompts auto-accepted, no sandbox (tests may run as root in a
 * container), nothing that phones home.
 */
const BASE_ARGS = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The same, and loopback ICE candidates of the browser's own (see `asUsersHaveIt`). */
export const CHROMIUM_ARGS = [...BASE_ARGS, '--allow-loopback-in-peer-connection'];

/**
 * What pages logged against the security headers (CSP, Permissions-Policy) since the last look; an
 * afterEach of the e2e project (security-violations.setup.ts) fails the test during which they came.
 */
const violations: string[] = [];

export const takeSecurityViolations = (): string[] => violations.splice(0);

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/** Debian's Chromium through playwright-core: no browser download, so it works offline. */
export async function launchChromium(extraArgs: string[] = [], { asUsersHaveIt = false } = {}): Promise<TestBrowser> {
  try {
    await access(CHROMIUM_PATH, constants.X_OK);
  } catch {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: browser tests use Debian's build. Install it with ` +
        "'apt-get install chromium' (Debian 12), then run the e2e suite again.",
    );
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...(asUsersHaveIt ? BASE_ARGS : CHROMIUM_ARGS), ...extraArgs], timeout: 30_000 });
  // Every suite runs under the server's Content-Security-Policy: what a page logs against it fails the test.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await probeCalls(context);
    context.on('console', (message) => {
      if (/Content Security Policy|Permissions-Policy/.test(message.text())) violations.push(`${message.page()?.url() ?? '?'}: ${message.text()}`);
    });
    return context;
  };
  return {
    browser,
    async close() {
      // Closing twice (afterAll after a failed test that already closed) must not throw.
      if (browser.isConnected()) await browser.close();
    },
  };
}

/**
 * Polls `probe` until it returns a value other than undefined. WebRTC progress (ICE, DTLS, first
 * decoded frame) has no single event both sides can await, and a fixed sleep is either slow or flaky.
 * A probe may throw to say why it is not ready yet: the last reason is in the timeout error.
 */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const cause = last instanceof Error ? ` (last: ${last.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A browser suite's teardown: its windows, then the browser, then the server (even if one of them fails). */
export async function closeSuite(contexts: readonly BrowserContext[], chrome: TestBrowser | undefined, server: { close(): Promise<void> } | undefined): Promise<void> {
  try {
    for (const c of contexts) await c.close().catch(() => undefined);
    await chrome?.close();
  } finally {
    await server?.close();
  }
}
