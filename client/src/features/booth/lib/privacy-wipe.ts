import { releaseAll } from '../../../lib/page-resources';

/** Where the booth goes back to: its welcome screen. */
export const BOOTH_WELCOME = '/borne';
/**
 * The query parameter naming a consultation the citizen left on purpose: the welcome screen offers
 * to go back into it rather than entering it by itself (the wipe's page load loses any other state).
 */
export const LEFT_PARAM = 'quittee';

/** Each store emptied on its own: one the browser refuses (private mode, quota) does not stop the others. */
async function settle(steps: Array<() => unknown>): Promise<void> {
  await Promise.allSettled(steps.map(async (step) => step()));
}

async function clearCaches(): Promise<void> {
  if (!('caches' in window)) return;
  const names = await caches.keys();
  await Promise.all(names.map((name) => caches.delete(name)));
}

async function clearIndexedDb(): Promise<void> {
  // indexedDB.databases() is missing from old browsers: nothing can be listed there, so nothing is left to guess.
  const databases = (await indexedDB.databases?.()) ?? [];
  await Promise.all(
    databases.map(
      ({ name }) =>
        new Promise<void>((resolve) => {
          if (!name) return resolve();
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  );
}

/**
 * The booth's privacy wipe, after each consultation and after an idle time: nothing of the citizen
 * who just left may remain for the next one. Camera and microphone are released, object URLs
 * revoked, every storage the page can reach emptied; then a full page load to the welcome screen
 * drops every in-memory state (call, documents, chat, survey). The booth stays paired: its device
 * cookie is httpOnly, out of the page's reach and meant to stay.
 */
export async function privacyWipe({ left }: { left?: string } = {}): Promise<void> {
  await wipeTo(left ? `${BOOTH_WELCOME}?${LEFT_PARAM}=${encodeURIComponent(left)}` : BOOTH_WELCOME);
}

/** The same wipe, then the page given (the pairing page, once the facilitator unpaired the booth). */
export async function wipeTo(path: string): Promise<void> {
  releaseAll();
  await settle([() => sessionStorage.clear(), () => localStorage.clear(), clearCaches, clearIndexedDb]);
  window.location.replace(path);
}
