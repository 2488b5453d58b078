import type { BrowserContext, Page } from 'playwright-core';

/**
 * What the booth's privacy wipe must leave behind, observed from outside the page: the wipe ends in
 * a page load, after which every track is gone anyway, so what matters is that the camera and the
 * microphone were stopped BEFORE it. Each capture track the page acquires, and each stop, is noted
 * in window.name, which outlives a page load in the same tab and which the wipe does not touch.
 */
export async function watchCaptureTracks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    type Track = { readyState: string; stop(): void };
    const w = globalThis as unknown as {
      navigator: { mediaDevices: { getUserMedia(c: unknown): Promise<{ getTracks(): Track[] }> } };
      MediaStreamTrack: { prototype: Track };
      location: { pathname: string };
      name: string;
    };
    const tracks: Track[] = [];
    const note = () => {
      w.name = JSON.stringify({ url: w.location.pathname, tracks: tracks.length, live: tracks.filter((tr) => tr.readyState === 'live').length });
    };
    const original = w.navigator.mediaDevices.getUserMedia.bind(w.navigator.mediaDevices);
    w.navigator.mediaDevices.getUserMedia = async (constraints: unknown) => {
      const stream = await original(constraints);
      tracks.push(...stream.getTracks());
      note();
      return stream;
    };
    const stop = w.MediaStreamTrack.prototype.stop;
    w.MediaStreamTrack.prototype.stop = function (this: Track) {
      stop.call(this);
      note();
    };
  });
}

/** The capture tracks of the page that was left (its path, how many it acquired, how many were still live). */
export async function tracksOfPreviousPage(page: Page): Promise<{ url: string; tracks: number; live: number }> {
  return JSON.parse(await page.evaluate(() => (globalThis as unknown as { name: string }).name)) as { url: string; tracks: number; live: number };
}

/** Puts something of a citizen in every store a page can reach (as a careless feature could). */
export async function fillPrivateStores(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const g = globalThis as unknown as {
      localStorage: { setItem(k: string, v: string): void };
      sessionStorage: { setItem(k: string, v: string): void };
      caches: { open(n: string): Promise<{ put(r: string, res: unknown): Promise<void> }> };
      Response: new (body: string) => unknown;
      indexedDB: { open(n: string): { onsuccess: (() => void) | null; result: { close(): void } } };
    };
    g.localStorage.setItem('citizen', 'Jeanne Martin');
    g.sessionStorage.setItem('draft', 'mon numéro fiscal');
    await (await g.caches.open('documents')).put('/api/documents/x', new g.Response('page 1'));
    await new Promise<void>((resolve) => {
      const request = g.indexedDB.open('scans');
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
    });
  });
}

/**
 * What the stores hold now. The page just loaded writes its own display preference (the DSFR's
 * colour scheme) again: it is left out; nothing else may be there.
 */
export async function privateStoresLeft(page: Page): Promise<{ local: Array<string | null>; session: number; caches: number; databases: number }> {
  const left = await page.evaluate(async () => {
    const g = globalThis as unknown as {
      localStorage: { length: number; key(i: number): string | null };
      sessionStorage: { length: number };
      caches: { keys(): Promise<string[]> };
      indexedDB: { databases(): Promise<unknown[]> };
    };
    const local = Array.from({ length: g.localStorage.length }, (_, i) => g.localStorage.key(i));
    return { local, session: g.sessionStorage.length, caches: (await g.caches.keys()).length, databases: (await g.indexedDB.databases()).length };
  });
  return { ...left, local: left.local.filter((key) => !key?.startsWith('scheme')) };
}

/** Who the page's cookies make it: « device » for a paired booth. */
export const principalKind = (page: Page) => page.evaluate(async () => ((await (await fetch('/api/auth/me')).json()) as { kind?: string }).kind);
